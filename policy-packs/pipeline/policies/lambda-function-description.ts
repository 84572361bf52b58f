import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

export const lambdaFunctionDescription: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-function-description",
    description: "Checks whether Lambda functions say what they do in a description.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Set `description` to one sentence saying what the function does and for which service.",
    peerChecks: { full: ["aws-lambda-function-missing-description"] },
    resourceTypes: [T.lambdaFunction],
    validateResource: forTypes([T.lambdaFunction], (args, report) => {
        if (!isPresent(args.props.description)) report(`Lambda function \`${args.name}\` must have a \`description\`.`);
    }),
};
