import * as assert from "assert";
import { Estate, interval, prepareEstate, runDriver, stackOf } from "./support/estate";

describe("edf on the real engine: a failing stack", function () {
    this.timeout(240_000);
    let estate: Estate;

    before(() => {
        estate = prepareEstate("failing", { FAIL: "simulated provider failure" });
    });
    after(() => estate.remove());

    it("skips its dependents while independent stacks finish, and says so in the report", async () => {
        // One at a time, in spec order: `independent` only starts after `broken` failed.
        const { report } = await runDriver(estate, "up", { parallel: 1 });
        assert.strictEqual(report.exitCode, 1);
        assert.strictEqual(report.outcome, "failed");
        assert.strictEqual(stackOf(report, "first").status, "succeeded");
        assert.strictEqual(stackOf(report, "broken").status, "failed");
        assert.match(stackOf(report, "broken").reason!, /simulated provider failure/);
        assert.strictEqual(stackOf(report, "after-broken").status, "skipped");
        assert.match(stackOf(report, "after-broken").reason!, /dependency `broken` did not succeed/);
        const independent = stackOf(report, "independent");
        assert.strictEqual(independent.status, "succeeded");
        assert.ok(
            interval(independent).start >= interval(stackOf(report, "broken")).end,
            "the independent stack started after the failure",
        );
        assert.strictEqual(estate.record("failing.independent-1"), "failing:test/fixtures/units/records");
        assert.strictEqual(estate.record("failing.after-broken-0"), undefined, "nothing of a skipped stack is deployed");
        assert.deepStrictEqual(report.counts, { succeeded: 2, failed: 1, skipped: 1 });
    });

    it("converges on a rerun once the cause is fixed", async () => {
        estate.write({ FAIL: "" });
        const { report } = await runDriver(estate, "up", { parallel: 4 });
        assert.strictEqual(report.outcome, "succeeded", JSON.stringify(report.stacks.map((s) => [s.unit, s.status, s.reason])));
        assert.strictEqual(estate.record("failing.broken-0"), "failing:test/fixtures/units/records");
        assert.strictEqual(estate.record("failing.after-broken-0"), "failing:test/fixtures/units/records");
    });
});
