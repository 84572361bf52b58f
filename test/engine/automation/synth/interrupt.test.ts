// An interrupted synth ends like an interrupted `up`: the one run skeleton cancels what has not
// started, the run's outcome is `interrupted`, the exit code 130, and the reports say so. A plain
// rerun then synthesizes everything. Through the real `edf` executable and a real SIGINT.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { EXIT_CODES } from "../../../../automation/errors";
import type { SynthReport } from "../../../../automation/run/report/model";
import { startEdf } from "../support/estate";
import { freshHome, removeFreshHomes } from "./support";

describe("edf synth interrupted", function () {
    this.timeout(300_000);
    after(removeFreshHomes);

    for (const signal of ["SIGINT", "SIGTERM"] as const) {
        it(`exits 130 on ${signal}, cancels the stacks not started and reports the run interrupted; a rerun converges`, async () => {
            const home = freshHome();
            try {
                // One stack at a time, so stacks are still waiting when the signal arrives.
                const args = ["--home", home, "synth", "--env", "prod", "--parallel", "1", "--date", "2026-11-27"];
                const run = startEdf(args);
                let finished = false;
                void run.done.then(() => (finished = true));
                while (!finished && !/evaluating…/.test(run.output().stderr)) await new Promise((r) => setTimeout(r, 20));
                assert.ok(!finished, "synth finished before it could be interrupted");
                process.kill(run.pid, signal);
                const done = await run.done;
                assert.strictEqual(done.code, EXIT_CODES.interrupted, done.stderr);
                assert.match(done.stderr, new RegExp(`${signal}: cancelling the run`));
                const runs = fs.readdirSync(path.join(home, "runs"));
                assert.strictEqual(runs.length, 1);
                const report = JSON.parse(fs.readFileSync(path.join(home, "runs", runs[0]!, "report.json"), "utf8")) as SynthReport;
                assert.strictEqual(report.outcome, "interrupted");
                assert.strictEqual(report.exitCode, 130);
                const cancelled = report.stacks.filter((s) => s.status === "cancelled");
                assert.ok(
                    cancelled.length > 0 && cancelled.every((s) => /interrupted/.test(s.reason ?? "")),
                    JSON.stringify(report.stacks),
                );
                assert.strictEqual(report.summary.cancelled, cancelled.length);

                const again = await startEdf(args).done;
                assert.strictEqual(again.code, EXIT_CODES.ok, again.stderr);
            } finally {
                fs.rmSync(home, { recursive: true, force: true });
            }
        });
    }
});
