import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

export const lambdaFunctionDeadLetterQueue: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-function-dead-letter-queue",
    description: "Checks whether Lambda functions send failed asynchronous invocations to a dead-letter queue.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `deadLetterConfig.targetArn` to an encrypted SQS queue (or SNS topic) so events that keep failing are kept for replay.",
    peerChecks: { full: ["CKV_AWS_116"] },
    resourceTypes: [T.lambdaFunction],
    validateResource: forTypes([T.lambdaFunction], (args, report) => {
        const dlq = args.props.deadLetterConfig as { targetArn?: unknown } | undefined;
        if (!dlq || !isPresent(dlq.targetArn)) report(`Lambda function \`${args.name}\` must set \`deadLetterConfig.targetArn\`.`);
    }),
};
