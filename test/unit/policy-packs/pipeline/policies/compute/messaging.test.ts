import { snsTopicKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/sns-topic-kms-encrypted";
import { snsTopicPolicyNotPublic } from "../../../../../../policy-packs/pipeline/policies/sns-topic-policy-not-public";
import { snsTopicTlsOnly } from "../../../../../../policy-packs/pipeline/policies/sns-topic-tls-only";
import { sqsQueueCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/sqs-queue-customer-managed-key";
import { sqsQueueDeadLetterQueue } from "../../../../../../policy-packs/pipeline/policies/sqs-queue-dead-letter-queue";
import { sqsQueuePolicyNoWildcardActions } from "../../../../../../policy-packs/pipeline/policies/sqs-queue-policy-no-wildcard-actions";
import { sqsQueuePolicyNotPublic } from "../../../../../../policy-packs/pipeline/policies/sqs-queue-policy-not-public";
import { sqsQueueTlsOnly } from "../../../../../../policy-packs/pipeline/policies/sqs-queue-tls-only";
import { describePolicy } from "../../../support/policy-cases";
import { computeEstate, only, patched, rec, UNKNOWN, without } from "./fixture";

const QUEUE = "aws:sqs/queue:Queue";
const QP = "aws:sqs/queuePolicy:QueuePolicy";
const TOPIC = "aws:sns/topic:Topic";
const TP = "aws:sns/topicPolicy:TopicPolicy";
const FN = "aws:lambda/function:Function";
const doc = (...Statement: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const sendToAnyone = { Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" };

describe("SQS policies", () => {
    describePolicy(sqsQueueCustomerManagedKey, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "SSE-SQS",
                resources: patched(QUEUE, "orders-queue", { kmsMasterKeyId: undefined, sqsManagedSseEnabled: true }),
                expect: /not SSE-SQS/,
            },
            {
                name: "the AWS managed key",
                resources: patched(QUEUE, "orders-queue", { kmsMasterKeyId: "alias/aws/sqs" }),
                expect: /not `alias\/aws\/sqs`/,
            },
        ],
        notApplicable: [{ name: "stacks without queues", resources: only(TOPIC) }],
        unknown: [{ name: "the key is another resource's output", resources: patched(QUEUE, "orders-queue", { kmsMasterKeyId: UNKNOWN }) }],
    });
    describePolicy(sqsQueueTlsOnly, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a queue without a policy",
                resources: without(QP, "orders-dlq-policy"),
                expect: /`orders-dlq` must have a queue policy denying requests without TLS/,
            },
            {
                name: "a policy without the TLS statement",
                resources: patched(QP, "orders-queue-policy", {
                    policy: doc({ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage" }),
                }),
                expect: /`orders-queue` must have a queue policy/,
            },
        ],
        notApplicable: [{ name: "stacks without queues", resources: only(TOPIC) }],
        unknown: [
            { name: "the queue policy is another resource's output", resources: patched(QP, "orders-queue-policy", { policy: UNKNOWN }) },
        ],
    });
    it("accepts the TLS statement in the queue's own `policy`", async () => {
        const { runOne } = await import("../../../support/policy-cases");
        const estate = without(QP)().map((r) =>
            r.type === QUEUE
                ? {
                      ...r,
                      props: {
                          ...r.props,
                          policy: doc({
                              Effect: "Deny",
                              Principal: "*",
                              Action: "*",
                              Condition: { Bool: { "aws:SecureTransport": false } },
                          }),
                      },
                  }
                : r,
        );
        const result = await runOne(sqsQueueTlsOnly, estate);
        if (result.diagnostics.length > 0) throw new Error(JSON.stringify(result.diagnostics));
    });
    describePolicy(sqsQueuePolicyNotPublic, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a grant to everyone",
                resources: patched(QP, "orders-queue-policy", { policy: doc(sendToAnyone) }),
                expect: /`orders-queue-policy` must not expose the queue: it grants access to everyone/,
            },
            {
                name: "an inline grant to an untrusted account",
                resources: patched(QUEUE, "orders-queue", {
                    policy: doc({ ...sendToAnyone, Principal: { AWS: "arn:aws:iam::999999999999:root" } }),
                }),
                expect: /untrusted account 999999999999/,
            },
        ],
        notApplicable: [
            { name: "queues without an inline policy", resources: only(QUEUE) },
            { name: "stacks without queues", resources: only(TOPIC) },
        ],
        unknown: [{ name: "the policy is another resource's output", resources: patched(QP, "orders-queue-policy", { policy: UNKNOWN }) }],
    });
    it("trusts an account named in its config", async () => {
        const { runOne } = await import("../../../support/policy-cases");
        const estate = patched(QP, "orders-queue-policy", { policy: doc({ ...sendToAnyone, Principal: { AWS: "999999999999" } }) })();
        const result = await runOne(sqsQueuePolicyNotPublic, estate, {
            config: { "sqs-queue-policy-not-public": { trustedAccountIds: ["999999999999"] } },
        });
        if (result.diagnostics.length > 0) throw new Error(JSON.stringify(result.diagnostics));
    });
    describePolicy(sqsQueuePolicyNoWildcardActions, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a grant of every SQS action",
                resources: patched(QP, "orders-queue-policy", {
                    policy: doc({ ...sendToAnyone, Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "sqs:*" }),
                }),
                expect: /must grant named actions/,
            },
        ],
        notApplicable: [
            { name: "queues without an inline policy", resources: only(QUEUE) },
            { name: "stacks without queues", resources: only(TOPIC) },
        ],
        unknown: [{ name: "the policy is another resource's output", resources: patched(QP, "orders-queue-policy", { policy: UNKNOWN }) }],
    });
    describePolicy(sqsQueueDeadLetterQueue, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a queue without a redrive policy that no one uses as a dead-letter queue",
                resources: patched(QUEUE, "orders-queue", { redrivePolicy: undefined }),
                expect: /`orders-queue` must redrive failing messages/,
            },
        ],
        notApplicable: [{ name: "stacks without queues", resources: only(TOPIC) }],
        unknown: [
            {
                name: "the redrive policy is another resource's output",
                resources: patched(QUEUE, "orders-queue", { redrivePolicy: UNKNOWN }),
            },
        ],
    });
    it("counts a queue that a Lambda function uses as its dead-letter queue", async () => {
        const { runOne } = await import("../../../support/policy-cases");
        const estate = [
            ...computeEstate().filter((r) => r.type !== FN),
            rec(QUEUE, "fn-dlq", { name: "fn-dlq", kmsMasterKeyId: "k" }),
            rec(
                FN,
                "worker",
                { deadLetterConfig: { targetArn: UNKNOWN } },
                { deadLetterConfig: { urn: "urn:pulumi:prod::edf::aws:sqs/queue:Queue::fn-dlq" } },
            ),
        ];
        const result = await runOne(sqsQueueDeadLetterQueue, estate);
        if (result.diagnostics.length > 0) throw new Error(JSON.stringify(result.diagnostics));
    });
});

describe("SNS policies", () => {
    describePolicy(snsTopicKmsEncrypted, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "an unencrypted topic",
                resources: patched(TOPIC, "orders-topic", { kmsMasterKeyId: undefined }),
                expect: /`orders-topic` must be encrypted with a KMS key/,
            },
            {
                name: "the AWS managed key",
                resources: patched(TOPIC, "orders-topic", { kmsMasterKeyId: "alias/aws/sns" }),
                expect: /customer managed KMS key, not `alias\/aws\/sns`/,
            },
        ],
        notApplicable: [{ name: "stacks without topics", resources: only(QUEUE) }],
        unknown: [{ name: "the key is another resource's output", resources: patched(TOPIC, "orders-topic", { kmsMasterKeyId: UNKNOWN }) }],
    });
    describePolicy(snsTopicTlsOnly, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a topic without a policy",
                resources: without(TP),
                expect: /`orders-topic` must have a topic policy denying requests without TLS/,
            },
        ],
        notApplicable: [{ name: "stacks without topics", resources: only(QUEUE) }],
        unknown: [
            { name: "the topic policy is another resource's output", resources: patched(TP, "orders-topic-policy", { policy: UNKNOWN }) },
        ],
    });
    it("accepts a deny of `sns:Publish` without TLS", async () => {
        const { runOne } = await import("../../../support/policy-cases");
        const policy = doc({
            Effect: "Deny",
            Principal: "*",
            Action: "sns:Publish",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        });
        const result = await runOne(snsTopicTlsOnly, patched(TP, "orders-topic-policy", { policy })());
        if (result.diagnostics.length > 0) throw new Error(JSON.stringify(result.diagnostics));
    });
    describePolicy(snsTopicPolicyNotPublic, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a grant to everyone",
                resources: patched(TP, "orders-topic-policy", {
                    policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sns:Subscribe" }),
                }),
                expect: /`orders-topic-policy` must not expose the topic: it grants access to everyone/,
            },
        ],
        notApplicable: [
            { name: "topics without an inline policy", resources: only(TOPIC) },
            { name: "stacks without topics", resources: only(QUEUE) },
        ],
        unknown: [{ name: "the policy is another resource's output", resources: patched(TP, "orders-topic-policy", { policy: UNKNOWN }) }],
    });
});
