import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planEnvironment } from "../../../../automation/plan";
import { MemoryReporter } from "../../../../automation/reporter";
import { renderReportJson as renderSynthJson } from "../../../../automation/run/report/json";
import { AsideInspector, AsideJob } from "../../../../automation/synth/aside-inspector";
import { cacheEntriesFor, workingTreeKeys } from "../../../../automation/synth/cache/entries";
import { keepResult } from "../../../../automation/synth/cache/keep";
import { EvaluationJob, evaluateUnit, StackEvaluation } from "../../../../automation/synth/evaluate";
import { InspectionJob, inspectionJobFor, inspectStack, StackInspection } from "../../../../automation/synth/inspection";
import { ASIDE_DEPTH, InThreadEvaluator } from "../../../../automation/synth/pool";
import { PROJECT_ROOT } from "../../../support/toolchain";
import { DAY, FIXTURE_PROJECT, jobFor, synthFixture } from "./support";

/** Every file under `dir`, by relative path, with its bytes (the cache's entries, names and contents). */
function filesOf(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (at: string): void => {
        for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
            const full = path.join(at, entry.name);
            if (entry.isDirectory()) walk(full);
            else files[path.relative(dir, full)] = fs.readFileSync(full, "utf8");
        }
    };
    walk(dir);
    return files;
}

const MINI = path.join(FIXTURE_PROJECT, "environments", "mini.yaml");

/** The fixture's producer, evaluated, and the mini environment's inspection job for it. */
async function producerStack(): Promise<{ evaluation: StackEvaluation; job: InspectionJob; evaluationJob: EvaluationJob }> {
    const plan = planEnvironment(MINI, FIXTURE_PROJECT, {}, { date: DAY });
    const evaluationJob = jobFor("producer", { environment: "mini" });
    const evaluation = await evaluateUnit(evaluationJob);
    return { evaluation, job: inspectionJobFor(plan.policy!, "mini.producer"), evaluationJob };
}

/** A module that loads the job's policy list, except in a worker thread, which it ends (exit code 7). */
function dyingPolicyList(job: InspectionJob): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "edf-aside-dying-")), "dying-policy-list.js");
    fs.writeFileSync(
        file,
        `if (!require("worker_threads").isMainThread) process.exit(7);\nmodule.exports = require(${JSON.stringify(job.policyModule)});\n`,
    );
    return file;
}

describe("synth: inspecting and caching on a second thread", function () {
    this.timeout(180_000);
    let scratch: string;
    beforeEach(() => {
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), "edf-aside-"));
    });
    afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

    it("gives the report and writes the cache entries this thread does", async () => {
        const here = await synthFixture("mini", { cache: true, cacheDir: path.join(scratch, "here") });
        const evaluator = new InThreadEvaluator(new AsideInspector([]));
        try {
            assert.equal(evaluator.accepts, 1 + ASIDE_DEPTH, "one stack evaluating, those before it inspected aside");
            const there = await synthFixture("mini", { cache: true, cacheDir: path.join(scratch, "there"), evaluator });
            assert.strictEqual(renderSynthJson(there.report), renderSynthJson(here.report));
            // Closing waits for the entries the thread writes after it answered.
            await evaluator.close();
            const written = filesOf(path.join(scratch, "there"));
            assert.ok(
                Object.keys(written).some((f) => f.startsWith("inspection")),
                "the aside thread kept the inspections",
            );
            assert.deepStrictEqual(written, filesOf(path.join(scratch, "here")));
        } finally {
            await evaluator.close();
        }
    });

    it("inspects aside while this thread has a next stack to evaluate, else here (keeping aside either way)", async () => {
        const here = await synthFixture("mini");
        const real = new AsideInspector([]);
        const asked = { run: [] as string[], keep: [] as string[] };
        const spy = {
            run: (job: AsideJob) => (asked.run.push(job.evaluation.resources[0]!.name), real.run(job)),
            keep: (job: AsideJob, inspection: StackInspection | undefined) => (
                asked.keep.push(job.evaluation.resources[0]!.name),
                real.keep(job, inspection)
            ),
            close: () => real.close(),
        } as unknown as AsideInspector;
        const evaluator = new InThreadEvaluator(spy);
        try {
            const run = await synthFixture("mini", { evaluator });
            assert.strictEqual(renderSynthJson(run.report), renderSynthJson(here.report));
            assert.equal(asked.run.length + asked.keep.length, here.report.stacks.length, JSON.stringify(asked));
            assert.ok(asked.run.length > 0 && asked.keep.length > 0, JSON.stringify(asked));
        } finally {
            await evaluator.close();
        }
    });

    it("is what synth runs on one thread with `inspectAside`: same report, every entry written when synth returns", async () => {
        const here = await synthFixture("mini", { cache: true, cacheDir: path.join(scratch, "here") });
        const reporter = new MemoryReporter();
        const run = await synthFixture("mini", {
            evaluator: undefined,
            parallel: 1,
            inspectAside: true,
            reporter,
            cache: true,
            cacheDir: path.join(scratch, "there"),
        });
        assert.strictEqual(renderSynthJson(run.report), renderSynthJson(here.report));
        // Nothing was cached: the aside thread fingerprinted the units and named the entries itself.
        assert.ok(
            reporter.lines.some((l) => l.endsWith("stack(s) fingerprinted on the inspection thread")),
            reporter.lines.join("\n"),
        );
        assert.deepStrictEqual(filesOf(path.join(scratch, "there")), filesOf(path.join(scratch, "here")));
        assert.deepStrictEqual(
            reporter.lines.filter((l) => l.startsWith("warning:")),
            [],
        );
    });

    it("stops the thread when the run fails before it starts (bad cache settings): the process still exits", () => {
        // In a process of its own: a thread left running would keep it alive past the error.
        const script = `
            const { synthEnvironment } = require(${JSON.stringify(path.join(PROJECT_ROOT, "automation", "synth", "synth"))});
            const { MemoryReporter } = require(${JSON.stringify(path.join(PROJECT_ROOT, "automation", "reporter"))});
            synthEnvironment({
                env: ${JSON.stringify(MINI)}, projectRoot: ${JSON.stringify(FIXTURE_PROJECT)}, reporter: new MemoryReporter(),
                parallel: 1, inspectAside: true, cacheDir: ${JSON.stringify(path.join(scratch, "cache"))},
                environment: { EDF_SYNTH_CACHE_MAX_MB: "lots" },
            }).then(() => console.error("no error"), (error) => console.error("rejected: " + error.message));
        `;
        const child = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
            cwd: PROJECT_ROOT,
            encoding: "utf8",
            timeout: 60_000,
        });
        assert.equal(child.signal, null, "the process exited by itself");
        assert.match(child.stderr, /rejected: `EDF_SYNTH_CACHE_MAX_MB` must be a whole number of MiB, not `lots`/);
    });

    it("inspects in this thread what it held when the thread dies, says so once, and goes on without it", async () => {
        const { evaluation, job } = await producerStack();
        const dying = dyingPolicyList(job);
        const problems: string[] = [];
        const aside = new AsideInspector([], (m) => problems.push(m));
        try {
            const expected = await inspectStack(job, evaluation.resources);
            const held = await aside.run({ evaluation, inspection: { ...job, policyModule: dying } });
            assert.deepStrictEqual(held.inspection, expected);
            const after = await aside.run({ evaluation, inspection: job });
            assert.deepStrictEqual(after.inspection, expected);
            assert.equal(problems.length, 1, problems.join("\n"));
            assert.match(problems[0]!, /synth's inspection thread exited with code 7; inspecting in the main thread instead/);
        } finally {
            await aside.close();
        }
    });

    it("names a stack's entries as this thread does, there or (the thread gone) here", async () => {
        const { evaluation, job, evaluationJob } = await producerStack();
        const keysOptions = { projectRoot: FIXTURE_PROJECT, env: MINI, extraWaiverFiles: [] };
        const keys = workingTreeKeys(keysOptions);
        const here = path.join(scratch, "here");
        keepResult(cacheEntriesFor(keys, here, evaluationJob, job), evaluation, await inspectStack(job, evaluation.resources));
        for (const dies of [false, true]) {
            const there = path.join(scratch, `there-${dies}`);
            const problems: string[] = [];
            const aside = new AsideInspector(dies ? [dyingPolicyList(job)] : [], (m) => problems.push(m));
            aside.takeKeys(keysOptions);
            await aside.run({ evaluation, inspection: job, keepAside: { dir: there, job: evaluationJob } });
            await aside.close();
            assert.deepStrictEqual(filesOf(there), filesOf(here), dies ? "named here" : "named there");
            assert.equal(problems.length, dies ? 1 : 0, problems.join("\n"));
        }
    });

    it("keeps nothing, and says why once, when the units cannot be fingerprinted", async () => {
        const { evaluation, job, evaluationJob } = await producerStack();
        const problems: string[] = [];
        const aside = new AsideInspector([], (m) => problems.push(m));
        aside.takeKeys({ projectRoot: FIXTURE_PROJECT, env: "no-such-environment", extraWaiverFiles: [] });
        const there = path.join(scratch, "there");
        for (let i = 0; i < 2; i++) {
            const done = await aside.run({ evaluation, inspection: job, keepAside: { dir: there, job: evaluationJob } });
            assert.deepStrictEqual(done.inspection, await inspectStack(job, evaluation.resources), "the stack is still inspected");
        }
        await aside.close();
        assert.ok(!fs.existsSync(there), "nothing kept");
        assert.equal(problems.length, 1, problems.join("\n"));
        assert.match(
            problems[0]!,
            /^synth cache: the units could not be fingerprinted \(.*no-such-environment.*\): nothing of this run is kept$/s,
        );
    });

    it("sends a changed policy list again (levels of another environment), and the first one when it comes back", async () => {
        const { evaluation, job } = await producerStack();
        const advisory: InspectionJob = { ...job, enforcement: { environments: { [job.environment]: { mode: "advisory" } } } };
        const aside = new AsideInspector([]);
        try {
            for (const each of [job, advisory, advisory, job]) {
                const expected = await inspectStack(each, evaluation.resources);
                const there = await aside.run({ evaluation, inspection: each });
                assert.deepStrictEqual(there.inspection, expected);
            }
            const levels = async (j: InspectionJob): Promise<string[]> =>
                (await aside.run({ evaluation, inspection: j })).inspection!.policies.map((p) => p.level);
            assert.notDeepStrictEqual(await levels(advisory), await levels(job), "the two lists differ, or this test shows nothing");
        } finally {
            await aside.close();
        }
    });

    it("fails a stack whose inspection fails with the error this thread gives", async () => {
        const { evaluation, job } = await producerStack();
        const missing = { ...job, policyModule: path.join(scratch, "no-such-policy-list.js") };
        // The first line: Node's "Require stack" after it names the modules of the thread that asked.
        const firstLine = (error: Error): string => error.message.split("\n")[0]!;
        const here = await Promise.resolve()
            .then(() => inspectStack(missing, evaluation.resources))
            .then(
                () => assert.fail("inspected with a missing policy list"),
                (error: Error) => firstLine(error),
            );
        assert.match(here, /Cannot find module/);
        const aside = new AsideInspector([]);
        try {
            await assert.rejects(aside.run({ evaluation, inspection: missing }), (error: Error) => firstLine(error) === here);
            // The thread is still there for the next stack.
            const next = await aside.run({ evaluation, inspection: job });
            assert.deepStrictEqual(next.inspection, await inspectStack(job, evaluation.resources));
        } finally {
            await aside.close();
        }
    });
});
