import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { Estate, prepareEstate, runDriver, stackOf } from "../support/estate";

/** The pids of the analyzer processes that loaded the test pack while `work` ran (the pack writes them: see its index.ts). */
async function analyzerLoads<T>(estate: Estate, work: (loads: () => number[]) => Promise<T>): Promise<{ result: T; pids: number[] }> {
    const file = path.join(estate.root, "analyzer-loads.txt");
    const loads = (): number[] => (fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map(Number) : []);
    fs.rmSync(file, { force: true });
    process.env.EDF_TEST_ANALYZER_LOADS = file;
    try {
        const result = await work(loads);
        return { result, pids: loads() };
    } finally {
        delete process.env.EDF_TEST_ANALYZER_LOADS;
    }
}

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

describe("edf on the real engine: one resident policy analyzer judges every stack of a run", function () {
    this.timeout(300_000);

    describe("with a mandatory violation", () => {
        let estate: Estate;
        before(() => {
            estate = prepareEstate("policy");
        });
        after(() => estate.remove());

        it("loads the pack once for three stacks at once, still fails `up` on a mandatory violation, stops after the run", async () => {
            const { result, pids } = await analyzerLoads(estate, () => runDriver(estate, "up", { parallel: 3 }));
            const { report } = result;
            assert.strictEqual(pids.length, 1, `the pack was loaded by ${pids.length} processes`);
            assert.ok(!alive(pids[0]!), "the resident analyzer outlived its run");
            assert.strictEqual(report.exitCode, 2);
            assert.strictEqual(stackOf(report, "clean").status, "succeeded");
            assert.strictEqual(stackOf(report, "dirty").status, "policy-violation");
            assert.strictEqual(stackOf(report, "after-dirty").status, "skipped");
            assert.deepStrictEqual(
                report.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => [v.unit, v.policy]),
                [["dirty", "record-value-allowed"]],
            );
            // Each stack judged with the environment's pack config, kept per engine by the resident analyzer.
            const advisory = report.violations.filter((v) => v.policy === "record-key-short");
            assert.deepStrictEqual([...new Set(advisory.map((v) => v.unit))].sort(), ["clean", "dirty"]);
            assert.ok(advisory.every((v) => /at most 8 characters/.test(v.message)));
            assert.strictEqual(estate.record("policy.dirty-0"), undefined, "the violating record was never created");
        });

        it("fails `preview` on the mandatory violation through the resident analyzer too", async () => {
            const { result, pids } = await analyzerLoads(estate, () => runDriver(estate, "preview", { parallel: 3 }));
            assert.strictEqual(pids.length, 1);
            assert.strictEqual(stackOf(result.report, "dirty").status, "policy-violation");
            assert.strictEqual(stackOf(result.report, "clean").status, "succeeded");
            assert.strictEqual(result.report.exitCode, 2);
        });
    });

    describe("when the analyzer dies mid-run", () => {
        let estate: Estate;
        before(() => {
            estate = prepareEstate("policy-crash");
        });
        after(() => estate.remove());

        it("fails the stack being judged and every stack after it, with the reason, and creates nothing unjudged", async () => {
            const { result } = await analyzerLoads(estate, async (loads) => {
                const run = runDriver(estate, "up", { parallel: 1, only: ["first", "second", "third"] });
                // Killed once the first stack's engine log shows a record being created: the engine has
                // judged it and waits on its (slow) create; the stack's end-of-stack judgement is still to come.
                const started = Date.now();
                const creating = (): boolean => {
                    const runs = path.join(estate.home, "runs");
                    if (!fs.existsSync(runs)) return false;
                    return fs.readdirSync(runs).some((run) => {
                        const log = path.join(runs, run, "policycrash.first.log");
                        return fs.existsSync(log) && /record-\d+ creating/.test(fs.readFileSync(log, "utf8"));
                    });
                };
                while (!creating()) {
                    if (Date.now() - started > 240_000) throw new Error("the first stack never started creating a record");
                    await new Promise((r) => setTimeout(r, 50));
                }
                process.kill(loads()[0]!, "SIGKILL");
                return run;
            });
            const { report, reporter } = result;
            const why = JSON.stringify(report.stacks.map((s) => [s.unit, s.status, s.reason]));
            assert.ok(
                report.stacks.every((s) => s.status === "failed"),
                why,
            );
            for (const unit of ["first", "second", "third"]) {
                assert.match(stackOf(report, unit).reason ?? "", /the run's policy analyzer stopped/, why);
            }
            for (const unit of ["second", "third"]) {
                assert.strictEqual(estate.record(`policycrash.${unit}-0`), undefined, `${unit} created a record unjudged`);
            }
            assert.notStrictEqual(report.exitCode, 0);
            assert.ok(
                reporter.lines.some((l) => /warning: edf: the run's policy analyzer stopped/.test(l)),
                reporter.lines.join("\n"),
            );
        });
    });
});
