import * as assert from "assert";
import * as path from "path";
import { resolveEnvironmentPolicy } from "../../../../automation/policy/environment-policy";
import { loadSpec } from "../../../../automation/spec/load";
import { PROJECT_ROOT } from "../../../support/toolchain";

/** The document the driver hands the engine with `--policy-pack-config` for an example environment. */
function engineConfigOf(env: "dev" | "prod"): Record<string, Record<string, unknown>> {
    const loaded = loadSpec(path.join(PROJECT_ROOT, "environments", `${env}.yaml`), PROJECT_ROOT);
    return resolveEnvironmentPolicy(loaded, PROJECT_ROOT, { date: "2026-12-01" })!.engineConfig as Record<string, Record<string, unknown>>;
}

describe("the engine's policy pack config (what preview and up enforce)", () => {
    it("gives every policy its level for the environment, not only the spec's overrides", () => {
        // The defect this fixes: the engine got the spec's overrides alone, so the pack's
        // per-environment levels and the environment's name were missing.
        const prod = engineConfigOf("prod");
        const dev = engineConfigOf("dev");
        for (const document of [prod, dev]) {
            for (const [id, entry] of Object.entries(document)) {
                assert.ok(typeof entry.enforcementLevel === "string", `\`${id}\` has no enforcementLevel`);
            }
        }
        assert.strictEqual(prod["rds-multi-az-in-production"]?.enforcementLevel, "mandatory");
        assert.strictEqual(prod["production-stack-targets-production-account"]?.enforcementLevel, "mandatory");
    });

    it("tells policies that take one which environment they judge", () => {
        const prod = engineConfigOf("prod");
        assert.strictEqual(prod["rds-multi-az-in-production"]?.environment, "prod");
        assert.strictEqual(prod["production-stack-targets-production-account"]?.environment, "prod");
        assert.deepStrictEqual(prod["production-stack-targets-production-account"]?.productionAccountIds, ["222222222222"]);
        assert.strictEqual(engineConfigOf("dev")["rds-multi-az-in-production"]?.environment, "dev");
    });

    it("gives the waived policy its waivers next to its config, and `edf-waivers` all of them at the mandatory level", () => {
        const document = engineConfigOf("prod");
        const waiver = {
            id: "W-PLATFORM-001",
            policy: "s3-bucket-kms-encrypted",
            selector: { type: "aws:s3/bucket:Bucket", tags: { "edf:role": "elb-access-logs" } },
        };
        const ids = (entry: Record<string, unknown> | undefined): unknown =>
            (entry?.waivers as { id: string; policy: string; selector: unknown }[] | undefined)?.map((w) => ({
                id: w.id,
                policy: w.policy,
                selector: w.selector,
            }));
        assert.deepStrictEqual(ids(document["s3-bucket-kms-encrypted"]), [waiver]);
        assert.deepStrictEqual(ids(document["edf-waivers"]), [waiver]);
        assert.strictEqual(document["edf-waivers"]?.enforcementLevel, "mandatory");
        // File locations stay out of the engine's config.
        assert.ok(!JSON.stringify([document["s3-bucket-kms-encrypted"], document["edf-waivers"]]).includes('"source"'));
    });

    it("adds no waiver entries when the environment has no waivers", () => {
        const dev = engineConfigOf("dev");
        assert.strictEqual(dev["edf-waivers"], undefined);
        assert.ok(Object.values(dev).every((entry) => !("waivers" in entry) || (entry.waivers as unknown[]).length === 0));
    });
});
