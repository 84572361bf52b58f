// Slow suite: the compute area's policies (Lambda, API Gateway, CloudFront, SNS, SQS, Step Functions,
// EventBridge, Kinesis, Secrets Manager, Cognito, ACM, Route 53, WAF, AppSync, MQ, MSK, developer
// tools, SES, Transfer Family, Global Accelerator, MediaStore, Connect) through the real engine's
// `pulumi policy analyze --file`, with the same verdicts (policy, URN, level, message) as the harness.
import * as assert from "assert";
import { buildPackConfig } from "../../../policy-packs/lib/config";
import type { ResourceRecord } from "../../../policy-packs/lib/resources";
import { computePolicies } from "../../../policy-packs/pipeline/areas/compute";
import { pipelinePolicies } from "../../../policy-packs/pipeline/policy-list";
import { changeProps, ESTATE_CONFIG, withoutResources } from "../../fixtures/policy/estate";
import { computeEstate } from "../../unit/policy-packs/pipeline/policies/compute/fixture";
import { engineVerdicts, harnessVerdicts } from "./verdicts";

/** One change per service, each breaking at least one compute policy (the policy named). */
const BREAKS: readonly { policy: string; change: (e: ResourceRecord[]) => ResourceRecord[] }[] = [
    {
        policy: "lambda-function-url-auth-required",
        change: (e) => set(e, "aws:lambda/functionUrl:FunctionUrl", "orders-url", { authorizationType: "NONE" }),
    },
    {
        policy: "lambda-permission-not-public",
        change: (e) => set(e, "aws:lambda/permission:Permission", "orders-from-s3", { principal: "*" }),
    },
    { policy: "lambda-function-log-group-declared", change: (e) => withoutResources(e, "aws:cloudwatch/logGroup:LogGroup", "orders-logs") },
    {
        policy: "apigateway-stage-access-logging",
        change: (e) => set(e, "aws:apigateway/stage:Stage", "payments-prod", { accessLogSettings: undefined }),
    },
    {
        policy: "apigateway-route-authorization-required",
        change: (e) => set(e, "aws:apigatewayv2/route:Route", "events-get", { authorizationType: "NONE" }),
    },
    {
        policy: "cloudfront-distribution-viewer-tls",
        change: (e) =>
            set(e, "aws:cloudfront/distribution:Distribution", "web-cdn", { viewerCertificate: { cloudfrontDefaultCertificate: true } }),
    },
    { policy: "sns-topic-tls-only", change: (e) => withoutResources(e, "aws:sns/topicPolicy:TopicPolicy") },
    {
        policy: "sqs-queue-policy-not-public",
        change: (e) => set(e, "aws:sqs/queuePolicy:QueuePolicy", "orders-queue-policy", { policy: openTo("sqs:SendMessage") }),
    },
    {
        policy: "sfn-state-machine-logging",
        change: (e) => set(e, "aws:sfn/stateMachine:StateMachine", "settlement", { loggingConfiguration: undefined }),
    },
    {
        policy: "eventbridge-bus-policy-not-public",
        change: (e) => set(e, "aws:cloudwatch/eventPermission:EventPermission", "payments-bus-org", { condition: undefined }),
    },
    { policy: "kinesis-stream-encrypted", change: (e) => set(e, "aws:kinesis/stream:Stream", "orders-stream", { encryptionType: "NONE" }) },
    {
        policy: "kinesis-firehose-encrypted",
        change: (e) =>
            set(e, "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "orders-archive", { serverSideEncryption: undefined }),
    },
    { policy: "secretsmanager-secret-rotation", change: (e) => withoutResources(e, "aws:secretsmanager/secretRotation:SecretRotation") },
    {
        policy: "cognito-user-pool-password-policy",
        change: (e) => set(e, "aws:cognito/userPool:UserPool", "customers", { passwordPolicy: { minimumLength: 8 } }),
    },
    {
        policy: "acm-certificate-transparency-logging",
        change: (e) =>
            set(e, "aws:acm/certificate:Certificate", "web-cert", { options: { certificateTransparencyLoggingPreference: "DISABLED" } }),
    },
    { policy: "route53-zone-query-logging", change: (e) => withoutResources(e, "aws:route53/queryLog:QueryLog") },
    {
        policy: "waf-web-acl-logging",
        change: (e) => withoutResources(e, "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration"),
    },
    { policy: "wafv2-web-acl-managed-rules", change: (e) => set(e, "aws:wafv2/webAcl:WebAcl", "edge", { rules: [] }) },
    {
        policy: "appsync-api-cache-encrypted",
        change: (e) => set(e, "aws:appsync/apiCache:ApiCache", "catalog-cache", { transitEncryptionEnabled: false }),
    },
    { policy: "mq-broker-not-public", change: (e) => set(e, "aws:mq/broker:Broker", "events-broker", { publiclyAccessible: true }) },
    { policy: "msk-cluster-logging", change: (e) => set(e, "aws:msk/cluster:Cluster", "events-kafka", { loggingInfo: undefined }) },
    {
        policy: "codebuild-project-encrypted",
        change: (e) => set(e, "aws:codebuild/project:Project", "build", { encryptionKey: undefined }),
    },
    {
        policy: "codecommit-repository-approval-rule",
        change: (e) => withoutResources(e, "aws:codecommit/approvalRuleTemplateAssociation:ApprovalRuleTemplateAssociation"),
    },
    {
        policy: "ses-configuration-set-tls-required",
        change: (e) => set(e, "aws:ses/configurationSet:ConfigurationSet", "mail", { deliveryOptions: undefined }),
    },
    {
        policy: "transfer-server-secure-transport",
        change: (e) => set(e, "aws:transfer/server:Server", "partners-sftp", { protocols: ["FTP"] }),
    },
    {
        policy: "globalaccelerator-flow-logs",
        change: (e) => set(e, "aws:globalaccelerator/accelerator:Accelerator", "edge-accelerator", { attributes: undefined }),
    },
    {
        policy: "mediastore-container-policy-tls-only",
        change: (e) => withoutResources(e, "aws:mediastore/containerPolicy:ContainerPolicy"),
    },
    {
        policy: "connect-instance-storage-customer-managed-key",
        change: (e) =>
            set(e, "aws:connect/instanceStorageConfig:InstanceStorageConfig", "call-recordings", {
                storageConfig: { storageType: "S3", s3Config: { bucketName: "b", bucketPrefix: "p" } },
            }),
    },
];

function set(e: ResourceRecord[], type: string, name: string, patch: Record<string, unknown>): ResourceRecord[] {
    return changeProps(e, type, name, (p) => ({ ...p, ...patch }));
}

function openTo(action: string): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: action, Resource: "*" }] });
}

function brokenEstate(): ResourceRecord[] {
    return BREAKS.reduce((e, b) => b.change(e), computeEstate());
}

describe("the compute area's policies in the real engine", function () {
    this.timeout(600_000);
    const prodConfig = () => buildPackConfig({ policies: pipelinePolicies, environment: "prod", config: ESTATE_CONFIG });

    it("finds nothing on the compliant compute estate, like the harness", async () => {
        const engine = await engineVerdicts(computeEstate(), prodConfig());
        assert.deepStrictEqual(engine.verdicts, await harnessVerdicts(computeEstate(), prodConfig()));
        assert.deepStrictEqual(engine.verdicts, []);
        assert.strictEqual(engine.exitCode, 0);
    });

    it("gives the same verdicts as the harness with one policy broken per service, in prod", async () => {
        const engine = await engineVerdicts(brokenEstate(), prodConfig());
        const harness = await harnessVerdicts(brokenEstate(), prodConfig());
        assert.deepStrictEqual(engine.verdicts, harness);
        const fired = new Set(engine.verdicts.map((v) => v[0]));
        assert.deepStrictEqual(
            BREAKS.map((b) => b.policy).filter((p) => !fired.has(p)),
            [],
            "every broken policy must fire through the engine",
        );
        const compute = new Set(computePolicies.map((p) => p.id));
        assert.ok(
            [...fired].every((p) => compute.has(p)),
            `only compute policies should fire: ${[...fired].join(", ")}`,
        );
        assert.notStrictEqual(engine.exitCode, 0, "mandatory violations fail the analysis");
    });

    it("gives the same advisory verdicts in dev", async () => {
        const devConfig = buildPackConfig({ policies: pipelinePolicies, environment: "dev", config: ESTATE_CONFIG });
        const engine = await engineVerdicts(brokenEstate(), devConfig);
        assert.deepStrictEqual(engine.verdicts, await harnessVerdicts(brokenEstate(), devConfig));
        assert.ok(engine.verdicts.length >= BREAKS.length);
    });
});
