import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName, denyInsecureTransport, dependencyProblems } from "./dependency";
import { throwIfProblems } from "./errors";
import { resourceTags } from "./governance";
import { QueueAccess, queueStatements } from "./iam-documents";
import type { ServiceIdentity } from "./service-identity";

/** Arguments of {@link Queue}. */
export interface QueueArgs {
    /** The service that owns the queue; its task role is granted `access`. */
    readonly service: ServiceIdentity;
    /** What the service does with the queue. @default "consume" */
    readonly access?: QueueAccess;
    /** Seconds a received message stays invisible to other consumers (0–43200). @default 30 */
    readonly visibilityTimeoutSeconds?: number;
    /** Receives before a message moves to the dead-letter queue (1–1000). @default 5 */
    readonly maxReceiveCount?: number;
}

export const DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
export const DEFAULT_MAX_RECEIVE_COUNT = 5;

/** Problems with a queue's arguments. Pure. */
export function queueProblems(name: string, args: QueueArgs): string[] {
    const problems = dependencyProblems(name, args.service);
    const access = args.access;
    if (access !== undefined && !["consume", "produce", "consume-and-produce"].includes(access)) {
        problems.push(`\`access\` is \`${String(access)}\`: use \`consume\`, \`produce\` or \`consume-and-produce\`.`);
    }
    const visibility = args.visibilityTimeoutSeconds;
    if (visibility !== undefined && (!Number.isInteger(visibility) || visibility < 0 || visibility > 43200)) {
        problems.push(`\`visibilityTimeoutSeconds\` is \`${String(visibility)}\`: use a whole number from 0 to 43200.`);
    }
    const receives = args.maxReceiveCount;
    if (receives !== undefined && (!Number.isInteger(receives) || receives < 1 || receives > 1000)) {
        problems.push(`\`maxReceiveCount\` is \`${String(receives)}\`: use a whole number from 1 to 1000.`);
    }
    return problems;
}

/**
 * An SQS queue a service owns: encrypted with the landing zone's data key, a
 * dead-letter queue (same key, longer retention) for messages that keep failing, both
 * refusing requests without TLS; the service's task role gets exactly `access` on this
 * queue and the key (through SQS only).
 */
export class Queue extends pulumi.ComponentResource {
    readonly queue: aws.sqs.Queue;
    readonly deadLetterQueue: aws.sqs.Queue;
    /** The queue URL the service sends to / receives from. */
    readonly url: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;

    constructor(name: string, args: QueueArgs, opts: pulumi.ComponentResourceOptions = {}) {
        throwIfProblems(`Queue \`${name}\``, queueProblems(name, args));
        super("edf:services:Queue", childName(args.service, name), {}, opts);
        const service = args.service;
        const { security } = service.landingZone;
        const tags = (suffix?: string) => resourceTags(service.tags, childName(service, name, suffix));

        this.deadLetterQueue = new aws.sqs.Queue(
            childName(service, name, "dlq"),
            {
                name: service.physicalName(`${name}-dlq`, 80),
                kmsMasterKeyId: security.dataKmsKeyArn,
                kmsDataKeyReusePeriodSeconds: 300,
                messageRetentionSeconds: service.sizing.deadLetterRetentionDays * 86400,
                tags: tags("dlq"),
            },
            { parent: this },
        );
        this.queue = new aws.sqs.Queue(
            childName(service, name),
            {
                name: service.physicalName(name, 80),
                kmsMasterKeyId: security.dataKmsKeyArn,
                kmsDataKeyReusePeriodSeconds: 300,
                visibilityTimeoutSeconds: args.visibilityTimeoutSeconds ?? DEFAULT_VISIBILITY_TIMEOUT_SECONDS,
                redrivePolicy: pulumi.jsonStringify({
                    deadLetterTargetArn: this.deadLetterQueue.arn,
                    maxReceiveCount: args.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT,
                }),
                tags: tags(),
            },
            { parent: this },
        );
        for (const [suffix, queue] of [
            ["policy", this.queue],
            ["dlq-policy", this.deadLetterQueue],
        ] as const) {
            new aws.sqs.QueuePolicy(
                childName(service, name, suffix),
                {
                    queueUrl: queue.url,
                    policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: [denyInsecureTransport("sqs:*", [queue.arn])] }),
                },
                { parent: queue },
            );
        }
        service.grantTask(
            childName(service, name, "access"),
            queueStatements(args.access ?? "consume", this.queue.arn, security.dataKmsKeyArn),
            this,
        );

        this.url = this.queue.url;
        this.arn = this.queue.arn;
        this.registerOutputs({ url: this.url, arn: this.arn, deadLetterQueueArn: this.deadLetterQueue.arn });
    }
}
