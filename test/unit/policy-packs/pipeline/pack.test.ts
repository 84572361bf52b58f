import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { inspect } from "../../../../policy-packs/lib/inspect";
import { validatePolicyMetadata } from "../../../../policy-packs/lib/model";
import { pipelinePolicies } from "../../../../policy-packs/pipeline/policy-list";
import { compliantEstate, ESTATE_CONFIG } from "../../../fixtures/policy/estate";

// id → [default level, severity, waivable, PCI DSS v4.0 requirements]: changing any is a reviewed decision.
const PINNED: Record<string, [string, string, boolean, string[]]> = {
    "account-security-services-enabled": ["mandatory", "high", false, ["10.4.1", "11.5.1", "12.10.5"]],
    "alb-access-logs-enabled": ["mandatory", "medium", true, ["10.2.1"]],
    "alb-http-redirects-to-https": ["mandatory", "high", true, ["4.2.1"]],
    "alb-internet-facing-has-waf": ["mandatory", "high", true, ["6.4.1", "6.4.2"]],
    "alb-tls-policy-allowed": ["mandatory", "high", true, ["4.2.1"]],
    "cloudtrail-multi-region-validated-encrypted": ["mandatory", "high", false, ["10.2.1", "10.3.2", "10.3.4"]],
    "cloudwatch-log-group-kms-encrypted": ["mandatory", "medium", true, ["3.5.1", "10.3.2"]],
    "cloudwatch-log-group-retention": ["mandatory", "medium", true, ["10.5.1"]],
    "critical-resources-protected": ["mandatory", "high", false, ["3.6.1", "10.5.1", "1.2.1"]],
    "dynamodb-table-kms-encrypted": ["mandatory", "medium", true, ["3.5.1", "3.6.1"]],
    "ebs-volume-encrypted": ["mandatory", "high", true, ["3.5.1"]],
    "ecr-scanning-enabled": ["mandatory", "high", true, ["6.3.1", "11.3.1"]],
    "ecr-tags-immutable": ["mandatory", "medium", true, ["6.3.2", "6.5.1"]],
    "ecs-container-log-configuration": ["mandatory", "medium", true, ["10.2.1"]],
    "ecs-container-no-plaintext-secrets": ["mandatory", "critical", false, ["3.5.1", "8.3.2", "8.6.2"]],
    "ecs-container-non-root-user": ["mandatory", "high", true, ["2.2.6", "7.2.1"]],
    "ecs-container-not-privileged": ["mandatory", "critical", false, ["2.2.1", "2.2.6"]],
    "ecs-container-read-only-root": ["mandatory", "medium", true, ["2.2.6"]],
    "ecs-image-from-approved-registry": ["mandatory", "high", true, ["6.3.2", "6.3.3"]],
    "ecs-image-pinned-by-digest": ["advisory", "medium", true, ["6.3.2", "6.5.1"]],
    "ecs-service-no-public-ip": ["mandatory", "high", true, ["1.4.4"]],
    "ecs-service-private-subnets": ["mandatory", "high", true, ["1.3.1", "1.4.4"]],
    "ecs-task-roles-least-privilege": ["mandatory", "critical", false, ["7.2.1", "7.2.2", "7.2.5"]],
    "efs-file-system-encrypted": ["mandatory", "high", true, ["3.5.1"]],
    "iam-no-passrole-wildcard": ["mandatory", "high", true, ["7.2.1", "7.2.2"]],
    "iam-no-users-in-workload-stacks": ["mandatory", "high", true, ["8.2.2", "8.3.9", "8.6.1"]],
    "iam-no-wildcard-admin": ["mandatory", "critical", false, ["7.2.1", "7.2.2"]],
    "iam-role-permissions-boundary": ["mandatory", "high", true, ["7.2.1", "7.2.5"]],
    "kms-key-rotation-enabled": ["mandatory", "medium", true, ["3.6.1", "3.7.4"]],
    "production-stack-targets-production-account": ["mandatory", "critical", false, ["6.5.3", "6.5.4"]],
    "rds-backups-enabled": ["mandatory", "medium", true, ["12.10.1"]],
    "rds-multi-az-in-production": ["mandatory", "medium", true, ["12.10.1"]],
    "rds-not-publicly-accessible": ["mandatory", "critical", false, ["1.3.1", "1.4.4"]],
    "rds-storage-encrypted": ["mandatory", "high", false, ["3.5.1"]],
    "resource-required-tags": ["mandatory", "low", true, ["12.5.1", "12.5.2"]],
    "s3-bucket-kms-encrypted": ["mandatory", "high", true, ["3.5.1"]],
    "s3-bucket-public-access-blocked": ["mandatory", "critical", true, ["1.3.1", "1.4.4"]],
    "s3-bucket-tls-only": ["mandatory", "high", true, ["4.2.1"]],
    "security-group-internet-ingress-web-only": ["mandatory", "high", true, ["1.3.1", "1.4.1", "1.4.2"]],
    "security-group-no-admin-ports-open": ["mandatory", "critical", false, ["1.3.1", "1.3.2", "1.4.2"]],
    "sqs-queue-encrypted": ["mandatory", "medium", true, ["3.5.1"]],
    "subnet-no-public-ip-outside-public-tier": ["mandatory", "high", true, ["1.3.1", "1.4.4"]],
    "vpc-default-security-group-closed": ["mandatory", "medium", true, ["1.2.1", "1.3.1"]],
    "vpc-flow-logs-enabled": ["mandatory", "medium", true, ["10.2.1", "10.4.1"]],
};

describe("the pipeline pack", () => {
    it("pins every policy id, level, severity, waivability and PCI DSS control", () => {
        const actual: typeof PINNED = {};
        for (const p of pipelinePolicies) actual[p.id] = [p.enforcementLevel, p.severity, p.waivable, [...p.controls["pci-dss-v4.0"]]];
        assert.deepStrictEqual(actual, PINNED);
    });

    it("has sound metadata (kebab-case unique ids, 'Checks whether', defaults for every config property)", () => {
        assert.deepStrictEqual(validatePolicyMetadata(pipelinePolicies), []);
    });

    it("keeps one policy per file, named by its id", () => {
        const dir = path.join(__dirname, "../../../../policy-packs/pipeline/policies");
        const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/, "")).sort();
        assert.deepStrictEqual(files, pipelinePolicies.map((p) => p.id).sort());
        for (const id of files) {
            const mod = require(path.join(dir, id)) as Record<string, { id?: string }>;
            assert.ok(Object.values(mod).some((v) => v?.id === id), `${id}.ts must export the policy with id ${id}`);
        }
    });

    it("makes digest pinning mandatory in prod and advisory in dev", async () => {
        const pinned = pipelinePolicies.find((p) => p.id === "ecs-image-pinned-by-digest");
        assert.deepStrictEqual(pinned?.environmentLevels, { prod: "mandatory", production: "mandatory" });
    });

    it("raises nothing on the compliant production estate", async () => {
        const result = await inspect({ policies: pipelinePolicies, resources: compliantEstate(), environment: "prod", config: ESTATE_CONFIG, now: new Date("2026-11-27T00:00:00Z") });
        assert.deepStrictEqual(result.findings.map((f) => `${f.policyId}: ${f.message}`), []);
        assert.strictEqual(result.summary.passed, true);
        assert.strictEqual(result.summary.evaluations, compliantEstate().length * pipelinePolicies.length);
    });
});
