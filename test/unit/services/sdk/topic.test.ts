import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Function as LambdaFunction, ServiceArgumentError, ServiceIdentity, Topic, TopicArgs } from "../../../../services/sdk";
import { validSecurityOutputs } from "../../platform/support/contract-fixtures";
import { arnOf, ofType, single, stateOf } from "../../platform/support/mock-run";
import { documentOf, untaggedResources } from "../../platform/support/assertions";
import { identityArgs, runOrders } from "../support/components";
import { inspectRun, mandatoryFindings } from "../../platform/support/inspection";

const SECURITY = validSecurityOutputs();
const code = () => new pulumi.asset.AssetArchive({ "index.mjs": new pulumi.asset.StringAsset("export const handler = async () => ({});") });

function build(environment: "dev" | "prod", extra: (service: ServiceIdentity) => Partial<Omit<TopicArgs, "service">> = () => ({})) {
    return runOrders(environment, (service) => {
        new Topic("events", { service, ...extra(service) });
    });
}

describe("Topic", () => {
    describe("in prod, with a subscribed function", () => {
        let run: Awaited<ReturnType<typeof build>>;
        before(async () => {
            run = await runOrders("prod", (service) => {
                const notify = new LambdaFunction("notify", { service, code: code() });
                new Topic("events", { service, subscribers: [notify] });
            });
            assert.equal(run.error, undefined, run.error?.message);
        });

        it("passes every pipeline policy with no mandatory finding, and only the advisory ones it chooses to leave", async () => {
            const result = await inspectRun(run);
            assert.deepEqual(mandatoryFindings(result), []);
            // Advisory `lambda-function-code-signing`: needs an AWS Signer profile the landing zone
            // does not provide yet (`codeSigning` turns it on).
            // Advisory `security-group-attached`: built alone, without the ContainerService that the
            // service identity's task security group is attached to.
            assert.deepEqual(result.findings.map((f) => f.policyId).sort(), ["lambda-function-code-signing", "security-group-attached"]);
        });

        it("encrypts with the data key, traces and signs with SHA256", () => {
            const topic = single(run.resources, "aws:sns/topic:Topic").props;
            assert.deepEqual([topic.kmsMasterKeyId, topic.tracingConfig, topic.signatureVersion], [SECURITY.dataKmsKeyArn, "Active", 2]);
        });

        it("refuses publishing without TLS and admits only the service's task role", () => {
            const policy = documentOf(single(run.resources, "aws:sns/topicPolicy:TopicPolicy").props.policy);
            const [deny, allow, ...rest] = policy.Statement;
            assert.deepEqual(
                [deny.Effect, deny.Action, deny.Condition],
                ["Deny", "sns:Publish", { Bool: { "aws:SecureTransport": "false" } }],
            );
            assert.deepEqual(allow.Principal, { AWS: [arnOf(run, "aws:iam/role:Role", "orders-task")] });
            assert.deepEqual(rest, []);
            assert.ok(policy.Statement.filter((s) => s.Effect === "Allow").every((s) => s.Principal !== "*"));
            const grant = documentOf(
                ofType(run.resources, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "orders-events-publish")!.props.policy,
            );
            assert.deepEqual(
                grant.Statement.map((s) => [s.Sid, s.Action]),
                [
                    ["PublishToTopic", ["sns:Publish"]],
                    ["TopicKey", ["kms:Decrypt", "kms:GenerateDataKey"]],
                ],
            );
        });

        it("lets SNS invoke the subscriber for this topic only, and logs delivery status encrypted, kept a year", () => {
            const topicArn = arnOf(run, "aws:sns/topic:Topic", "orders-events");
            const permission = single(run.resources, "aws:lambda/permission:Permission").props;
            assert.deepEqual([permission.principal, permission.sourceArn], ["sns.amazonaws.com", topicArn]);
            const subscription = single(run.resources, "aws:sns/topicSubscription:TopicSubscription").props;
            assert.deepEqual([subscription.protocol, subscription.topic], ["lambda", topicArn]);
            const groups = ofType(run.resources, "aws:cloudwatch/logGroup:LogGroup").filter((g) => g.props.name.startsWith("sns/"));
            assert.deepEqual(groups.map((g) => [g.props.name, g.props.kmsKeyId, g.props.retentionInDays]).sort(), [
                ["sns/us-east-1/123456789012/prod-orders-events", SECURITY.logsKmsKeyArn, 365],
                ["sns/us-east-1/123456789012/prod-orders-events/Failure", SECURITY.logsKmsKeyArn, 365],
            ]);
            const role = ofType(run.resources, "aws:iam/role:Role").find((r) => r.name === "orders-events-delivery-role")!;
            assert.equal(role.props.permissionsBoundary, SECURITY.permissionsBoundaryArn);
            assert.deepEqual(documentOf(role.props.assumeRolePolicy).Statement[0].Condition, {
                StringEquals: { "aws:SourceAccount": "123456789012" },
            });
            const topic = single(run.resources, "aws:sns/topic:Topic").props;
            assert.equal(topic.lambdaFailureFeedbackRoleArn, stateOf(run, role).arn);
            assert.equal(topic.lambdaSuccessFeedbackSampleRate, 10);
        });

        it("tags everything", () => {
            assert.deepEqual(untaggedResources(run.resources), []);
        });
    });

    it("admits an AWS service for one source resource when the key admits it", async () => {
        const rule = "arn:aws:events:us-east-1:123456789012:rule/orders-nightly";
        const key = "arn:aws:kms:us-east-1:123456789012:key/events-topic";
        const run = await build("dev", () => ({
            servicePublishers: [{ service: "events.amazonaws.com", sourceArn: rule }],
            kmsKeyArn: key,
        }));
        assert.equal(run.error, undefined, run.error?.message);
        const statement = documentOf(single(run.resources, "aws:sns/topicPolicy:TopicPolicy").props.policy).Statement[2];
        assert.deepEqual(
            [statement.Principal, statement.Condition],
            [{ Service: "events.amazonaws.com" }, { ArnEquals: { "aws:SourceArn": rule } }],
        );
        assert.equal(single(run.resources, "aws:sns/topic:Topic").props.kmsMasterKeyId, key);
        assert.deepEqual(ofType(run.resources, "aws:iam/role:Role").length, 2, "no delivery role without subscribers");
    });

    describe("refuses what a policy would reject, naming the argument, before registering any part of it", () => {
        const refusals: [string, (service: ServiceIdentity) => Partial<Omit<TopicArgs, "service">>, RegExp][] = [
            [
                "a policy open to `*`",
                () => ({ servicePublishers: [{ service: "*", sourceArn: "arn:x" }], kmsKeyArn: "arn:k" }),
                /`servicePublishers\[0\].service` is `\*`: a topic is never open to anyone/,
            ],
            [
                "an AWS service publishing from any source",
                () => ({ servicePublishers: [{ service: "s3.amazonaws.com" } as never], kmsKeyArn: "arn:k" }),
                /`servicePublishers\[0\].sourceArn` is missing/,
            ],
            [
                "an AWS service publisher the data key would not admit",
                () => ({ servicePublishers: [{ service: "events.amazonaws.com", sourceArn: "arn:x" }] }),
                /`servicePublishers` needs `kmsKeyArn`: the landing zone's data key admits this account's principals only/,
            ],
            [
                "the AWS-managed SNS key",
                () => ({ kmsKeyArn: "alias/aws/sns" }),
                /`kmsKeyArn` is `alias\/aws\/sns`: encrypt with a customer-managed key/,
            ],
            [
                "a publisher of another service (cross-service access)",
                () => ({ publishers: [new ServiceIdentity("billing", identityArgs("prod"))] }),
                /`publishers\[0\]` belongs to `billing`: a topic admits publishers of its own service/,
            ],
        ];
        for (const [what, extra, message] of refusals) {
            it(`refuses ${what}`, async () => {
                const run = await build("prod", extra);
                assert.ok(run.error instanceof ServiceArgumentError, String(run.error));
                assert.match(run.error.message, /^Topic `events` cannot be created:/);
                assert.match(run.error.message, message);
                assert.deepEqual(
                    run.resources.filter((r) => r.type.startsWith("aws:sns") || r.type === "edf:services:Topic"),
                    [],
                );
            });
        }
    });
});
