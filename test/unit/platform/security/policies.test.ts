import { strict as assert } from "assert";
import fc from "fast-check";
import { permissionsBoundaryPolicy } from "../../../../platform/security/boundary-policy";
import { accessLogsBucketPolicy, logArchiveBucketPolicy } from "../../../../platform/security/bucket-policies";
import { KEY_ADMIN_ACTIONS, keyPolicy, KEY_PURPOSES } from "../../../../platform/security/key-policies";
import { BOUNDARY_ALLOWED_ACTIONS } from "../../../../platform/security/boundary-policy";

const scopeArbitrary = fc.record({
    accountId: fc.stringMatching(/^\d{12}$/),
    region: fc.constantFrom("us-east-1", "eu-west-1", "ap-southeast-2"),
    partition: fc.constantFrom("aws", "aws-us-gov"),
});

describe("security policy documents", () => {
    it("never grant key use without conditions, nor key use to administrators, for any account and purpose (property)", () => {
        fc.assert(
            fc.property(scopeArbitrary, fc.constantFrom(...KEY_PURPOSES), (scope, purpose) => {
                const { Statement } = keyPolicy({ ...scope, purpose });
                const [admin, ...rest] = Statement;
                assert.deepEqual(admin.Action, [...KEY_ADMIN_ACTIONS]);
                assert.deepEqual(admin.Principal, { AWS: [`arn:${scope.partition}:iam::${scope.accountId}:root`] });
                for (const s of rest) {
                    assert.ok(s.Condition, `${purpose} ${s.Sid}`);
                    assert.equal(s.Effect, "Allow");
                }
                const text = JSON.stringify(Statement);
                assert.ok(!text.includes('"kms:*"'));
            }),
        );
    });

    it("keep every bucket TLS-only for any bucket (property)", () => {
        fc.assert(
            fc.property(scopeArbitrary, fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,40}$/), (scope, name) => {
                const bucketArn = `arn:${scope.partition}:s3:::${name}`;
                for (const doc of [
                    logArchiveBucketPolicy({ ...scope, bucketArn, trailArn: "arn:aws:cloudtrail:r:1:trail/t" }),
                    accessLogsBucketPolicy({ ...scope, bucketArn, elbServiceAccountArn: "arn:aws:iam::1:root" }),
                ]) {
                    const deny = doc.Statement.find((s) => s.Sid === "DenyInsecureTransport")!;
                    assert.deepEqual(deny.Resource, [bucketArn, `${bucketArn}/*`]);
                    assert.equal(deny.Effect, "Deny");
                }
            }),
        );
    });

    it("scope the boundary's region denial to the allowed regions and omit it when any region is allowed", () => {
        const input = {
            accountId: "123456789012",
            region: "eu-west-1",
            boundaryPolicyArn: "arn:aws:iam::123456789012:policy/b",
            logArchiveBucketArn: "arn:aws:s3:::l",
            kmsKeyArns: ["arn:k"],
        };
        const anyRegion = permissionsBoundaryPolicy(input).Statement.map((s) => s.Sid);
        assert.ok(!anyRegion.includes("DenyOutsideAllowedRegions"));
        const restricted = permissionsBoundaryPolicy({ ...input, allowedRegions: ["eu-west-1"] }).Statement.find(
            (s) => s.Sid === "DenyOutsideAllowedRegions",
        )!;
        assert.deepEqual(restricted.Condition, { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1"] } });
        const pass = permissionsBoundaryPolicy(input).Statement.find((s) => s.Sid === "AllowPassingRolesToEcsTasks")!;
        assert.deepEqual(pass.Condition, { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } });
    });

    it("let a service's function encrypt its environment with the data key, through Lambda only", () => {
        const data = keyPolicy({ accountId: "123456789012", region: "eu-west-1", purpose: "data" });
        const use = data.Statement.find((s) => s.Sid === "UseThroughPurposeServices")!;
        assert.ok((use.Condition!.StringEquals["kms:ViaService"] as string[]).includes("lambda.eu-west-1.amazonaws.com"));
        const secrets = keyPolicy({ accountId: "123456789012", region: "eu-west-1", purpose: "secrets" });
        const secretsUse = secrets.Statement.find((s) => s.Sid === "UseThroughPurposeServices")!;
        assert.ok(!(secretsUse.Condition!.StringEquals["kms:ViaService"] as string[]).includes("lambda.eu-west-1.amazonaws.com"));
    });

    it("let an ECR repository be encrypted with the data key: ECR's DescribeKey and CreateGrant, left to IAM", () => {
        const scope = { accountId: "123456789012", region: "eu-west-1" };
        const data = keyPolicy({ ...scope, purpose: "data" });
        // What KMS is asked when the SDK's ContainerService creates its repository: ECR calls with the creator's credentials.
        // The administration statement (kms:Describe*, kms:Create*) admits both for this account's principals; IAM decides.
        const viaEcr = { "kms:ViaService": "ecr.eu-west-1.amazonaws.com", "kms:CallerAccount": scope.accountId };
        assert.ok(keyPolicyAllows(data, "kms:DescribeKey", viaEcr));
        assert.ok(keyPolicyAllows(data, "kms:CreateGrant", { ...viaEcr, "kms:GrantIsForAWSResource": "true" }));
        // Pushes and pulls go through the grants ECR holds: no principal's own kms:Decrypt through ECR is admitted, nor needed.
        assert.ok(!keyPolicyAllows(data, "kms:Decrypt", viaEcr));
        assert.ok(keyPolicyAllows(data, "kms:Decrypt", { ...viaEcr, "kms:ViaService": "s3.eu-west-1.amazonaws.com" }));
    });

    it("let service roles manage a VPC function's network interfaces and rotate their own secrets, but never administer IAM", () => {
        for (const action of [
            "ec2:CreateNetworkInterface",
            "ec2:DeleteNetworkInterface",
            "ec2:DescribeNetworkInterfaces",
            "secretsmanager:PutSecretValue",
            "secretsmanager:UpdateSecretVersionStage",
        ]) {
            assert.ok((BOUNDARY_ALLOWED_ACTIONS as readonly string[]).includes(action), action);
        }
        const allowed: readonly string[] = BOUNDARY_ALLOWED_ACTIONS;
        assert.ok(!allowed.some((a) => a.startsWith("iam:") || a === "ec2:*" || a === "secretsmanager:*"));
    });
});

/**
 * Whether a key policy lets this account's principals (its root, so IAM decides the rest) do
 * `action` in a request with these condition keys: an Allow statement whose action matches and
 * whose StringEquals and Bool conditions all hold. The statements here use no other operator.
 */
function keyPolicyAllows(policy: ReturnType<typeof keyPolicy>, action: string, request: Record<string, string>): boolean {
    const matches = (pattern: string) => new RegExp(`^${pattern.replace(/\*/g, ".*")}$`, "i").test(action);
    return policy.Statement.some((s) => {
        const principal = (s.Principal as { AWS?: string | string[] } | undefined)?.AWS;
        if (s.Effect !== "Allow" || ![principal].flat().some((p) => typeof p === "string" && p.endsWith(":root"))) return false;
        if (![s.Action].flat().some((a) => matches(a as string))) return false;
        const conditions = (s.Condition ?? {}) as Record<string, Record<string, string | string[] | boolean>>;
        return Object.entries(conditions).every(([operator, keys]) => {
            if (operator !== "StringEquals" && operator !== "Bool") return false;
            return Object.entries(keys).every(([key, allowed]) =>
                [allowed]
                    .flat()
                    .map(String)
                    .includes(request[key] ?? ""),
            );
        });
    });
}
