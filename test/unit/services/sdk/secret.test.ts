import { strict as assert } from "assert";
import { SYNTH_DEPLOYER_ROLE } from "../../../../automation/synth/invokes";
import * as pulumi from "@pulumi/pulumi";
import { Function as LambdaFunction, Secret, SecretArgs, ServiceArgumentError, ServiceIdentity } from "../../../../services/sdk";
import { validSecurityOutputs } from "../../platform/support/contract-fixtures";
import { arnOf, isSecretInput, ofType, single } from "../../platform/support/mock-run";
import { documentOf, plaintextOccurrences, untaggedResources } from "../../platform/support/assertions";
import { identityArgs, runOrders } from "../support/components";
import { inspectRun, mandatoryFindings } from "../../platform/support/inspection";

const SECURITY = validSecurityOutputs();
const VALUE = "canary-signing-key-0a9b8c";
const code = () => new pulumi.asset.AssetArchive({ "index.mjs": new pulumi.asset.StringAsset("export const handler = async () => ({});") });

type Extra = (service: ServiceIdentity) => Partial<Omit<SecretArgs, "service">>;

function build(environment: "dev" | "prod", extra: Extra = () => ({})) {
    return runOrders(environment, (service) => {
        new Secret("signing-key", { service, ...extra(service) });
    });
}

const rotatedByOwnFunction: Extra = (service) => ({
    value: pulumi.secret(VALUE),
    rotation: { function: new LambdaFunction("rotate-signing-key", { service, code: code() }) },
});

describe("Secret", () => {
    describe("in prod, rotated by a function of the service", () => {
        let run: Awaited<ReturnType<typeof build>>;
        before(async () => {
            run = await build("prod", rotatedByOwnFunction);
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

        it("encrypts with the secrets key, describes itself and keeps deleted secrets restorable for 30 days", () => {
            const secret = single(run.resources, "aws:secretsmanager/secret:Secret").props;
            assert.deepEqual(
                [secret.kmsKeyId, secret.recoveryWindowInDays, secret.name],
                [SECURITY.secretsKmsKeyArn, 30, "edf/prod/orders/signing-key"],
            );
            assert.ok(secret.description.length > 0);
        });

        it("rotates every 30 days with the service's function, which SecretsManager may invoke for this secret only", () => {
            const secretArn = arnOf(run, "aws:secretsmanager/secret:Secret", "orders-signing-key");
            const rotation = single(run.resources, "aws:secretsmanager/secretRotation:SecretRotation").props;
            assert.deepEqual(
                [rotation.rotationLambdaArn, rotation.rotationRules],
                [arnOf(run, "aws:lambda/function:Function", "orders-rotate-signing-key"), { automaticallyAfterDays: 30 }],
            );
            const permission = single(run.resources, "aws:lambda/permission:Permission").props;
            assert.deepEqual([permission.principal, permission.sourceArn], ["secretsmanager.amazonaws.com", secretArn]);
            const grant = documentOf(
                ofType(run.resources, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "orders-signing-key-rotation")!.props.policy,
            );
            assert.deepEqual(grant.Statement[0].Resource, secretArn);
            assert.ok(grant.Statement[0].Action.includes("secretsmanager:PutSecretValue"));
        });

        it("lets only the service's roles, its rotation function and the deployer read the value; public policies are blocked", () => {
            const policy = single(run.resources, "aws:secretsmanager/secretPolicy:SecretPolicy").props;
            assert.equal(policy.blockPublicPolicy, true);
            const [deny] = documentOf(policy.policy).Statement;
            assert.deepEqual([deny.Effect, deny.Principal, deny.Action], ["Deny", "*", "secretsmanager:GetSecretValue"]);
            assert.deepEqual(deny.Condition.StringNotEquals["aws:PrincipalArn"], [
                arnOf(run, "aws:iam/role:Role", "orders-task"),
                arnOf(run, "aws:iam/role:Role", "orders-execution"),
                arnOf(run, "aws:iam/role:Role", "orders-rotate-signing-key-role"),
                // The deployer, which writes the first value: the role of synth's caller session.
                `arn:aws:iam::123456789012:role/${SYNTH_DEPLOYER_ROLE}`,
            ]);
            const read = documentOf(
                ofType(run.resources, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "orders-signing-key-read")!.props.policy,
            );
            assert.deepEqual(
                read.Statement.map((s) => s.Sid),
                ["ReadSecret", "SecretKey"],
            );
        });

        it("keeps the first value a secret and tags everything", () => {
            const version = single(run.resources, "aws:secretsmanager/secretVersion:SecretVersion").props;
            assert.ok(isSecretInput(version.secretString));
            assert.deepEqual(plaintextOccurrences(run.resources, [VALUE]), []);
            assert.deepEqual(untaggedResources(run.resources), []);
        });
    });

    it("rotates with an existing function, admitting its role, and leaves the deployer out when it writes no value", async () => {
        const run = await build("dev", () => ({
            rotation: {
                lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:platform-rotator",
                lambdaRoleArn: "arn:aws:iam::123456789012:role/platform-rotator",
                scheduleExpression: "rate(7 days)",
            },
            taskAccess: "none",
        }));
        assert.equal(run.error, undefined, run.error?.message);
        const [deny] = documentOf(single(run.resources, "aws:secretsmanager/secretPolicy:SecretPolicy").props.policy).Statement;
        assert.deepEqual(deny.Condition.StringNotEquals["aws:PrincipalArn"], [
            arnOf(run, "aws:iam/role:Role", "orders-execution"),
            "arn:aws:iam::123456789012:role/platform-rotator",
        ]);
        assert.deepEqual(single(run.resources, "aws:secretsmanager/secretRotation:SecretRotation").props.rotationRules, {
            scheduleExpression: "rate(7 days)",
        });
        assert.deepEqual(ofType(run.resources, "aws:iam/rolePolicy:RolePolicy"), [], "no task grant with taskAccess none");
        assert.equal(single(run.resources, "aws:secretsmanager/secret:Secret").props.recoveryWindowInDays, 7);
    });

    describe("refuses what a policy would reject, naming the argument, before registering any part of it", () => {
        const refusals: [string, Extra, RegExp][] = [
            ["a prod secret without rotation", () => ({ value: pulumi.secret(VALUE) }), /`rotation` is missing in a prod environment/],
            [
                "rotation less often than every 90 days",
                (s) => {
                    const own = rotatedByOwnFunction(s);
                    return { ...own, rotation: { ...own.rotation!, afterDays: 365 } };
                },
                /`rotation.afterDays` is `365`: rotate at least every 90 days/,
            ],
            [
                "a yearly rotation schedule",
                () => ({ rotation: { lambdaArn: "arn:l", lambdaRoleArn: "arn:r", scheduleExpression: "rate(365 days)" } }),
                /`rotation.scheduleExpression` is `rate\(365 days\)`/,
            ],
            [
                "immediate deletion without recovery",
                (s) => ({ ...rotatedByOwnFunction(s), recoveryWindowDays: 0 }),
                /`recoveryWindowDays` is `0`: a deleted secret stays restorable for 7 to 30 days/,
            ],
            [
                "a value in plain text",
                () => ({ value: VALUE as unknown as pulumi.Output<string>, rotation: { lambdaArn: "arn:l", lambdaRoleArn: "arn:r" } }),
                /`value` is a plain value/,
            ],
            [
                "a rotation function whose role the policy could not admit",
                () => ({ rotation: { lambdaArn: "arn:l" } as never }),
                /`rotation` needs `function`, or both `lambdaArn` and `lambdaRoleArn`/,
            ],
            [
                "a reader of another service (cross-service access)",
                (s) => ({
                    ...rotatedByOwnFunction(s),
                    readers: [new LambdaFunction("peek", { service: new ServiceIdentity("billing", identityArgs("prod")), code: code() })],
                }),
                /`readers\[0\]` belongs to `billing`: a secret is read by its own service only/,
            ],
        ];
        for (const [what, extra, message] of refusals) {
            it(`refuses ${what}`, async () => {
                const run = await build("prod", extra);
                assert.ok(run.error instanceof ServiceArgumentError, String(run.error));
                assert.match(run.error.message, /^Secret `signing-key` cannot be created:/);
                assert.match(run.error.message, message);
                assert.doesNotMatch(run.error.message, new RegExp(VALUE));
                assert.deepEqual(
                    run.resources.filter((r) => r.type.startsWith("aws:secretsmanager") || r.type === "edf:services:Secret"),
                    [],
                );
            });
        }
    });
});
