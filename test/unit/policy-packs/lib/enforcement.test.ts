import * as assert from "assert";
import { buildPackConfig, PolicyInputError } from "../../../../policy-packs/lib/config";
import { resolveEnforcementLevel } from "../../../../policy-packs/lib/enforcement";
import { inspect } from "../../../../policy-packs/lib/inspect";
import type { EnforcementLevel, PolicyMetadata } from "../../../../policy-packs/lib/model";
import { ecsImagePinnedByDigest } from "../../../../policy-packs/pipeline/policies/ecs-image-pinned-by-digest";
import { pipelinePolicies } from "../../../../policy-packs/pipeline/policy-list";
import { changeProps, compliantEstate, ESTATE_CONFIG } from "../../../fixtures/policy/estate";

const meta = (over: Partial<PolicyMetadata> = {}): PolicyMetadata => ({
    id: "x-y",
    description: "Checks whether x.",
    severity: "low",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "fix",
    ...over,
});
const DAY = new Date("2026-11-27T12:00:00Z");

describe("enforcement by environment", () => {
    it("keeps mandatory in prod and makes it advisory in dev by default", () => {
        assert.strictEqual(resolveEnforcementLevel(meta(), "prod", {}, DAY), "mandatory");
        assert.strictEqual(resolveEnforcementLevel(meta(), "dev", {}, DAY), "advisory");
    });
    it("treats an environment without settings as strictly as production", () => {
        assert.strictEqual(resolveEnforcementLevel(meta(), "staging", {}, DAY), "mandatory");
    });
    it("uses a policy's own level for an environment (digest pinning: mandatory in prod only)", () => {
        assert.strictEqual(resolveEnforcementLevel(ecsImagePinnedByDigest, "prod", {}, DAY), "mandatory");
        assert.strictEqual(resolveEnforcementLevel(ecsImagePinnedByDigest, "staging", {}, DAY), "advisory");
    });
    it("turns an advisory policy mandatory from its enforceAfter date", () => {
        const p = meta({ enforcementLevel: "advisory", enforceAfter: "2026-12-01" });
        assert.strictEqual(resolveEnforcementLevel(p, "prod", {}, DAY), "advisory");
        assert.strictEqual(resolveEnforcementLevel(p, "prod", {}, new Date("2026-12-01T00:00:00Z")), "mandatory");
    });
    it("lets per-environment overrides win, with their own enforceAfter", () => {
        const settings = {
            environments: {
                dev: { mode: "advisory" as const, policies: { "x-y": { level: "advisory" as const, enforceAfter: "2026-11-01" } } },
                prod: { policies: { "x-y": "disabled" as const } },
            },
        };
        assert.strictEqual(resolveEnforcementLevel(meta(), "dev", settings, DAY), "mandatory");
        assert.strictEqual(resolveEnforcementLevel(meta(), "prod", settings, DAY), "disabled");
    });
    it("reports the same violation as blocking in prod and advisory in dev", async () => {
        const estate = changeProps(compliantEstate(), "aws:rds/instance:Instance", "db", (p) => ({ ...p, storageEncrypted: false }));
        const prod = await inspect({ policies: pipelinePolicies, resources: estate, environment: "prod", config: ESTATE_CONFIG, now: DAY });
        const dev = await inspect({ policies: pipelinePolicies, resources: estate, environment: "dev", config: ESTATE_CONFIG, now: DAY });
        assert.deepStrictEqual(
            prod.findings.map((f) => [f.policyId, f.level]),
            [["rds-storage-encrypted", "mandatory"]],
        );
        assert.strictEqual(prod.summary.passed, false);
        assert.deepStrictEqual(
            dev.findings.filter((f) => f.policyId === "rds-storage-encrypted").map((f) => f.level),
            ["advisory"],
        );
        assert.strictEqual(dev.summary.passed, true);
    });
    it("decides each inspection with its own settings, though the same settings are reused from one stack to the next", async () => {
        const estate = changeProps(compliantEstate(), "aws:rds/instance:Instance", "db", (p) => ({ ...p, storageEncrypted: false }));
        const levels = async (policies?: Record<string, EnforcementLevel>): Promise<string[]> =>
            (
                await inspect({
                    policies: pipelinePolicies,
                    resources: estate,
                    environment: "prod",
                    config: ESTATE_CONFIG,
                    now: DAY,
                    ...(policies ? { enforcement: { environments: { prod: { policies } } } } : {}),
                })
            ).findings
                .filter((f) => f.policyId === "rds-storage-encrypted")
                .map((f) => f.level);
        assert.deepStrictEqual(await levels(), ["mandatory"]);
        assert.deepStrictEqual(await levels(), ["mandatory"]);
        assert.deepStrictEqual(await levels({ "rds-storage-encrypted": "advisory" }), ["advisory"]);
        assert.deepStrictEqual(await levels({ "rds-storage-encrypted": "disabled" }), []);
        assert.deepStrictEqual(await levels(), ["mandatory"]);
        await assert.rejects(levels({ "no-such-policy": "advisory" }), PolicyInputError);
    });
    it("rejects unknown policy ids, bad levels and bad dates in enforcement settings", () => {
        assert.throws(
            () =>
                buildPackConfig({
                    policies: pipelinePolicies,
                    environment: "prod",
                    enforcement: {
                        environments: {
                            prod: {
                                mode: "strict" as never,
                                policies: {
                                    "no-such-policy": "mandatory",
                                    "ebs-volume-encrypted": { level: "loud" as never, enforceAfter: "soon" },
                                },
                            },
                        },
                    },
                }),
            (e: PolicyInputError) => {
                assert.strictEqual(e.code, "EDF_POLICY_INPUT_INVALID");
                assert.match(e.message, /`environments\.prod`\.mode is `strict`: use `policy` or `advisory`/);
                assert.match(e.message, /no policy with id `no-such-policy`/);
                assert.match(e.message, /level `loud` is not one of/);
                assert.match(e.message, /enforceAfter must be a real calendar day, YYYY-MM-DD/);
                return true;
            },
        );
    });
});

describe("policy config", () => {
    it("fills every policy's schema defaults, the environment, and the user's values", () => {
        const cfg = buildPackConfig({
            policies: pipelinePolicies,
            environment: "prod",
            config: { "cloudwatch-log-group-retention": { minRetentionDays: 400 } },
        });
        assert.deepStrictEqual(cfg["resource-required-tags"], {
            requiredTags: ["owner", "environment", "data-classification", "pci-scope"],
            enforcementLevel: "mandatory",
        });
        assert.strictEqual((cfg["cloudwatch-log-group-retention"] as { minRetentionDays: number }).minRetentionDays, 400);
        assert.strictEqual((cfg["rds-multi-az-in-production"] as { environment: string }).environment, "prod");
    });
    it("rejects unknown policy ids, unknown keys and wrongly typed values, naming each", () => {
        assert.throws(
            () =>
                buildPackConfig({
                    policies: pipelinePolicies,
                    environment: "prod",
                    config: { "s3-bucket-encryptd": {}, "resource-required-tags": { requiredTags: "owner", colour: "red" } },
                }),
            (e: Error) => {
                assert.match(e.message, /`s3-bucket-encryptd` is not a policy of this pack; check the spelling/);
                assert.match(e.message, /`resource-required-tags\.requiredTags` must be array/);
                assert.match(
                    e.message,
                    /`resource-required-tags\.colour` is not a setting of `resource-required-tags`; use one of: `requiredTags`/,
                );
                return true;
            },
        );
    });
});
