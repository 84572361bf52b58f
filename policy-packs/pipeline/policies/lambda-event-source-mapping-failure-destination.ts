import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

export const lambdaEventSourceMappingFailureDestination: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-event-source-mapping-failure-destination",
    description: "Checks whether Lambda mappings that read a stream (Kinesis, DynamoDB Streams, Kafka) keep records that keep failing.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `destinationConfig.onFailure.destinationArn` to an encrypted SQS " +
        "queue or SNS topic (and bound `maximumRetryAttempts`), so a poison " +
        "record is kept, not dropped when it expires.",
    resourceTypes: [T.lambdaEventSourceMapping],
    validateResource: forTypes([T.lambdaEventSourceMapping], (args, report) => {
        // Only stream sources take a starting position; SQS sources keep failures in the queue's own DLQ.
        if (!isPresent(args.props.startingPosition)) return args.notApplicable("The mapping reads a queue, not a stream.");
        const onFailure = (args.props.destinationConfig as { onFailure?: { destinationArn?: unknown } } | undefined)?.onFailure;
        if (!onFailure || !isPresent(onFailure.destinationArn))
            report(
                `Lambda event source mapping \`${args.name}\` must set ` +
                    `\`destinationConfig.onFailure.destinationArn\` for records that keep failing.`,
            );
    }),
};
