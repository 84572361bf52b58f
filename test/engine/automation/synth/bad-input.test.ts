import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { EXIT_CODES } from "../../../../automation/errors";
import { edfSynth, freshHome, removeFreshHomes } from "./support";

// Bad input through the real `edf` executable: a clear error naming the file or argument and
// the fix, the documented exit code, and no run folder (nothing was evaluated).
describe("edf synth with bad input", function () {
    this.timeout(300_000);
    after(removeFreshHomes);

    it("rejects an unknown environment, listing the known ones", () => {
        const home = freshHome();
        const run = edfSynth(["--env", "staging"], home);
        assert.equal(run.code, EXIT_CODES.badInput);
        assert.match(run.stderr, /error EDF_SPEC_NOT_FOUND: No environment spec at `environments\/staging\.yaml`/);
        assert.match(run.stderr, /use one of: `dev`, `organization`, `prod`/);
        assert.ok(!fs.existsSync(path.join(home, "runs")), "no run folder");
    });

    it("rejects a dependency cycle, naming it", () => {
        const run = edfSynth(["--env", "test/fixtures/synth/cycle.yaml"]);
        assert.equal(run.code, EXIT_CODES.badInput);
        assert.match(run.stderr, /error EDF_CYCLE: The stack graph has a cycle: (a → b → a|b → a → b)/);
        assert.match(run.stderr, /remove one `dependsOn` entry/);
    });

    it("fails a unit that throws with its message, skips its dependents and finishes the rest", () => {
        const run = edfSynth(["--env", "test/fixtures/synth/throws.yaml", "--date", "2026-11-27"]);
        assert.equal(run.code, EXIT_CODES.failure, run.stderr);
        assert.match(run.stderr, /throws\s+failed .*broken-throws: config `edf:answer` must be 42, not `41`/);
        assert.match(run.stderr, /after-throws\s+skipped .*dependency `throws` did not succeed/);
        const report = run.report();
        assert.deepEqual(Object.fromEntries(report.stacks.map((s) => [s.unit, s.status])), {
            throws: "failed",
            "after-throws": "skipped",
            independent: "policy-violation",
        });
        assert.match(run.file("summary.md"), /## Stacks that did not synthesize/);
    });

    it("rejects a sample file that does not say it holds sample values", () => {
        const file = path.join(freshHome(), "real.yaml");
        fs.writeFileSync(file, "vault:\n  secret/payments/db: { password: hunter2 }\n");
        const run = edfSynth(["--env", "dev", "--inputs", file]);
        assert.equal(run.code, EXIT_CODES.badInput);
        assert.match(run.stderr, /sampleValuesOnly: true/);
    });

    it("rejects bad synth cache settings and exits, though threads started early", () => {
        // Nothing cached: the evaluator's threads (here a worker; on one thread, the aside thread)
        // start before the cache's settings are read; they must not keep the process alive after the error.
        const home = freshHome();
        const run = edfSynth(["--env", "dev", "--parallel", "2"], home, { EDF_SYNTH_CACHE_MAX_MB: "lots" });
        assert.equal(run.code, EXIT_CODES.badInput, run.stderr);
        assert.match(run.stderr, /`EDF_SYNTH_CACHE_MAX_MB` must be a whole number of MiB, not `lots`/);
        assert.ok(!fs.existsSync(path.join(home, "runs")), "no run folder");
    });

    it("rejects --inputs with --live-inputs", () => {
        const run = edfSynth(["--env", "dev", "--inputs", "environments/samples/dev.yaml", "--live-inputs"]);
        assert.equal(run.code, EXIT_CODES.badInput);
        assert.match(run.stderr, /`--inputs` and `--live-inputs` exclude each other/);
    });
});
