import * as assert from "assert";
import * as path from "path";
import { policyPackConfig } from "../../../../automation/engine/policy";
import { loadSpec } from "../../../../automation/spec/load";
import { PROJECT_ROOT } from "../../../../unit/load";

describe("the engine's pack config carries the spec's waivers", () => {
    const prod = loadSpec(path.join(PROJECT_ROOT, "environments", "prod.yaml"), PROJECT_ROOT).spec;

    it("gives the waived policy its waivers next to its config, and `edf-waivers` all of them at the mandatory level", () => {
        const document = policyPackConfig(prod.policy) as Record<string, Record<string, unknown>>;
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
        // The spec's own config and levels are kept.
        assert.strictEqual(document.all, "mandatory");
        assert.deepStrictEqual(document["production-stack-targets-production-account"], { productionAccountIds: ["222222222222"] });
        // File locations stay out of the engine's config.
        assert.ok(!JSON.stringify(document).includes("source"));
    });

    it("adds nothing when the spec has no waivers", () => {
        const document = policyPackConfig({ enforcement: { all: "advisory" } });
        assert.deepStrictEqual(document, { all: "advisory" });
    });
});
