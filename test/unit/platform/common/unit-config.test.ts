import { strict as assert } from "assert";
import { ConfigReader, UnitConfigError } from "../../../../platform/common/unit-config";

const reader = (values: Record<string, string>) => new ConfigReader({ name: "edf", get: (key: string) => values[key] } as never);

describe("unit config reader", () => {
    it("reads typed values and leaves unset keys undefined", () => {
        const r = reader({ azCount: "3", publicTier: "false", natStrategy: "single", governance: '{"owner":"x"}' });
        assert.equal(r.integer("azCount", 2, 6), 3);
        assert.equal(r.boolean("publicTier"), false);
        assert.equal(r.enumValue("natStrategy", ["none", "single"]), "single");
        assert.deepEqual(r.json("governance"), { owner: "x" });
        assert.equal(r.integer("missing", 0, 1), undefined);
        assert.deepEqual(r.problems, []);
    });

    it("collects every problem, naming the fully qualified key and the fix", () => {
        const r = reader({ azCount: "3.5", publicTier: "yes", natStrategy: "many", subnetCidrs: "{oops" });
        r.integer("azCount", 2, 6);
        r.boolean("publicTier");
        r.enumValue("natStrategy", ["none", "single"]);
        r.json("subnetCidrs");
        assert.deepEqual(r.problems, [
            "`azCount` is `3.5`: set `edf:azCount` to a whole number from 2 to 6.",
            "`publicTier` is `yes`: set `edf:publicTier` to `true` or `false`.",
            "`natStrategy` is `many`: set `edf:natStrategy` to one of `none`, `single`.",
            "`subnetCidrs` is not valid JSON: set `edf:subnetCidrs` with `--path` or as a JSON object.",
        ]);
        assert.throws(
            () => r.throwIfInvalid("platform/network"),
            (e: UnitConfigError) =>
                e.code === "EDF_CONFIG_INVALID" && e.problems.length === 4 && /^Unit `platform\/network` cannot run/.test(e.message),
        );
    });

    it("does not throw when nothing is wrong", () => {
        assert.doesNotThrow(() => reader({}).throwIfInvalid("platform/security"));
    });
});
