import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Function as LambdaFunction, FunctionArgs, ServiceArgumentError } from "../../../../services/sdk";
import { validNetworkOutputs, validSecurityOutputs } from "../../platform/support/contract-fixtures";
import { ofType, single, stateOf } from "../../platform/support/mock-run";
import { documentOf, untaggedResources } from "../../platform/support/assertions";
import { runOrders } from "../support/components";
import { inspectRun, mandatoryFindings } from "../../platform/support/inspection";

const code = () => new pulumi.asset.AssetArchive({ "index.mjs": new pulumi.asset.StringAsset("export const handler = async () => ({});") });
const SECURITY = validSecurityOutputs();

function build(environment: "dev" | "prod", extra: Partial<Omit<FunctionArgs, "service">> = {}) {
    return runOrders(environment, (service) => {
        new LambdaFunction("resize", { service, code: code(), ...extra });
    });
}

describe("Function", () => {
    describe("in prod, out of the box", () => {
        let run: Awaited<ReturnType<typeof build>>;
        before(async () => {
            run = await build("prod");
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

        it("runs in the private subnets with its own security group that admits nothing and sends only HTTPS", () => {
            const fn = single(run.resources, "aws:lambda/function:Function").props;
            const group = ofType(run.resources, "aws:ec2/securityGroup:SecurityGroup").find((g) => g.name === "orders-resize-sg")!;
            assert.deepEqual(fn.vpcConfig.subnetIds, validNetworkOutputs().privateSubnetIds);
            assert.deepEqual(fn.vpcConfig.securityGroupIds, [group.id]);
            const rules = ofType(run.resources, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").filter(
                (r) => r.props.securityGroupId === group.id,
            );
            assert.deepEqual(
                rules.map((r) => [r.props.fromPort, r.props.toPort, r.props.cidrIpv4]),
                [[443, 443, "0.0.0.0/0"]],
            );
            assert.deepEqual(ofType(run.resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"), []);
        });

        it(
            "encrypts its environment with the data key, traces, limits " + "concurrency and dead-letters to an encrypted, TLS-only queue",
            () => {
                const fn = single(run.resources, "aws:lambda/function:Function").props;
                const dlq = single(run.resources, "aws:sqs/queue:Queue");
                assert.equal(fn.kmsKeyArn, SECURITY.dataKmsKeyArn);
                assert.deepEqual(fn.tracingConfig, { mode: "Active" });
                assert.equal(fn.reservedConcurrentExecutions, 50);
                assert.equal(fn.runtime, "nodejs24.x");
                assert.ok(typeof fn.description === "string" && fn.description.length > 0);
                assert.equal(fn.deadLetterConfig.targetArn, stateOf(run, dlq).arn);
                assert.equal(dlq.props.kmsMasterKeyId, SECURITY.dataKmsKeyArn);
                const deny = documentOf(single(run.resources, "aws:sqs/queuePolicy:QueuePolicy").props.policy).Statement[0];
                assert.deepEqual([deny.Effect, deny.Condition], ["Deny", { Bool: { "aws:SecureTransport": "false" } }]);
                assert.equal(fn.codeSigningConfigArn, undefined);
            },
        );

        it("logs JSON to its own KMS-encrypted log group kept a year", () => {
            const fn = single(run.resources, "aws:lambda/function:Function").props;
            const logs = single(run.resources, "aws:cloudwatch/logGroup:LogGroup").props;
            assert.deepEqual(fn.loggingConfig, { logFormat: "JSON", logGroup: "/edf/prod/services/orders/functions/resize" });
            assert.deepEqual([logs.kmsKeyId, logs.retentionInDays], [SECURITY.logsKmsKeyArn, 365]);
        });

        it("runs as a role of its own under the boundary, granted only its logs, traces, network interfaces, queue and key", () => {
            const role = ofType(run.resources, "aws:iam/role:Role").find((r) => r.name === "orders-resize-role")!;
            assert.equal(role.props.permissionsBoundary, SECURITY.permissionsBoundaryArn);
            assert.deepEqual(documentOf(role.props.assumeRolePolicy).Statement[0].Principal, { Service: "lambda.amazonaws.com" });
            const policy = documentOf(
                ofType(run.resources, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "orders-resize-execution")!.props.policy,
            );
            assert.deepEqual(
                policy.Statement.map((s) => s.Sid),
                [
                    "WriteOwnLogs",
                    "SendTraces",
                    "DescribeNetwork",
                    "ManageNetworkInterfaces",
                    "SendToOwnDeadLetterQueue",
                    "DeadLetterQueueKey",
                    "DecryptOwnEnvironment",
                ],
            );
            const wildcard = policy.Statement.filter((s) => s.Resource === "*").map((s) => s.Sid);
            assert.deepEqual(wildcard, ["SendTraces", "DescribeNetwork"], "only actions without resource-level permissions use *");
            const interfaces = policy.Statement.find((s) => s.Sid === "ManageNetworkInterfaces")!;
            assert.ok(interfaces.Resource.every((r: string) => r.startsWith("arn:aws:ec2:us-east-1:123456789012:")));
            const environmentKey = policy.Statement.find((s) => s.Sid === "DecryptOwnEnvironment")!;
            assert.deepEqual(environmentKey.Condition.StringEquals, { "kms:EncryptionContext:LambdaFunctionName": "prod-orders-resize" });
        });

        it("has no URL, no resource policy, and tags everything", () => {
            assert.deepEqual(ofType(run.resources, "aws:lambda/functionUrl:FunctionUrl"), []);
            assert.deepEqual(ofType(run.resources, "aws:lambda/permission:Permission"), []);
            assert.deepEqual(untaggedResources(run.resources), []);
        });
    });

    it("adds exactly the grants the caller asks for, an IAM-only URL, signed code and invokers limited to their source", async () => {
        const run = await build("dev", {
            grants: [
                { Sid: "ReadJobs", Effect: "Allow", Action: ["sqs:ReceiveMessage"], Resource: "arn:aws:sqs:us-east-1:123456789012:jobs" },
            ],
            publicUrl: { allowedOrigins: ["https://app.example.com"] },
            codeSigning: { signingProfileVersionArns: ["arn:aws:signer:us-east-1:123456789012:/signing-profiles/p/v1"] },
            invokers: [{ principal: "events.amazonaws.com", sourceArn: "arn:aws:events:us-east-1:123456789012:rule/nightly" }],
        });
        assert.equal(run.error, undefined, run.error?.message);
        const policy = documentOf(
            ofType(run.resources, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "orders-resize-execution")!.props.policy,
        );
        assert.equal(policy.Statement.at(-1)!.Sid, "ReadJobs");
        const url = single(run.resources, "aws:lambda/functionUrl:FunctionUrl").props;
        assert.equal(url.authorizationType, "AWS_IAM");
        assert.deepEqual(url.cors.allowOrigins, ["https://app.example.com"]);
        const signing = single(run.resources, "aws:lambda/codeSigningConfig:CodeSigningConfig").props;
        assert.equal(signing.policies.untrustedArtifactOnDeployment, "Enforce");
        const fn = single(run.resources, "aws:lambda/function:Function").props;
        assert.equal(fn.codeSigningConfigArn, stateOf(run, single(run.resources, "aws:lambda/codeSigningConfig:CodeSigningConfig")).arn);
        assert.equal(fn.reservedConcurrentExecutions, 5, "dev's sizing");
        const permission = single(run.resources, "aws:lambda/permission:Permission").props;
        assert.deepEqual(
            [permission.principal, permission.sourceArn],
            ["events.amazonaws.com", "arn:aws:events:us-east-1:123456789012:rule/nightly"],
        );
    });

    describe("refuses what a policy would reject, naming the argument, before registering any part of it", () => {
        const refusals: [string, Partial<Omit<FunctionArgs, "service">>, RegExp][] = [
            [
                "an unreserved concurrency (-1)",
                { reservedConcurrency: -1 },
                /`reservedConcurrency` is `-1`: a function keeps a concurrency limit/,
            ],
            [
                "a public URL without authentication",
                { publicUrl: { authType: "NONE" as never } },
                /`publicUrl.authType` is `NONE`: a function URL must require IAM-signed requests/,
            ],
            ["a URL open to every browser origin", { publicUrl: { allowedOrigins: ["*"] } }, /`publicUrl.allowedOrigins` contains `\*`/],
            [
                "a resource policy open to `*`",
                { invokers: [{ principal: "*" }] },
                /`invokers\[0\].principal` is `\*`: a function is never invocable by anyone/,
            ],
            [
                "an AWS service invoker without a source",
                { invokers: [{ principal: "s3.amazonaws.com" }] },
                /`invokers\[0\]` lets `s3.amazonaws.com` invoke without `sourceArn`/,
            ],
            [
                "a grant of every action of a service",
                { grants: [{ Sid: "All", Effect: "Allow", Action: ["s3:*"], Resource: "arn:aws:s3:::b/*" }] },
                /`grants\[0\].Action` grants `s3:\*`/,
            ],
            [
                "a grant on every resource",
                { grants: [{ Sid: "Any", Effect: "Allow", Action: ["s3:GetObject"], Resource: "*" }] },
                /`grants\[0\].Resource` is `\*`: name the resources/,
            ],
            [
                "a secret in a plain environment variable",
                { environmentVariables: { DB_PASSWORD: "hunter2" } },
                /`environmentVariables.DB_PASSWORD` holds a secret in plain text/,
            ],
            [
                "a deprecated runtime",
                { runtime: "nodejs18.x" as never },
                /`runtime` is `nodejs18.x`, which AWS has deprecated or is about to .*use `nodejs24.x`/,
            ],
            [
                "code signing that only warns",
                { codeSigning: { signingProfileVersionArns: ["arn:p"], untrustedArtifactOnDeployment: "Warn" as never } },
                /`codeSigning.untrustedArtifactOnDeployment` is `Warn`: unsigned or tampered code must be refused/,
            ],
        ];
        for (const [what, extra, message] of refusals) {
            it(`refuses ${what}`, async () => {
                const run = await build("prod", extra);
                assert.ok(run.error instanceof ServiceArgumentError, String(run.error));
                assert.match(run.error.message, /^Function `resize` cannot be created:/);
                assert.match(run.error.message, message);
                assert.deepEqual(
                    run.resources.filter((r) => r.type.startsWith("aws:lambda") || r.type === "edf:services:Function"),
                    [],
                );
            });
        }
    });
});
