import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { known, ofTypes, parseMaybeJson } from "../support/props";
import { isPresent } from "../support/present";
import { linksByTarget } from "../support/stack-links";
import { T } from "../support/types";

/** The dead-letter target ARN in a redrive policy (JSON text or object), if known. */
function deadLetterTarget(redrivePolicy: unknown): string | undefined {
    const doc = parseMaybeJson(redrivePolicy) as { deadLetterTargetArn?: unknown } | undefined;
    return doc && typeof doc === "object" && typeof doc.deadLetterTargetArn === "string" ? doc.deadLetterTargetArn : undefined;
}

/** URNs (by property dependency) and ARNs (by value) of the queues `r` sends failures to through `prop`. */
function deadLetterRefs(r: PolicyResource, prop: string, read: () => unknown, urns: Set<string>, arns: Set<string>): void {
    for (const d of r.propertyDependencies[prop] ?? []) urns.add(d.urn);
    const arn = known(read);
    if (typeof arn === "string") arns.add(arn);
}

export const sqsQueueDeadLetterQueue: StackPolicyDefinition = {
    kind: "stack",
    id: "sqs-queue-dead-letter-queue",
    description: "Checks whether every SQS queue either redrives failing messages to a dead-letter queue or is itself a dead-letter queue.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Create a second queue (same key, longer retention) and set the queue's `redrivePolicy` (or an `aws.sqs.RedrivePolicy`) to `{ " +
        "deadLetterTargetArn, maxReceiveCount }`.",
    peerChecks: { full: ["AwsSolutions-SQS3"] },
    resourceTypes: [T.sqsQueue, T.sqsRedrivePolicy, T.lambdaFunction],
    validateStack: (args, report) => {
        const queues = ofTypes(args.resources, [T.sqsQueue]);
        if (queues.length === 0) args.notApplicable("The stack declares no SQS queue.");
        const redrives = ofTypes(args.resources, [T.sqsRedrivePolicy]);
        const redriveOf = linksByTarget(redrives, "queueUrl", queues, ["url"]);
        // Queues other resources use as their dead-letter queue.
        const dlqUrns = new Set<string>();
        const dlqArns = new Set<string>();
        for (const q of queues) deadLetterRefs(q, "redrivePolicy", () => deadLetterTarget(q.props.redrivePolicy), dlqUrns, dlqArns);
        for (const r of redrives) deadLetterRefs(r, "redrivePolicy", () => deadLetterTarget(r.props.redrivePolicy), dlqUrns, dlqArns);
        for (const fn of ofTypes(args.resources, [T.lambdaFunction]))
            deadLetterRefs(
                fn,
                "deadLetterConfig",
                () => (fn.props.deadLetterConfig as { targetArn?: unknown } | undefined)?.targetArn,
                dlqUrns,
                dlqArns,
            );
        for (const q of queues) {
            if (isPresent(q.props.redrivePolicy) || (redriveOf.get(q.urn) ?? []).length > 0) continue;
            if (dlqUrns.has(q.urn)) continue;
            const arn = known(() => q.props.arn);
            if (typeof arn === "string" && dlqArns.has(arn)) continue;
            report(`SQS queue \`${q.name}\` must redrive failing messages to a dead-letter queue (\`redrivePolicy\`) or be one.`, q.urn);
        }
    },
};
