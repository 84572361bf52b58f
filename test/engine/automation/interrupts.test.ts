import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { diyLockDir } from "../../../automation/engine/locks";
import { Estate, prepareEstate, runEdf, startEdf } from "./support/estate";

const TRIALS = 3;
const STACKS = ["one", "two", "three", "side"];

/** A pseudo-random generator with a printed seed, so a failing trial can be replayed. */
function seeded(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state * 1664525 + 1013904223) >>> 0;
        return state / 2 ** 32;
    };
}

describe("edf on the real engine: SIGINT and SIGTERM at random moments", function () {
    this.timeout(600_000);
    let estate: Estate;
    const seed = Number(process.env.EDF_INTERRUPT_SEED ?? Date.now() % 100_000);
    const random = seeded(seed);

    before(() => {
        estate = prepareEstate("cancel", { VALUE: "start" });
    });
    after(() => estate.remove());

    for (let trial = 1; trial <= TRIALS; trial++) {
        it(`cancels cleanly with exit 130 and a plain rerun converges (trial ${trial})`, async () => {
            const value = `trial-${trial}`;
            const signal: NodeJS.Signals = random() < 0.5 ? "SIGINT" : "SIGTERM";
            const afterMs = Math.round(random() * 8000);
            estate.write({ VALUE: value });
            const args = ["up", "--yes", "--env", estate.specFile, "--home", estate.home, "--parallel", "4"];
            const run = startEdf(args);
            let finished = false;
            void run.done.then(() => (finished = true));
            // The random moment is counted from the first stack operation, so every trial
            // interrupts real engine work (anywhere from its first CLI call to the last stack).
            while (!finished && !/ running /.test(run.output().stderr)) {
                await new Promise((r) => setTimeout(r, 50));
            }
            await new Promise((r) => setTimeout(r, afterMs));
            const signalled = !finished;
            if (signalled) {
                process.kill(run.pid, signal);
            }
            const cancelled = await run.done;
            const context = `seed ${seed}, ${signal} after ${afterMs} ms\n${cancelled.stderr}`;
            // Visible in the test output: which path each random trial took.
            console.log(
                `      ${signal} ${afterMs} ms into the run → ${signalled ? `exit ${cancelled.code ?? cancelled.signal}` : "finished before the signal"}`,
            );
            if (signalled) {
                assert.strictEqual(cancelled.code, 130, `exit ${cancelled.code}/${cancelled.signal}: ${context}`);
                assert.match(cancelled.stdout, /: interrupted \(/, context);
                assert.match(cancelled.stderr, new RegExp(`${signal}: cancelling`), context);
            }
            // A graceful cancel leaves no lock behind: the CLI released it.
            for (const stack of STACKS) {
                const locks = diyLockDir(path.join(estate.home, "backend"), `cancel.${stack}`);
                const left = fs.existsSync(locks) ? fs.readdirSync(locks).filter((f) => f.endsWith(".json")) : [];
                assert.deepStrictEqual(left, [], `lock left on ${stack}: ${context}`);
            }
            // WHEN the same command runs again, with no manual step
            const rerun = await runEdf(args);
            assert.strictEqual(rerun.code, 0, `rerun failed (${context}):\n${rerun.stdout}\n${rerun.stderr}`);
            for (const stack of STACKS) {
                for (const i of [0, 1]) {
                    assert.strictEqual(estate.record(`cancel.${stack}-${i}`), value, `${stack}-${i} (${context})`);
                }
            }
        });
    }
});
