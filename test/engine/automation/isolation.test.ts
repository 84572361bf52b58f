import * as assert from "assert";
import { getStackOutputs } from "../../../automation/outputs";
import { PROJECT_ROOT } from "../../support/toolchain";
import { Estate, interval, prepareEstate, runDriver, stackOf } from "./support/estate";

// The driver runs each running stack's program in a worker thread of its own (a program
// host, automation/engine/program-host/), concurrently. This is the evidence that it is
// safe: six stacks at once, each seeing only its own stack, config and inputs.
describe("concurrent stacks in one driver process", function () {
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

// The reason for the program hosts: the SDK's inline-program server adds process-wide
// `unhandledRejection`/`uncaughtException` handlers for each run, so in one thread a
// stack's stray rejection failed every stack running beside it ("One or more errors
// occurred: …"). With the program hosts removed (inline programs in the driver's thread)
// this test fails: both quiet stacks report stray's error.
describe("a stack's unhandled errors", function () {
    this.timeout(240_000);
    let estate: Estate;

    before(() => {
        estate = prepareEstate("crosstalk");
    });
    after(() => estate.remove());

    it("fail that stack alone, not the stacks running beside it", async () => {
        const { report } = await runDriver(estate, "up", { parallel: 3 });
        const stray = stackOf(report, "stray");
        assert.strictEqual(stray.status, "failed");
        assert.match(stray.reason!, /stray-rejection: a promise of `test\/fixtures\/units\/stray-rejection` was rejected/);
        for (const unit of ["quiet-1", "quiet-2"]) {
            const quiet = stackOf(report, unit);
            assert.strictEqual(quiet.status, "succeeded", `${unit}: ${quiet.reason}`);
            assert.strictEqual(quiet.attempts, 1, `${unit} needed a retry`);
            // Not vacuous: the quiet stack was running when stray failed.
            assert.ok(
                interval(quiet).start < interval(stray).end && interval(stray).end < interval(quiet).end,
                `${unit} overlapped stray's failure`,
            );
            assert.strictEqual(estate.record(`crosstalk.${unit}-1`), `crosstalk:test/fixtures/units/records`);
        }
    });
});
