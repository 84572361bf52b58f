import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const lambdaFunctionUrlAuthRequired: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-function-url-auth-required",
    description: "Checks whether Lambda function URLs require IAM authentication.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `authorizationType: "AWS_IAM"` on the `aws.lambda.FunctionUrl` ' +
        "(callers sign requests with SigV4), or put the function behind an API " +
        "Gateway API with an authoriser.",
    peerChecks: { full: ["CKV_AWS_258"] },
    resourceTypes: [T.lambdaFunctionUrl],
    validateResource: forTypes([T.lambdaFunctionUrl], (args, report) => {
        const auth = args.props.authorizationType;
        if (auth !== "AWS_IAM")
            report(
                `Lambda function URL \`${args.name}\` must set \`authorizationType\` to \`AWS_IAM\`, not \`${String(auth ?? "NONE")}\`.`,
            );
    }),
};
