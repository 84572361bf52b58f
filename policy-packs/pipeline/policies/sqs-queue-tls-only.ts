import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes } from "../support/props";
import { deniesInsecureTransport } from "../support/resource-policies";
import { linksByTarget } from "../support/stack-links";
import { T } from "../support/types";

export const sqsQueueTlsOnly: StackPolicyDefinition = {
    kind: "stack",
    id: "sqs-queue-tls-only",
    description: "Checks whether every SQS queue's policy denies requests that do not use TLS.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.sqs.QueuePolicy` (or the queue's `policy`) with a " +
        "statement `Deny sqs:*` to `*` on the queue when `aws:SecureTransport` " +
        "is false.",
    peerChecks: { full: ["AwsSolutions-SQS4"] },
    resourceTypes: [T.sqsQueue, T.sqsQueuePolicy],
    validateStack: (args, report) => {
        const queues = ofTypes(args.resources, [T.sqsQueue]);
        if (queues.length === 0) args.notApplicable("The stack declares no SQS queue.");
        const policies = linksByTarget(ofTypes(args.resources, [T.sqsQueuePolicy]), "queueUrl", queues, ["url"]);
        for (const q of queues) {
            const docs = [q.props.policy, ...(policies.get(q.urn) ?? []).map((p) => p.props.policy)];
            if (!docs.some((d) => d !== undefined && deniesInsecureTransport(d, "sqs")))
                report(`SQS queue \`${q.name}\` must have a queue policy denying requests without TLS (aws:SecureTransport false).`, q.urn);
        }
    },
};
