import * as assert from "assert";
import { eventbridgeBusLogging } from "../../../../../../policy-packs/pipeline/policies/eventbridge-bus-logging";
import { eventbridgeBusPolicyNotPublic } from "../../../../../../policy-packs/pipeline/policies/eventbridge-bus-policy-not-public";
import { eventbridgeCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/eventbridge-customer-managed-key";
import { kinesisAnalyticsFlinkCheckpointing } from "../../../../../../policy-packs/pipeline/policies/kinesis-analytics-flink-checkpointing";
import { kinesisFirehoseEncrypted } from "../../../../../../policy-packs/pipeline/policies/kinesis-firehose-encrypted";
import { kinesisStreamEncrypted } from "../../../../../../policy-packs/pipeline/policies/kinesis-stream-encrypted";
import { kinesisStreamPolicyNotPublic } from "../../../../../../policy-packs/pipeline/policies/kinesis-stream-policy-not-public";
import { secretsmanagerSecretCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/secretsmanager-secret-customer-managed-key";
import { secretsmanagerSecretDescription } from "../../../../../../policy-packs/pipeline/policies/secretsmanager-secret-description";
import { secretsmanagerSecretPolicyNotPublic } from "../../../../../../policy-packs/pipeline/policies/secretsmanager-secret-policy-not-public";
import { secretsmanagerSecretRotation } from "../../../../../../policy-packs/pipeline/policies/secretsmanager-secret-rotation";
import { sfnStateMachineCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/sfn-state-machine-customer-managed-key";
import { sfnStateMachineLogging } from "../../../../../../policy-packs/pipeline/policies/sfn-state-machine-logging";
import { sfnStateMachineTracing } from "../../../../../../policy-packs/pipeline/policies/sfn-state-machine-tracing";
import { describePolicy, runOne } from "../../../support/policy-cases";
import { computeEstate, only, patched, UNKNOWN, without } from "./fixture";

const SFN = "aws:sfn/stateMachine:StateMachine";
const BUS = "aws:cloudwatch/eventBus:EventBus";
const BUS_POLICY = "aws:cloudwatch/eventBusPolicy:EventBusPolicy";
const PERMISSION = "aws:cloudwatch/eventPermission:EventPermission";
const SCHEDULE = "aws:scheduler/schedule:Schedule";
const STREAM = "aws:kinesis/stream:Stream";
const VIDEO = "aws:kinesis/videoStream:VideoStream";
const STREAM_POLICY = "aws:kinesis/resourcePolicy:ResourcePolicy";
const FIREHOSE = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream";
const FLINK = "aws:kinesisanalyticsv2/application:Application";
const SECRET = "aws:secretsmanager/secret:Secret";
const ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";
const SECRET_POLICY = "aws:secretsmanager/secretPolicy:SecretPolicy";
const FN = "aws:lambda/function:Function";
const doc = (...Statement: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const toEveryone = (Action: string) => doc({ Effect: "Allow", Principal: "*", Action, Resource: "*" });

describe("Step Functions policies", () => {
    const sfn = (patch: Record<string, unknown>) => patched(SFN, "settlement", patch);
    describePolicy(sfnStateMachineLogging, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no logging",
                resources: sfn({ loggingConfiguration: undefined }),
                expect: /`settlement` must log executions at level ALL/,
            },
            {
                name: "errors only",
                resources: sfn({ loggingConfiguration: { level: "ERROR", logDestination: "arn:logs:*" } }),
                expect: /level ALL/,
            },
            {
                name: "no destination",
                resources: sfn({ loggingConfiguration: { level: "ALL" } }),
                expect: /must send its logs to a log group/,
            },
        ],
        notApplicable: [{ name: "stacks without state machines", resources: only(FN) }],
        unknown: [
            {
                name: "the destination is another resource's output",
                resources: sfn({ loggingConfiguration: { level: "ALL", logDestination: UNKNOWN } }),
            },
        ],
    });
    describePolicy(sfnStateMachineTracing, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no tracing",
                resources: sfn({ tracingConfiguration: undefined }),
                expect: /`settlement` must set `tracingConfiguration.enabled: true`/,
            },
        ],
        notApplicable: [{ name: "stacks without state machines", resources: only(FN) }],
        unknown: [{ name: "the flag is another resource's output", resources: sfn({ tracingConfiguration: { enabled: UNKNOWN } }) }],
    });
    describePolicy(sfnStateMachineCustomerManagedKey, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "the AWS owned key",
                resources: sfn({ encryptionConfiguration: { type: "AWS_OWNED_KEY" } }),
                expect: /`settlement` must be encrypted with a customer managed KMS key/,
            },
        ],
        notApplicable: [{ name: "stacks without state machines", resources: only(FN) }],
        unknown: [
            {
                name: "the key is another resource's output",
                resources: sfn({ encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: UNKNOWN } }),
            },
        ],
    });
});

describe("EventBridge policies", () => {
    describePolicy(eventbridgeBusPolicyNotPublic, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a bus policy open to everyone",
                resources: patched(BUS_POLICY, "payments-bus-policy", { policy: toEveryone("events:PutEvents") }),
                expect: /`payments-bus-policy` must not expose the bus/,
            },
            {
                name: "a permission for everyone",
                resources: patched(PERMISSION, "payments-bus-org", { condition: undefined }),
                expect: /`payments-bus-org` must not let everyone put events/,
            },
            {
                name: "a permission for an untrusted account",
                resources: patched(PERMISSION, "payments-bus-org", { principal: "999999999999", condition: undefined }),
                expect: /untrusted account 999999999999/,
            },
        ],
        notApplicable: [{ name: "stacks without bus policies", resources: only(BUS) }],
        unknown: [
            { name: "the policy is another resource's output", resources: patched(BUS_POLICY, "payments-bus-policy", { policy: UNKNOWN }) },
        ],
    });
    describePolicy(eventbridgeCustomerManagedKey, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a bus on the AWS owned key",
                resources: patched(BUS, "payments-bus", { kmsKeyIdentifier: undefined }),
                expect: /Event bus `payments-bus` must be encrypted/,
            },
            {
                name: "a schedule on the AWS owned key",
                resources: patched(SCHEDULE, "nightly", { kmsKeyArn: undefined }),
                expect: /Schedule `nightly` must be encrypted .*`kmsKeyArn`/,
            },
        ],
        notApplicable: [{ name: "stacks without buses or schedules", resources: only(FN) }],
        unknown: [{ name: "the key is another resource's output", resources: patched(BUS, "payments-bus", { kmsKeyIdentifier: UNKNOWN }) }],
    });
});

describe("EventBridge logging", () => {
    describePolicy(eventbridgeBusLogging, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no log config",
                resources: patched(BUS, "payments-bus", { logConfig: undefined }),
                expect: /Event bus `payments-bus` must log event delivery .*not `OFF`/,
            },
            {
                name: "logging off",
                resources: patched(BUS, "payments-bus", { logConfig: { level: "OFF" } }),
                expect: /must log event delivery/,
            },
        ],
        notApplicable: [{ name: "stacks without buses", resources: only(FN) }],
        unknown: [
            { name: "the level is another resource's output", resources: patched(BUS, "payments-bus", { logConfig: { level: UNKNOWN } }) },
        ],
    });
});

describe("Kinesis policies", () => {
    describePolicy(kinesisStreamEncrypted, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "an unencrypted stream",
                resources: patched(STREAM, "orders-stream", { encryptionType: "NONE" }),
                expect: /Kinesis stream `orders-stream` must be encrypted at rest/,
            },
            {
                name: "a stream on the AWS managed key",
                resources: patched(STREAM, "orders-stream", { kmsKeyId: "alias/aws/kinesis" }),
                expect: /customer managed KMS key, not `alias\/aws\/kinesis`/,
            },
            {
                name: "a video stream on the default key",
                resources: patched(VIDEO, "cameras", { kmsKeyId: undefined }),
                expect: /Kinesis video stream `cameras` must name its KMS key/,
            },
        ],
        notApplicable: [{ name: "stacks without streams", resources: only(FN) }],
        unknown: [{ name: "the key is another resource's output", resources: patched(STREAM, "orders-stream", { kmsKeyId: UNKNOWN }) }],
    });
    describePolicy(kinesisFirehoseEncrypted, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no encryption",
                resources: patched(FIREHOSE, "orders-archive", { serverSideEncryption: undefined }),
                expect: /`orders-archive` must encrypt at rest/,
            },
            {
                name: "the AWS owned key",
                resources: patched(FIREHOSE, "orders-archive", { serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" } }),
                expect: /must use a customer managed key/,
            },
        ],
        notApplicable: [
            {
                name: "streams fed by a Kinesis data stream",
                resources: patched(FIREHOSE, "orders-archive", {
                    serverSideEncryption: undefined,
                    kinesisSourceConfiguration: { kinesisStreamArn: "arn" },
                }),
            },
            { name: "stacks without delivery streams", resources: only(FN) },
        ],
        unknown: [
            {
                name: "the key is another resource's output",
                resources: patched(FIREHOSE, "orders-archive", {
                    serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: UNKNOWN },
                }),
            },
        ],
    });
    describePolicy(kinesisStreamPolicyNotPublic, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a policy open to everyone",
                resources: patched(STREAM_POLICY, "orders-stream-policy", { policy: toEveryone("kinesis:GetRecords") }),
                expect: /must not expose the stream/,
            },
        ],
        notApplicable: [{ name: "stacks without stream policies", resources: only(STREAM) }],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: patched(STREAM_POLICY, "orders-stream-policy", { policy: UNKNOWN }),
            },
        ],
    });
    describePolicy(kinesisAnalyticsFlinkCheckpointing, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no checkpoint configuration",
                resources: patched(FLINK, "orders-aggregates", { applicationConfiguration: {} }),
                expect: /`orders-aggregates` must checkpoint its state/,
            },
            {
                name: "checkpointing turned off",
                resources: patched(FLINK, "orders-aggregates", {
                    applicationConfiguration: {
                        flinkApplicationConfiguration: {
                            checkpointConfiguration: { configurationType: "CUSTOM", checkpointingEnabled: false },
                        },
                    },
                }),
                expect: /must checkpoint/,
            },
        ],
        notApplicable: [
            {
                name: "SQL applications",
                resources: patched(FLINK, "orders-aggregates", { runtimeEnvironment: "SQL-1_0", applicationConfiguration: {} }),
            },
            { name: "stacks without applications", resources: only(FN) },
        ],
        unknown: [
            {
                name: "the runtime is another resource's output",
                resources: patched(FLINK, "orders-aggregates", { runtimeEnvironment: UNKNOWN }),
            },
        ],
    });
});

describe("Secrets Manager policies", () => {
    describePolicy(secretsmanagerSecretCustomerManagedKey, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "the default key",
                resources: patched(SECRET, "db-credentials", { kmsKeyId: undefined }),
                expect: /`db-credentials` must be encrypted with a customer managed KMS key/,
            },
            {
                name: "the AWS managed key named",
                resources: patched(SECRET, "db-credentials", { kmsKeyId: "alias/aws/secretsmanager" }),
                expect: /not `alias\/aws\/secretsmanager`/,
            },
        ],
        notApplicable: [{ name: "stacks without secrets", resources: only(FN) }],
        unknown: [{ name: "the key is another resource's output", resources: patched(SECRET, "db-credentials", { kmsKeyId: UNKNOWN }) }],
    });
    describePolicy(secretsmanagerSecretRotation, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "a secret without rotation", resources: without(ROTATION), expect: /`db-credentials` must be rotated automatically/ },
            {
                name: "a yearly rotation",
                resources: patched(ROTATION, "db-credentials-rotation", { rotationRules: { automaticallyAfterDays: 365 } }),
                expect: /at least every 90 days/,
            },
            {
                name: "a slow rate",
                resources: patched(ROTATION, "db-credentials-rotation", { rotationRules: { scheduleExpression: "rate(120 days)" } }),
                expect: /at least every 90 days/,
            },
            {
                name: "rotation turned off",
                resources: patched(ROTATION, "db-credentials-rotation", { rotationEnabled: false }),
                expect: /must be rotated automatically/,
            },
        ],
        notApplicable: [{ name: "stacks without secrets", resources: only(FN) }],
        unknown: [
            {
                name: "the rules are another resource's output",
                resources: patched(ROTATION, "db-credentials-rotation", { rotationRules: UNKNOWN }),
            },
        ],
    });
    it("accepts a secret rotated by a system the environment trusts, and only then", async () => {
        const estate = () =>
            without(ROTATION)().map((r) => (r.type === SECRET ? { ...r, props: { ...r.props, tags: { "edf:rotated-by": "vault" } } } : r));
        const trusted = await runOne(secretsmanagerSecretRotation, estate(), {
            config: { "secretsmanager-secret-rotation": { trustedRotators: ["vault"] } },
        });
        assert.deepStrictEqual(trusted.diagnostics, []);
        const untrusted = await runOne(secretsmanagerSecretRotation, estate());
        assert.strictEqual(untrusted.diagnostics.length, 1, "the tag alone does not exempt a secret");
    });
    it("accepts an hourly rate and a cron schedule", async () => {
        for (const scheduleExpression of ["rate(4 hours)", "cron(0 2 1 * ? *)"]) {
            const estate = patched(ROTATION, "db-credentials-rotation", { rotationRules: { scheduleExpression } })();
            assert.deepStrictEqual((await runOne(secretsmanagerSecretRotation, estate)).diagnostics, [], scheduleExpression);
        }
    });
    describePolicy(secretsmanagerSecretDescription, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no description",
                resources: patched(SECRET, "db-credentials", { description: "" }),
                expect: /`db-credentials` must have a `description`/,
            },
        ],
        notApplicable: [{ name: "stacks without secrets", resources: only(FN) }],
        unknown: [
            {
                name: "the description is another resource's output",
                resources: patched(SECRET, "db-credentials", { description: UNKNOWN }),
            },
        ],
    });
    describePolicy(secretsmanagerSecretPolicyNotPublic, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a policy open to everyone",
                resources: patched(SECRET_POLICY, "db-credentials-policy", { policy: toEveryone("secretsmanager:GetSecretValue") }),
                expect: /must not expose the secret: it grants access to everyone/,
            },
        ],
        notApplicable: [
            { name: "secrets without an inline policy", resources: only(SECRET) },
            { name: "stacks without secrets", resources: only(FN) },
        ],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: patched(SECRET_POLICY, "db-credentials-policy", { policy: UNKNOWN }),
            },
        ],
    });
});
