import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const lambdaFunctionTracingEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-function-tracing-enabled",
    description: "Checks whether Lambda functions trace requests with AWS X-Ray.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: 'Set `tracingConfig: { mode: "Active" }` and allow `xray:PutTraceSegments` in the function\'s role.',
    peerChecks: {
        full: ["CKV_AWS_50", "aws-lambda-function-configure-tracing-config", "aws-lambda-function-enable-tracing-config"],
    },
    resourceTypes: [T.lambdaFunction],
    validateResource: forTypes([T.lambdaFunction], (args, report) => {
        const tracing = args.props.tracingConfig as { mode?: unknown } | undefined;
        if (tracing?.mode !== "Active") report(`Lambda function \`${args.name}\` must set \`tracingConfig.mode\` to \`Active\`.`);
    }),
};
