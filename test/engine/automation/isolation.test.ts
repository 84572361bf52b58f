import * as assert from "assert";
import { getStackOutputs } from "../../../automation/outputs";
import { PROJECT_ROOT } from "../../../automation/unit/load";
import { Estate, interval, prepareEstate, runDriver } from "./support/estate";

// The driver runs each stack's program inline, in its own process, concurrently (the
// Node SDK keeps per-program state in AsyncLocalStorage). This is the evidence that
// it is safe: six stacks at once, each seeing only its own stack, config and inputs.
describe("concurrent inline programs in one driver process", function () {
    this.timeout(240_000);
    let estate: Estate;
    const values = ["one", "two", "three", "four", "five", "six"];

    before(() => {
        estate = prepareEstate("isolation");
    });
    after(() => estate.remove());

    it("keep each stack's name, config and inputs apart", async () => {
        const environment = { ...process.env, ...Object.fromEntries(values.map((_, i) => [`EDF_ISO_${i + 1}`, `tag-${i + 1}`])) };
        const { report } = await runDriver(estate, "up", { parallel: 6, environment });
        assert.strictEqual(report.outcome, "succeeded", JSON.stringify(report.stacks.map((s) => [s.unit, s.status, s.reason])));
        const spans = report.stacks.map(interval);
        const overlapping = spans.filter((a) => spans.some((b) => a !== b && a.start < b.end && b.start < a.end)).length;
        assert.ok(overlapping >= 2, "stacks ran concurrently");
        const outputs = await getStackOutputs({ env: estate.specFile, projectRoot: PROJECT_ROOT, edfHome: estate.home });
        values.forEach((value, i) => {
            const unit = `u${i + 1}`;
            const expected = `${value}|tag="tag-${i + 1}"`;
            assert.strictEqual(outputs[unit]!.value, expected, unit);
            assert.deepStrictEqual(outputs[unit]!.keys, [`iso.${unit}-0`, `iso.${unit}-1`], `${unit} saw another stack's name`);
            assert.strictEqual(estate.record(`iso.${unit}-1`), expected);
        });
    });
});
