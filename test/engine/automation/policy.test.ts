import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { Estate, prepareEstate, runDriver, stackOf } from "./support/estate";

describe("edf on the real engine: policy enforcement through a pack", function () {
    this.timeout(300_000);
    let estate: Estate;

    before(() => {
        estate = prepareEstate("policy");
    });
    after(() => estate.remove());

    it("fails a stack with a mandatory violation, skips its dependents, exits 2 and lists every violation", async () => {
        const { report } = await runDriver(estate, "up", { parallel: 3 });
        const why = JSON.stringify(report.stacks.map((s) => [s.unit, s.status, s.reason]));
        assert.strictEqual(report.exitCode, 2, why);
        assert.strictEqual(report.outcome, "policy-violation");
        assert.strictEqual(stackOf(report, "clean").status, "succeeded");
        assert.strictEqual(stackOf(report, "dirty").status, "policy-violation");
        assert.strictEqual(stackOf(report, "after-dirty").status, "skipped");
        const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory");
        assert.deepStrictEqual(
            mandatory.map((v) => [v.unit, v.policy]),
            [["dirty", "record-value-allowed"]],
        );
        assert.match(mandatory[0]!.message, /must not store a value containing "forbidden"/);
        // The environment's pack config (maxLength 8) reaches the engine: every record's key is too long.
        const advisory = report.violations.filter((v) => v.policy === "record-key-short");
        assert.deepStrictEqual([...new Set(advisory.map((v) => v.unit))].sort(), ["clean", "dirty"]);
        assert.ok(advisory.every((v) => v.enforcementLevel === "advisory" && /at most 8 characters/.test(v.message)));
        assert.strictEqual(estate.record("policy.dirty-0"), undefined, "the violating record was never created");
        const written = JSON.parse(fs.readFileSync(path.join(report.runDir!, "policy-config.json"), "utf8"));
        // Every policy's level for this environment, with the environment's config: what synth judges with.
        assert.deepStrictEqual(written, {
            "record-value-allowed": { enforcementLevel: "mandatory" },
            "record-key-short": { maxLength: 8, enforcementLevel: "advisory" },
        });
    });

    it("runs the pack on preview too", async () => {
        const { report } = await runDriver(estate, "preview", { only: ["dirty"] });
        assert.strictEqual(stackOf(report, "dirty").status, "policy-violation");
        assert.strictEqual(report.exitCode, 2);
    });
});
