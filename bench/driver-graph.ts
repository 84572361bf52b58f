/**
 * Benchmark: the driver on the real engine over a 20-stack graph with fan-out and fan-in.
 *
 *   npx ts-node -T bench/driver-graph.ts [--runs 3] [--sequential-runs 1] [--parallel 8] [--latency-scale 1]
 *                                        [--width 6] [--depth 3] [--no-policy]
 *   npx ts-node -T bench/driver-graph.ts --smoke     # root → sink, latency × 0.1, every loop once (npm test)
 *
 * The graph: root → a1..a6 → b1..b6 (b_i needs a_i and a_{i+1}) → c1..c6 → sink. Every
 * stack is the engine-native `test/fixtures/units/records` unit: two dynamic FileRecord
 * resources with a simulated per-operation latency (1.0–2.9 s, fixed per stack).
 * `--width w --depth d` gives d layers of w stacks between root and sink (the standard graph
 * is 6 × 3 = 20 stacks; further layers follow one to one like c).
 *
 * Prints medians over `--runs` fresh deployments of:
 * - `edf up --parallel N` wall time (the real CLI entry point) vs the graph's critical path
 *   (the longest chain of simulated latencies) and the CPU floor (the run's CPU ÷ cores): no
 *   scheduler beats the larger of the two, so wall ÷ max(critical path, CPU floor) is the
 *   driver's own figure; beside it, the wall of a good schedule of this graph on these cores
 *   (bench/support/schedule-model.ts: each stack's redeploy CPU around its latency, the rest of
 *   its first-deploy CPU done ahead), a tighter yardstick than that bound;
 * - the run's CPU per stack (`/usr/bin/time` on the whole tree), split by process: the driver
 *   (whose worker threads host the programs: no language-host process for inline programs), the
 *   Pulumi CLI, the dynamic provider plugin and the policy-pack analyzer (one resident process per
 *   run: automation/engine/policy-host/), sampled from /proc (bench/support/process-cpu.ts). The
 *   pipeline pack runs as in every real `up`; `--no-policy` turns it off;
 * - the same for a second `edf up` of each deployed environment with nothing changed: the steady
 *   state (CI's every merge), where a stack costs its fixed overhead and no resource operation;
 * - a sequential loop of plain `pulumi up` calls (bare CLI, the project's root program,
 *   one stack after another) — the speed-up vs the bound sequential / critical path;
 * - the driver's per-stack overhead over the bare CLI: a stack's time in `edf up
 *   --parallel 1` (select + config + up, from report.json) minus its bare `pulumi up` time
 *   — both one stack at a time, so neither is slowed by the other's concurrency.
 * `--runs` repeats the parallel driver run; `--sequential-runs` the two one-at-a-time loops
 * (each takes minutes: 20 stacks × the CLI's start-up; 0 skips them and the figures that
 * need them).
 *
 * `--latency-scale k` multiplies every simulated latency by k (default 1, the standard
 * variant). With k = 10 the critical path (≈ 108 s) dwarfs the run's CPU on 2 cores, so
 * the ratio to the critical path shows the scheduler's own overhead rather than this
 * machine's CPU limit.
 *
 * The smoke runs every part once on the smallest graph (root → sink: two stacks and one
 * dependency) with short latencies: the parallel driver run, the one-at-a-time driver run and
 * the bare CLI loop, so a broken part of any of them fails `npm test`. A bare stack costs
 * 7–13 s on 2 shared cores, so a wider smoke would cost minutes and find nothing more.
 */
import { execFile, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { buildGraph, dependenciesOf, topologicalOrder } from "../automation/graph/graph";
import type { EnvironmentSpec } from "../automation/spec/types";
import { engineEnv, PROJECT_ROOT, toolchain } from "../test/support/toolchain";
import { describeMachine, describeRuns, expect, median, numberOption, runBenchmark, target, UsageError } from "./support/figures";
import { PROCESS_KINDS, ProcessCpuSampler, type ProcessKind } from "./support/process-cpu";
import { modelledWallMs } from "./support/schedule-model";

const exec = promisify(execFile);
const UNIT = "test/fixtures/units/records";
// The fixture unit lives outside the product's unit roots: add its root (unit/load.ts), for the
// driver and for every CLI and program process it starts.
process.env.EDF_UNIT_ROOTS = [process.env.EDF_UNIT_ROOTS, "test/fixtures/units"].filter(Boolean).join(path.delimiter);
const RECORDS_PER_STACK = 2;

/** Multiplies every simulated latency (`--latency-scale`). */
const LATENCY_SCALE = numberOption("latency-scale", 1, { smoke: 0.1, fractional: true });
/** Stacks per layer (`--width`) and layers between root and sink (`--depth`): 6 × 3 is the standard graph. */
const WIDTH = numberOption("width", 6, { smoke: 1 });
const DEPTH = numberOption("depth", 3, { smoke: 0, allowZero: true });
/**
 * Whether `edf up` runs the pipeline policy pack, as every real `up` does (`--no-policy` turns it
 * off, the spec's `policy.enabled: false`: the figures before the pack ran as prebuilt JavaScript).
 */
const POLICY = !process.argv.includes("--no-policy");

/** The units (root, DEPTH layers of WIDTH, sink) with their dependencies and simulated latency (ms). */
function graphUnits(): { name: string; dependsOn: string[]; latencyMs: number }[] {
    if (DEPTH > 26) throw new UsageError("`--depth` is at most 26: layers are named a to z.");
    const units: { name: string; dependsOn: string[] }[] = [{ name: "root", dependsOn: [] }];
    let previous = ["root"];
    for (let layer = 1; layer <= DEPTH; layer++) {
        const letter = String.fromCharCode(96 + layer);
        const above = String.fromCharCode(95 + layer);
        const current: string[] = [];
        for (let i = 1; i <= WIDTH; i++) {
            // Layer a fans out from root, layer b fans in (b_i needs a_i and a_{i+1}: a set, as one
            // stack wide they are the same), later layers follow one to one.
            const dependsOn = layer === 1 ? ["root"] : layer === 2 ? [...new Set([`a${i}`, `a${(i % WIDTH) + 1}`])] : [`${above}${i}`];
            units.push({ name: `${letter}${i}`, dependsOn });
            current.push(`${letter}${i}`);
        }
        previous = current;
    }
    units.push({ name: "sink", dependsOn: previous });
    return units.map((u, i) => ({ ...u, latencyMs: Math.round((1000 + ((i * 379) % 2000)) * LATENCY_SCALE) }));
}

function specFor(environment: string, recordsDir: string, tag: string): EnvironmentSpec {
    const units: Record<string, EnvironmentSpec["units"][string]> = {};
    for (const u of graphUnits()) {
        units[u.name] = {
            path: UNIT,
            dependsOn: u.dependsOn,
            config: { dir: recordsDir, records: RECORDS_PER_STACK, delayMs: u.latencyMs, value: tag },
        };
    }
    return { environment, policy: { enabled: POLICY }, units };
}

/** The longest chain of latencies (records of one stack run in parallel: a stack costs its latency). */
function criticalPathMs(spec: EnvironmentSpec): number {
    const graph = buildGraph(spec);
    const latency = Object.fromEntries(graphUnits().map((u) => [u.name, u.latencyMs]));
    const finish: Record<string, number> = {};
    for (const unit of topologicalOrder(graph)) {
        finish[unit] = Math.max(0, ...dependenciesOf(graph, unit).map((d) => finish[d]!)) + latency[unit]!;
    }
    return Math.max(...Object.values(finish));
}

function toYaml(spec: EnvironmentSpec): string {
    // JSON is YAML: no serializer needed for a generated spec.
    return JSON.stringify(spec, null, 2);
}

interface DriverRun {
    wallMs: number;
    perStackMs: Record<string, number>;
    /** CPU seconds (user + system) of the driver and every process it started (CLIs, plugins). */
    cpuSeconds: number;
    /** The same CPU split by kind of process (sampled from /proc: a little is not seen, see process-cpu.ts). */
    cpuByKind: Record<ProcessKind, number>;
}

interface TimedUp {
    code: number | null;
    wallMs: number;
    cpuSeconds: number;
    cpuByKind: Record<ProcessKind, number>;
    report: { outcome: string; stacks: { unit: string; durationMs: number }[] };
}

/** One `edf up` of `specFile` into `home`, under `/usr/bin/time` and the /proc sampler; its report. */
async function timedUp(root: string, specFile: string, home: string, parallel: number): Promise<TimedUp> {
    const env = { ...process.env, ...engineEnv({ EDF_PASSPHRASE: "bench-passphrase" }) };
    const started = Date.now();
    const timeFile = path.join(root, "time.txt");
    let sampler: ProcessCpuSampler | undefined;
    // /usr/bin/time reports the CPU of the whole process tree it waited for: the driver,
    // its pulumi CLIs and their plugins (all reaped within the tree).
    const code = await new Promise<number | null>((resolve) => {
        const child = spawn(
            "/usr/bin/time",
            [
                "-f",
                "%U %S",
                "-o",
                timeFile,
                process.execPath,
                path.join(PROJECT_ROOT, "automation/cli/bin.js"),
                "--json",
                "up",
                // No question: a benchmark, like CI, has no terminal (without --yes, up refuses).
                "--yes",
                "--env",
                specFile,
                "--home",
                home,
                "--parallel",
                String(parallel),
            ],
            { env, stdio: ["ignore", "ignore", "ignore"] },
        );
        if (child.pid !== undefined) sampler = new ProcessCpuSampler(child.pid);
        child.on("close", resolve);
    });
    const cpuByKind = sampler!.stop();
    const [user, system] = fs.readFileSync(timeFile, "utf8").trim().split(/\s+/).slice(-2).map(Number) as [number, number];
    const wallMs = Date.now() - started;
    const runs = path.join(home, "runs");
    // The newest run folder (names sort by time): a redeploy's, after the first deployment's.
    const folder = fs.existsSync(runs) ? fs.readdirSync(runs).sort().at(-1) : undefined;
    expect(folder !== undefined, `edf up --parallel ${parallel} wrote no run folder (exit ${code})`);
    const report = JSON.parse(fs.readFileSync(path.join(runs, folder, "report.json"), "utf8")) as TimedUp["report"];
    expect(code === 0 && report.outcome === "succeeded", `edf up --parallel ${parallel} failed (exit ${code}, ${report.outcome})`);
    const units = graphUnits().length;
    expect(report.stacks.length === units, `edf up reported ${report.stacks.length} stacks of ${units}`);
    return { code, wallMs, cpuSeconds: user + system, cpuByKind, report };
}

/**
 * A first deployment of the graph into a fresh home and backend; with `redeploy`, then `edf up`
 * again with nothing changed — the steady state of an environment, CI's every merge.
 */
async function runDriver(parallel: number, tag: string, redeploy = false): Promise<DriverRun & { redeploy?: DriverRun }> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "edf-bench-driver-"));
    try {
        const specFile = path.join(root, "bench.yaml");
        fs.writeFileSync(specFile, toYaml(specFor("bench", path.join(root, "records"), tag)));
        const home = path.join(root, "home");
        const first = await timedUp(root, specFile, home, parallel);
        const units = graphUnits().length;
        const records = fs.readdirSync(path.join(root, "records")).length;
        expect(records === units * RECORDS_PER_STACK, `edf up wrote ${records} records of ${units * RECORDS_PER_STACK}`);
        const figures = (up: TimedUp): DriverRun => ({
            wallMs: up.wallMs,
            perStackMs: Object.fromEntries(up.report.stacks.map((s) => [s.unit, s.durationMs])),
            cpuSeconds: up.cpuSeconds,
            cpuByKind: up.cpuByKind,
        });
        return { ...figures(first), ...(redeploy ? { redeploy: figures(await timedUp(root, specFile, home, parallel)) } : {}) };
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
}

/**
 * A scratch project for the bare CLI, so no stack file lands in the repository: the top-level
 * files (Pulumi.yaml, index.ts, tsconfig.json…) copied, every top-level folder linked — so the
 * root program finds whatever it imports, wherever the layout puts it — except the fixture unit
 * and the fixture code it imports, which are copied: a unit folder may not be a link out of its
 * project (the unit loader refuses one, as it should).
 */
function scratchProject(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-bench-cli-"));
    for (const entry of fs.readdirSync(PROJECT_ROOT, { withFileTypes: true })) {
        // Tool state and stack settings (Pulumi.<stack>.yaml) stay out: the scratch project has its own.
        if ([".git", ".edf", ".tools", "test"].includes(entry.name) || /^Pulumi\..+\.ya?ml$/.test(entry.name)) continue;
        const source = path.join(PROJECT_ROOT, entry.name);
        if (entry.isDirectory()) fs.symlinkSync(source, path.join(dir, entry.name), "dir");
        else if (entry.isFile()) fs.copyFileSync(source, path.join(dir, entry.name));
    }
    for (const folder of [UNIT, "test/fixtures/engine"]) {
        fs.cpSync(path.join(PROJECT_ROOT, folder), path.join(dir, folder), { recursive: true });
    }
    return dir;
}

async function runBareCli(tag: string): Promise<{ wallMs: number; perStackMs: Record<string, number> }> {
    const project = scratchProject();
    const backend = path.join(project, ".backend");
    fs.mkdirSync(backend);
    const env = {
        ...process.env,
        ...engineEnv({ PULUMI_BACKEND_URL: `file://${backend}`, PULUMI_CONFIG_PASSPHRASE: "bench-passphrase" }),
    };
    env.PATH = `${toolchain().languageHost.dir}${path.delimiter}${env.PATH}`;
    const pulumi = (...args: string[]) =>
        exec("pulumi", [...args, "--non-interactive", "--cwd", project], { env, maxBuffer: 64 * 1024 * 1024 });
    try {
        const spec = specFor("bare", path.join(project, "records"), tag);
        const perStackMs: Record<string, number> = {};
        let wallMs = 0;
        for (const unit of topologicalOrder(buildGraph(spec))) {
            const stack = `bare.${unit}`;
            await pulumi("stack", "init", stack);
            const config = spec.units[unit]!.config!;
            const pairs = [
                `edf:unit=${UNIT}`,
                `edf:environment=bare`,
                ...Object.entries(config).map(([k, v]) => `edf:${k}=${typeof v === "string" ? v : JSON.stringify(v)}`),
            ];
            await pulumi("config", "set-all", "-s", stack, ...pairs.flatMap((p) => ["--plaintext", p]));
            // Only the `pulumi up` calls are timed: that is the bare CLI's cost of a stack.
            const started = Date.now();
            await pulumi("up", "-s", stack, "--yes", "--skip-preview");
            perStackMs[unit] = Date.now() - started;
            const records = fs.readdirSync(path.join(project, "records")).filter((f) => f.startsWith(`${stack}-`));
            expect(
                records.length === RECORDS_PER_STACK,
                `bare \`pulumi up -s ${stack}\` wrote ${records.length} records of ${RECORDS_PER_STACK}`,
            );
            wallMs += perStackMs[unit]!;
        }
        return { wallMs, perStackMs };
    } finally {
        fs.rmSync(project, { recursive: true, force: true });
    }
}

async function main(): Promise<void> {
    const runs = numberOption("runs", 3, { smoke: 1 });
    const sequentialRuns = numberOption("sequential-runs", 1, { smoke: 1, allowZero: true });
    const parallel = numberOption("parallel", 8);
    const critical = criticalPathMs(specFor("bench", "/tmp", "x"));
    const units = graphUnits();
    const latencies = units.map((u) => u.latencyMs);
    console.log(
        `driver-graph benchmark — ${describeRuns(runs)}, latency scale ${LATENCY_SCALE}, ` +
            `policy pack ${POLICY ? "on (pipeline pack, as every real up)" : "off (--no-policy)"}`,
    );
    console.log(describeMachine());
    const layers = ["root", ...Array.from({ length: DEPTH }, () => String(WIDTH)), "sink"].join(" → ");
    console.log(
        `graph: ${units.length} stacks (${layers}), ${RECORDS_PER_STACK} ` +
            `FileRecords each, latency ` +
            `${Math.min(...latencies)}–${Math.max(...latencies)} ms per resource`,
    );
    console.log(
        `critical path (sum of latencies on the longest chain): ` +
            `${(critical / 1000).toFixed(1)} s; sum of all latencies: ` +
            `${(latencies.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s`,
    );

    const driver: (DriverRun & { redeploy?: DriverRun })[] = [];
    const driverOneByOne: DriverRun[] = [];
    const bare: { wallMs: number; perStackMs: Record<string, number> }[] = [];
    for (let r = 1; r <= runs; r++) {
        driver.push(await runDriver(parallel, `run-${r}`, true));
        console.log(
            `  run ${r}: edf up --parallel ${parallel}: ${(driver.at(-1)!.wallMs / 1000).toFixed(1)} s; ` +
                `again, nothing changed: ${(driver.at(-1)!.redeploy!.wallMs / 1000).toFixed(1)} s`,
        );
    }
    for (let r = 1; r <= sequentialRuns; r++) {
        driverOneByOne.push(await runDriver(1, `seq-${r}`));
        console.log(`  run ${r}: edf up --parallel 1: ${(driverOneByOne.at(-1)!.wallMs / 1000).toFixed(1)} s`);
        bare.push(await runBareCli(`seq-${r}`));
        console.log(`  run ${r}: sequential bare \`pulumi up\` loop: ${(bare.at(-1)!.wallMs / 1000).toFixed(1)} s`);
    }
    const driverWall = median(driver.map((d) => d.wallMs));
    const cpu = median(driver.map((d) => d.cpuSeconds));
    const cores = os.cpus().length;
    // The bound of a run is the larger of the critical path and its CPU floor (its CPU spread over
    // every core): the ratio is taken per run, then its median.
    const boundMs = (d: DriverRun) => Math.max(critical, (d.cpuSeconds / cores) * 1000);
    console.log("");
    console.log(`median edf up --parallel ${parallel} wall time: ${(driverWall / 1000).toFixed(1)} s`);
    console.log(`  critical path: ${(critical / 1000).toFixed(1)} s; wall ÷ critical path: ${(driverWall / critical).toFixed(2)}`);
    console.log(`  CPU floor (run's CPU ÷ ${cores} cores): ${median(driver.map((d) => d.cpuSeconds / cores)).toFixed(1)} s`);
    console.log(
        `  wall ÷ max(critical path, CPU floor): ${median(driver.map((d) => d.wallMs / boundMs(d))).toFixed(2)}${target("≤ 1.10")}`,
    );
    // A tighter yardstick than the bound: a good schedule of this graph on these cores, each stack's
    // own work (its redeploy's CPU) after its upstreams, the rest of a first deploy's CPU done ahead.
    const modelMs = (d: DriverRun & { redeploy?: DriverRun }) =>
        modelledWallMs({
            stacks: units,
            cores,
            cpuSeconds: d.redeploy!.cpuSeconds / units.length,
            aheadCpuSeconds: Math.max(0, (d.cpuSeconds - d.redeploy!.cpuSeconds) / units.length),
        });
    console.log(
        `  a good schedule on ${cores} cores (bench/support/schedule-model.ts: each stack's redeploy CPU around its latency, ` +
            `the rest of its CPU ahead): ${(median(driver.map(modelMs)) / 1000).toFixed(1)} s; ` +
            `wall ÷ that: ${median(driver.map((d) => d.wallMs / modelMs(d))).toFixed(2)}`,
    );
    console.log(`CPU of the run (driver + CLIs + plugins, /usr/bin/time): ${cpu.toFixed(1)} s`);
    console.log(`  per stack: ${(cpu / units.length).toFixed(2)} CPU-s${target("≤ 1.2")}, by process (sampled from /proc):`);
    const perStack = (value: (d: DriverRun) => number) => median(driver.map(value)) / units.length;
    for (const kind of PROCESS_KINDS) {
        console.log(
            `    ${(kind === "driver" ? "driver (+ programs)" : kind).padEnd(20)} ${perStack((d) => d.cpuByKind[kind]).toFixed(2)} CPU-s`,
        );
    }
    const unseen = perStack((d) => d.cpuSeconds - PROCESS_KINDS.reduce((sum, k) => sum + d.cpuByKind[k], 0));
    console.log(`    ${"not sampled".padEnd(20)} ${unseen.toFixed(2)} CPU-s (spent after a process's last sample)`);
    const again = driver.map((d) => d.redeploy!);
    const againPerStack = (value: (d: DriverRun) => number) => median(again.map(value)) / units.length;
    console.log(
        `edf up again, nothing changed (the steady state): median wall ${(median(again.map((d) => d.wallMs)) / 1000).toFixed(1)} s, ` +
            `${againPerStack((d) => d.cpuSeconds).toFixed(2)} CPU-s per stack, by process:`,
    );
    for (const kind of PROCESS_KINDS) {
        console.log(
            `    ${(kind === "driver" ? "driver (+ programs)" : kind).padEnd(20)} ${againPerStack((d) => d.cpuByKind[kind]).toFixed(2)} CPU-s`,
        );
    }
    if (sequentialRuns > 0) {
        const bareWall = median(bare.map((b) => b.wallMs));
        const names = units.map((u) => u.name);
        const driverStack = Object.fromEntries(names.map((u) => [u, median(driverOneByOne.map((d) => d.perStackMs[u]!))]));
        const bareStack = Object.fromEntries(names.map((u) => [u, median(bare.map((b) => b.perStackMs[u]!))]));
        const overheadMs = median(names.map((u) => driverStack[u]! - bareStack[u]!));
        const overheadPct = median(names.map((u) => (driverStack[u]! - bareStack[u]!) / bareStack[u]!)) * 100;
        const speedup = bareWall / driverWall;
        const bound = bareWall / critical;
        console.log(`median sequential bare pulumi up loop:      ${(bareWall / 1000).toFixed(1)} s`);
        console.log(
            `speed-up over the loop: ${speedup.toFixed(2)}× of a bound (loop / ` +
                `critical path) ${bound.toFixed(2)}× = ${(speedup / bound).toFixed(2)} ` +
                `of the bound${target("≥ 0.9")}`,
        );
        console.log(`median edf up --parallel 1 wall time:        ${(median(driverOneByOne.map((d) => d.wallMs)) / 1000).toFixed(1)} s`);
        console.log(
            `median per stack, one at a time: bare \`pulumi up\` ` +
                `${(median(Object.values(bareStack)) / 1000).toFixed(2)} s; driver ` +
                `${(median(Object.values(driverStack)) / 1000).toFixed(2)} s`,
        );
        console.log(
            `driver per-stack overhead over the bare CLI: ` +
                `${(overheadMs / 1000).toFixed(2)} s (${overheadPct.toFixed(0)} %)${target("≤ 10 % or ≤ 1 s")}`,
        );
    }
    console.log(
        `load average at the end: ${os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(" ")}`,
    );
}

runBenchmark(main);
