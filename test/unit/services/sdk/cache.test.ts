import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Cache, CacheArgs, Function as LambdaFunction, ServiceArgumentError } from "../../../../services/sdk";
import { defaultCacheParameterGroup } from "../../../../services/sdk/cache";
import { validNetworkOutputs, validSecurityOutputs } from "../../platform/support/contract-fixtures";
import { idOf, isSecretInput, ofType, single } from "../../platform/support/mock-run";
import { plaintextOccurrences, untaggedResources } from "../../platform/support/assertions";
import { runOrders } from "../support/components";
import { inspectRun, mandatoryFindings } from "../../platform/support/inspection";

const TOKEN = "canary-cache-token-5d1e0c7b";
const SECURITY = validSecurityOutputs();
const code = () => new pulumi.asset.AssetArchive({ "index.mjs": new pulumi.asset.StringAsset("export const handler = async () => ({});") });

function build(environment: "dev" | "prod", extra: Partial<Omit<CacheArgs, "service">> = {}, withClient = false) {
    return runOrders(environment, (service) => {
        const clients = withClient ? [new LambdaFunction("warm", { service, code: code() })] : [];
        new Cache("sessions", { service, authToken: pulumi.secret(TOKEN), clients, ...extra });
    });
}

describe("Cache", () => {
    describe("in prod, with a function client", () => {
        let run: Awaited<ReturnType<typeof build>>;
        before(async () => {
            run = await build("prod", {}, true);
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

        it("encrypts in transit (required) and at rest with the data key, and authenticates with the injected token kept secret", () => {
            const group = single(run.resources, "aws:elasticache/replicationGroup:ReplicationGroup").props;
            assert.deepEqual(
                [group.transitEncryptionEnabled, group.transitEncryptionMode, group.atRestEncryptionEnabled, group.kmsKeyId],
                [true, "required", true, SECURITY.dataKmsKeyArn],
            );
            assert.ok(isSecretInput(group.authToken), "the token is a Pulumi secret");
            assert.deepEqual(plaintextOccurrences(run.resources, [TOKEN]), []);
        });

        it("keeps a replica in a second AZ with automatic failover, daily snapshots for 14 days and a final snapshot", () => {
            const group = single(run.resources, "aws:elasticache/replicationGroup:ReplicationGroup").props;
            assert.deepEqual(
                [group.numCacheClusters, group.multiAzEnabled, group.automaticFailoverEnabled, group.preferredCacheClusterAzs],
                [2, true, true, ["us-east-1a", "us-east-1b"]],
            );
            assert.equal(group.snapshotRetentionLimit, 14);
            assert.equal(group.finalSnapshotIdentifier, "prod-orders-sessions-final");
            assert.deepEqual(
                [group.engine, group.engineVersion, group.parameterGroupName, group.autoMinorVersionUpgrade, group.port],
                ["valkey", "8.0", "default.valkey8", true, 6380],
            );
        });

        it("lives in the isolated subnets and admits only the service's tasks and its function, on its port", () => {
            const subnets = single(run.resources, "aws:elasticache/subnetGroup:SubnetGroup").props;
            assert.deepEqual(subnets.subnetIds, validNetworkOutputs().isolatedSubnetIds);
            const cacheGroup = ofType(run.resources, "aws:ec2/securityGroup:SecurityGroup").find((g) => g.name === "orders-sessions-sg")!;
            const ingress = ofType(run.resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
            assert.deepEqual(
                ingress.map((r) => [r.props.securityGroupId, r.props.referencedSecurityGroupId, r.props.fromPort, r.props.cidrIpv4]).sort(),
                [
                    [cacheGroup.id, idOf(run, "aws:ec2/securityGroup:SecurityGroup", "orders-tasks"), 6380, undefined],
                    [cacheGroup.id, idOf(run, "aws:ec2/securityGroup:SecurityGroup", "orders-warm-sg"), 6380, undefined],
                ].sort(),
            );
        });

        it("logs slow and engine logs to encrypted groups kept a year, and tags everything", () => {
            const group = single(run.resources, "aws:elasticache/replicationGroup:ReplicationGroup").props;
            assert.deepEqual(
                group.logDeliveryConfigurations.map((l: { logType: string }) => l.logType),
                ["slow-log", "engine-log"],
            );
            const logs = ofType(run.resources, "aws:cloudwatch/logGroup:LogGroup").filter((g) => g.props.name.includes("/caches/"));
            assert.ok(
                logs.length === 2 && logs.every((g) => g.props.kmsKeyId === SECURITY.logsKmsKeyArn && g.props.retentionInDays === 365),
            );
            assert.deepEqual(untaggedResources(run.resources), []);
        });
    });

    it("runs a single node in dev, without failover", async () => {
        const run = await build("dev");
        const group = single(run.resources, "aws:elasticache/replicationGroup:ReplicationGroup").props;
        assert.deepEqual([group.numCacheClusters, group.multiAzEnabled, group.automaticFailoverEnabled], [1, false, false]);
        assert.equal(group.finalSnapshotIdentifier, undefined);
        assert.equal(group.snapshotRetentionLimit, 7);
    });

    it("names each engine version's default parameter group", () => {
        assert.deepEqual(
            [
                defaultCacheParameterGroup("valkey", "7.2"),
                defaultCacheParameterGroup("redis", "7.1"),
                defaultCacheParameterGroup("redis", "6.2"),
            ],
            ["default.valkey7", "default.redis7", "default.redis6.x"],
        );
    });

    describe("refuses what a policy would reject, naming the argument, before registering any part of it", () => {
        const refusals: [string, Partial<Omit<CacheArgs, "service">>, RegExp][] = [
            [
                "clear-text connections",
                { transitEncryption: false },
                /`transitEncryption` is `false`: clients must reach the cache over TLS/,
            ],
            ["unencrypted storage", { atRestEncryption: false }, /`atRestEncryption` is `false`/],
            ["a single AZ in production", { multiAz: false }, /`multiAz` is `false` in a prod environment/],
            ["multi-AZ without a replica", { nodes: 1 }, /`nodes` is `1` but the cache is multi-AZ/],
            ["the well-known port", { port: 6379 }, /`port` is `6379`, the engine's well-known port/],
            ["no backups", { snapshotRetentionDays: 0 }, /`snapshotRetentionDays` is `0`: the cache keeps daily snapshots/],
            [
                "a token in plain text",
                { authToken: TOKEN as unknown as pulumi.Output<string> },
                /`authToken` is a plain value: pass the Vault value as a secret Output/,
            ],
            ["no token (no AUTH)", { authToken: undefined as unknown as pulumi.Output<string> }, /`authToken` is missing/],
            [
                "an old engine without the controls",
                { engine: "redis", engineVersion: "5.0.6" },
                /`engineVersion` is `5.0.6`: redis runs `7.1`, `7.0`, `6.2` here/,
            ],
        ];
        for (const [what, extra, message] of refusals) {
            it(`refuses ${what}`, async () => {
                const run = await build("prod", extra);
                assert.ok(run.error instanceof ServiceArgumentError, String(run.error));
                assert.match(run.error.message, /^Cache `sessions` cannot be created:/);
                assert.match(run.error.message, message);
                assert.doesNotMatch(run.error.message, new RegExp(TOKEN));
                assert.deepEqual(
                    run.resources.filter((r) => r.type.startsWith("aws:elasticache") || r.type === "edf:services:Cache"),
                    [],
                );
            });
        }
    });
});
