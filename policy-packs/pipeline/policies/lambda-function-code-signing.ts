import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

export const lambdaFunctionCodeSigning: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-function-code-signing",
    description: "Checks whether Lambda functions that deploy a code package verify its signature.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Create an `aws.lambda.CodeSigningConfig` with the team's AWS Signer " +
        'profile (`untrustedArtifactOnDeployment: "Enforce"`) and set ' +
        "`codeSigningConfigArn`.",
    // Checkov also asks it of container image functions, which Lambda code signing does not cover.
    peerChecks: { partial: ["CKV_AWS_272"] },
    resourceTypes: [T.lambdaFunction],
    validateResource: forTypes([T.lambdaFunction], (args, report) => {
        // Container images are verified by their registry (digest pinning, signing), not Lambda code signing.
        if (args.props.packageType === "Image") return args.notApplicable("The function is a container image.");
        if (!isPresent(args.props.codeSigningConfigArn))
            report(`Lambda function \`${args.name}\` must set \`codeSigningConfigArn\` so only signed code deploys.`);
    }),
};
