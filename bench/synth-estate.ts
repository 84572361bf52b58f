/**
 * Benchmark: `edf synth` (evaluation + pipeline inspection) of the example estate and of a
 * generated estate of 100 services on the same landing zone, side by side with the peer —
 * AWS CDK + cdk-nag on the equivalent estate (bench/peer/cdk-estate, or
 * $EDF_CDK_ANCHOR) — run in the same loop so both see the same machine load.
 *
 *     npx ts-node -T bench/synth-estate.ts [--runs 3] [--skip-peer]
 *     npx ts-node -T bench/synth-estate.ts --smoke     # example estate, 1 run, with the peer (npm test)
 *
 * Per estate it measures `edf synth` cold (an empty synth cache, a fresh home), warm with one
 * service program changed (the cache filled by an earlier run, then one service's program
 * edited before each run: that stack is evaluated, every other comes from the cache) and the
 * peer, cold (it has no cache). `edf synth` picks its number of threads from the machine's load
 * (one per core other work leaves free beyond two; on two, one thread evaluates and a light one
 * inspects and caches); the benchmark says in how many cold runs the load lowered it, and on the
 * 100-service estate also runs it cold with `--parallel 2` (a worker thread that evaluates, whatever
 * the load: what it costs in CPU and buys in wall time against the default). On the 100-service
 * estate it also times `edf affected` (whole process) in a git repository of the estate with one
 * service changed in the last commit: with an empty import memo (a fresh clone) and a warm one.
 *
 * Prints the medians of whole-process runs: wall time, CPU time, peak RSS (GNU time's
 * maximum resident set size of the process and its threads), resources, resources per
 * second, and the ratios edf / CDK. The peer's packages are pinned by bench/peer/package-lock.json
 * and installed with `npm ci` into bench/.peer/<lock hash>/ (git-ignored) on first use.
 * Needs GNU time (`/usr/bin/time`, Debian package `time`). Each service of a generated estate
 * has a program folder of its own (bench/support/estate.ts), so one changed program is one
 * changed unit.
 *
 * With `edf synth --watch` running (one process, its first round filling the cache), it also
 * measures the time from editing one service's program to that round's reports being written:
 * wall time and the CPU time the watching process used meanwhile; its peak is the process's peak
 * so far. Printed on rows of their own: a round of a resident process, not a whole process.
 *
 * The smoke keeps the peer: the figure that matters is the ratio, so a peer that no longer
 * installs or runs is as broken as an `edf synth` that fails. It drops the 100-service estate
 * and the warm-up (the smallest size, one run of each tool).
 */
import { spawn, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Estate, generateEstate, gitEstate, ROOT, serviceProgram } from "./support/estate";
import { describeMachine, describeRuns, expect, median, numberOption, runBenchmark, SMOKE, target } from "./support/figures";

/** The peer's package.json and lock file (aws-cdk-lib, constructs, cdk-nag), committed. */
const PEER_MANIFEST = path.join(ROOT, "bench", "peer");
/** Where the peer is installed, one folder per lock file (git-ignored). */
const PEER_INSTALLS = path.join(ROOT, "bench", ".peer");
// The peer app is part of the repository (bench/peer/cdk-estate, copied from the project's anchors), so a clean
// clone benchmarks against it; EDF_CDK_ANCHOR points at another copy.
const ANCHOR = process.env.EDF_CDK_ANCHOR ?? path.join(ROOT, "bench", "peer", "cdk-estate", "app.js");
const GNU_TIME = "/usr/bin/time";

interface Sample {
    readonly wallS: number;
    readonly cpuS: number;
    readonly peakMiB: number;
    readonly resources: number;
    readonly code: number;
    /** The load lowered synth's default number of threads (it said so). */
    readonly busy?: boolean;
}

/** Runs a command under GNU time; returns its figures and output. */
function timed(
    command: string,
    args: readonly string[],
    options: { cwd: string; env?: NodeJS.ProcessEnv },
): { sample: Omit<Sample, "resources">; stdout: string; stderr: string } {
    const timing = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "edf-bench-time-")), "time.txt");
    const result = spawnSync(GNU_TIME, ["-o", timing, "-f", "%e %U %S %M", command, ...args], {
        cwd: options.cwd,
        env: { ...process.env, ...(options.env ?? {}) },
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
    });
    const line = fs.existsSync(timing) ? (fs.readFileSync(timing, "utf8").trim().split("\n").pop() ?? "") : "";
    fs.rmSync(path.dirname(timing), { recursive: true, force: true });
    const [wall, user, sys, rssKb] = line.split(" ");
    expect(rssKb !== undefined, `no timing from ${GNU_TIME} for ${command} ${args.join(" ")}:\n${(result.stderr ?? "").slice(-2000)}`);
    return {
        sample: { wallS: Number(wall), cpuS: Number(user) + Number(sys), peakMiB: Number(rssKb) / 1024, code: result.status ?? -1 },
        stdout: result.stdout ?? "",
        stderr: result.stderr ?? "",
    };
}

/**
 * Installs the peer from its lock file (`npm ci`) into a private folder and renames it into
 * place, so a killed or concurrent install never leaves a half-installed peer that a later run
 * would trust. Returns the folder.
 */
function ensurePeer(): string {
    const lock = fs.readFileSync(path.join(PEER_MANIFEST, "package-lock.json"));
    const installed = path.join(PEER_INSTALLS, crypto.createHash("sha256").update(lock).digest("hex").slice(0, 16));
    if (fs.existsSync(installed)) return installed;
    fs.mkdirSync(PEER_INSTALLS, { recursive: true });
    const building = fs.mkdtempSync(path.join(PEER_INSTALLS, ".installing-"));
    try {
        for (const file of ["package.json", "package-lock.json"])
            fs.copyFileSync(path.join(PEER_MANIFEST, file), path.join(building, file));
        console.log(`installing the peer (bench/peer/package-lock.json) into ${path.relative(ROOT, installed)}/ …`);
        const install = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: building, stdio: "inherit" });
        expect(install.status === 0, `\`npm ci\` of the peer failed (exit ${install.status}): run it in bench/peer/ to see why`);
        try {
            fs.renameSync(building, installed);
        } catch (error) {
            // Another run finished the same install first: theirs is as good as ours.
            if (!fs.existsSync(installed)) throw error;
        }
    } finally {
        fs.rmSync(building, { recursive: true, force: true });
    }
    return installed;
}

interface EdfRunOptions {
    /** A home kept between runs (its synth cache warm); else a fresh one, removed after. */
    readonly home?: string;
    /** The generated estate's unit root. */
    readonly unitRoot?: string;
    /** How many stacks must come from the cache (a warm run that reused less is a broken benchmark). */
    readonly reused?: number;
    /** `--parallel`; else synth's default (one thread per core the load leaves free). */
    readonly parallel?: number;
}

function edfRun(spec: string, options: EdfRunOptions = {}): Sample {
    const home = options.home ?? fs.mkdtempSync(path.join(os.tmpdir(), "edf-bench-home-"));
    const { sample, stdout, stderr } = timed(
        process.execPath,
        [
            path.join(ROOT, "automation", "cli", "bin.js"),
            "--home",
            home,
            "synth",
            "--env",
            spec,
            // No `--waivers`: the spec lists its own (`policy.waivers`), and a file given both ways is refused.
            "--inputs",
            "environments/samples/prod.yaml",
            ...(options.parallel ? ["--parallel", String(options.parallel)] : []),
        ],
        // The transpile cache is the project's, warm after the first run, as on a developer's machine.
        {
            cwd: ROOT,
            env: {
                EDF_TS_CACHE: path.join(ROOT, ".edf", "cache", "ts"),
                ...(options.unitRoot ? { EDF_UNIT_ROOTS: options.unitRoot } : {}),
            },
        },
    );
    try {
        // The example estates pass their policies: any other exit is a broken benchmark, not a slow one.
        expect(sample.code === 0, `edf synth --env ${spec} exited ${sample.code}:\n${stderr.slice(-4000)}\n${stdout.slice(-4000)}`);
        const runs = path.join(home, "runs");
        const dir = fs.existsSync(runs) ? fs.readdirSync(runs).sort().pop() : undefined;
        expect(dir !== undefined, `edf synth --env ${spec} wrote no run folder:\n${stderr}\n${stdout}`);
        const report = JSON.parse(fs.readFileSync(path.join(runs, dir, "report.json"), "utf8")) as {
            summary?: { resources?: unknown };
            cache?: { reused?: number };
        };
        const resources = report.summary?.resources;
        expect(
            typeof resources === "number" && resources > 0,
            `edf synth --env ${spec}: report.json counts ${String(resources)} resources`,
        );
        if (options.reused !== undefined) {
            expect(
                report.cache?.reused === options.reused,
                `edf synth --env ${spec}: the warm run reused ${String(report.cache?.reused)} stacks, expected ${options.reused}`,
            );
        }
        // Synth says when the machine's load lowered its default number of threads.
        return { ...sample, resources, ...(/the machine is busy/.test(stderr) ? { busy: true } : {}) };
    } finally {
        if (!options.home) fs.rmSync(home, { recursive: true, force: true });
    }
}

/**
 * Warm runs of a generated estate: the cache is filled once, then before each run one service's
 * program is edited (another service each time), so exactly that stack is evaluated again.
 */
function warmRuns(estate: Estate): { run: () => Sample; done: () => void } {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-bench-warm-"));
    edfRun(estate.spec, { home, unitRoot: estate.unitRoot });
    const stacks = estate.services + 3;
    let edit = 0;
    return {
        run: () => {
            edit++;
            const service = ((edit - 1) % estate.services) + 1;
            fs.writeFileSync(estate.program(service), serviceProgram(service, edit));
            return edfRun(estate.spec, { home, unitRoot: estate.unitRoot, reused: stacks - 1 });
        },
        done: () => {
            for (let i = 1; i <= estate.services; i++) fs.writeFileSync(estate.program(i), serviceProgram(i));
            fs.rmSync(home, { recursive: true, force: true });
        },
    };
}

/** Sleeps this thread (the benchmark is synchronous; the watching process writes its output to a file). */
function sleepMs(ms: number): void {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function processCpuS(pid: number): number {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").pop()!.split(" ");
    // Fields 14 and 15 of stat (utime, stime), counted from the state field (3), in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/**
 * `edf synth --watch` of a generated estate: one process started (its first round fills the
 * cache), then before each run one service's program is edited and the time from the edit to the
 * round's reports being written is measured — wall time, and the CPU time the watching process
 * used meanwhile (from /proc). What a developer waits for with the watch running; not a whole
 * process, so it is printed apart from the other rows.
 */
function watchRuns(estate: Estate): { run: () => Sample; done: () => void } {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-bench-watch-"));
    const output = path.join(home, "watch.out");
    const errors = path.join(home, "watch.err");
    const child = spawn(
        process.execPath,
        [
            path.join(ROOT, "automation", "cli", "bin.js"),
            "--home",
            home,
            "synth",
            "--env",
            estate.spec,
            "--inputs",
            "environments/samples/prod.yaml",
            "--watch",
        ],
        {
            cwd: ROOT,
            env: { ...process.env, EDF_TS_CACHE: path.join(ROOT, ".edf", "cache", "ts"), EDF_UNIT_ROOTS: estate.unitRoot },
            stdio: ["ignore", fs.openSync(output, "w"), fs.openSync(errors, "w")],
        },
    );
    const folders = (): string[] => [...fs.readFileSync(output, "utf8").matchAll(/^reports: (.+)\/$/gm)].map((m) => m[1]!);
    const idle = (): number => (fs.readFileSync(errors, "utf8").match(/^watching .* for changes/gm) ?? []).length;
    const waitFor = (what: string, done: () => boolean): void => {
        const deadline = Date.now() + 600_000;
        while (!done()) {
            expect(
                child.exitCode === null,
                `edf synth --watch exited (${child.exitCode}) before ${what}:\n${fs.readFileSync(errors, "utf8").slice(-3000)}`,
            );
            expect(Date.now() < deadline, `edf synth --watch: no ${what} in 10 minutes`);
            sleepMs(20);
        }
    };
    waitFor("its first round", () => idle() >= 1);
    const stacks = estate.services + 3;
    let edit = 0;
    return {
        run: () => {
            edit++;
            const service = ((edit - 1) % estate.services) + 1;
            const before = folders().length;
            const rounds = idle();
            const cpu = processCpuS(child.pid!);
            const started = process.hrtime.bigint();
            fs.writeFileSync(estate.program(service), serviceProgram(service, edit));
            waitFor("reports after a change", () => folders().length > before);
            const wallS = Number(process.hrtime.bigint() - started) / 1e9;
            const cpuS = processCpuS(child.pid!) - cpu;
            const report = JSON.parse(fs.readFileSync(path.join(folders()[before]!, "report.json"), "utf8")) as {
                summary?: { resources?: number };
                cache?: { reused?: number };
            };
            expect(
                report.cache?.reused === stacks - 1,
                `edf synth --watch reused ${String(report.cache?.reused)} stacks, expected ${stacks - 1}`,
            );
            // Settled before the next edit: a round still running would be measured with the next one.
            waitFor("the watch idle again", () => idle() > rounds);
            const rss = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
            return { wallS, cpuS, peakMiB: rss, resources: report.summary?.resources ?? 0, code: 0 };
        },
        done: () => {
            child.kill("SIGINT");
            for (let i = 0; i < 200 && child.exitCode === null; i++) sleepMs(50);
            if (child.exitCode === null) child.kill("SIGKILL");
            for (let i = 1; i <= estate.services; i++) fs.writeFileSync(estate.program(i), serviceProgram(i));
            fs.rmSync(home, { recursive: true, force: true });
        },
    };
}

/**
 * `edf affected` (whole process) in a git repository of the estate whose last commit changed one
 * service's program: with an empty import memo (a fresh clone's first run) and a warm one.
 */
function affectedRuns(services: number, runs: number): { cold: Sample[]; warm: Sample[] } {
    const repo = gitEstate(services);
    const changed = Math.ceil(services / 2);
    fs.writeFileSync(repo.estate.program(changed), serviceProgram(changed, 1));
    repo.commit("one service program changed");
    const run = (home: string, memo: string): Sample => {
        const { sample, stdout, stderr } = timed(
            process.execPath,
            [
                path.join(ROOT, "automation", "cli", "bin.js"),
                "--project",
                repo.root,
                "--home",
                home,
                "affected",
                "--env",
                repo.estate.spec,
                "--base",
                "HEAD~1",
            ],
            {
                cwd: repo.root,
                env: {
                    EDF_TS_CACHE: path.join(ROOT, ".edf", "cache", "ts"),
                    EDF_UNIT_ROOTS: repo.estate.unitRoot,
                    EDF_FINGERPRINT_MEMO: memo,
                },
            },
        );
        expect(sample.code === 0, `edf affected exited ${sample.code}:\n${stderr.slice(-3000)}`);
        expect(
            stdout.trim() === `svc-${String(changed).padStart(3, "0")}`,
            `edf affected found \`${stdout.trim()}\`, expected one service`,
        );
        return { ...sample, resources: services + 3 };
    };
    const cold: Sample[] = [];
    const warm: Sample[] = [];
    try {
        for (let i = 0; i < runs; i++) {
            const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-bench-affected-home-"));
            // An import memo of its own, empty for the first run: a fresh clone's.
            const memo = path.join(home, "sources.json");
            cold.push(run(home, memo));
            warm.push(run(home, memo));
            fs.rmSync(home, { recursive: true, force: true });
        }
    } finally {
        fs.rmSync(repo.root, { recursive: true, force: true });
    }
    return { cold, warm };
}

function peerRun(peer: string, services: number): Sample {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "edf-bench-cdk-"));
    // A copy per run beside the peer's node_modules (where its requires resolve), named for this
    // process so a second benchmark running at the same time never reads a half-copied app.
    const app = path.join(peer, `app-${process.pid}.js`);
    fs.copyFileSync(ANCHOR, app);
    try {
        const { sample, stdout, stderr } = timed(process.execPath, [app], { cwd: peer, env: { N_SERVICES: String(services), OUT: out } });
        expect(sample.code === 0, `the CDK peer (${services} services) exited ${sample.code}:\n${stderr.slice(-4000)}`);
        // cdk-nag's errors make `app.synth()` throw before the app prints its counts (it says so and
        // exits 0); the anchor's README gives them then (115 resources for 2 services, 2,369 for 100).
        const printed = /resources=(\d+)/.exec(stdout)?.[1];
        expect(
            printed !== undefined || /synth threw/.test(stdout),
            `the CDK peer printed neither its counts nor its validation failure:\n${stdout.slice(-2000)}`,
        );
        const resources = printed ? Number(printed) : services === 2 ? 115 : services === 100 ? 2369 : NaN;
        expect(resources > 0, `the CDK peer (${services} services) counts ${resources} resources`);
        return { ...sample, resources };
    } finally {
        fs.rmSync(app, { force: true });
        fs.rmSync(out, { recursive: true, force: true });
    }
}

function summarise(samples: readonly Sample[]): {
    wallS: number;
    cpuS: number;
    peakMiB: number;
    resources: number;
    perS: number;
} {
    const wallS = median(samples.map((s) => s.wallS));
    const resources = median(samples.map((s) => s.resources));
    return {
        wallS,
        cpuS: median(samples.map((s) => s.cpuS)),
        peakMiB: median(samples.map((s) => s.peakMiB)),
        resources,
        perS: resources / wallS,
    };
}

interface Case {
    readonly name: string;
    /** Targets from /work/shared/TARGETS.md, as fractions of the peer's cold wall time. */
    readonly coldTarget: number;
    readonly warmTarget: number;
    readonly estate: Estate;
    readonly services: number;
}

type Summary = ReturnType<typeof summarise>;

function main(): void {
    if (!fs.existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing: install GNU time (apt-get install time).`);
    const runs = numberOption("runs", 3, { smoke: 1 });
    const skipPeer = !SMOKE && process.argv.includes("--skip-peer");
    let peer = "";
    if (!skipPeer) {
        expect(
            fs.existsSync(ANCHOR),
            `the CDK anchor app is missing at ${ANCHOR}: set EDF_CDK_ANCHOR${SMOKE ? "" : " or pass --skip-peer"}.`,
        );
        peer = ensurePeer();
    }
    const cases: Case[] = [
        { name: "example estate (prod: 3 AZs, 2 services)", coldTarget: 0.25, warmTarget: 0.05, estate: generateEstate(2), services: 2 },
    ];
    if (!SMOKE) {
        cases.push({
            name: "100 services on the same landing zone",
            coldTarget: 0.4,
            warmTarget: 0.05,
            estate: generateEstate(100),
            services: 100,
        });
    }
    console.log(describeMachine());
    console.log(`whole processes, edf and CDK interleaved; ${describeRuns(runs)}\n`);
    // One warm-up so the transpile cache and the OS file cache are in the state a second run
    // finds them; the smoke asks only whether the benchmark works, so it skips it.
    if (!SMOKE) edfRun(cases[0]!.estate.spec, { unitRoot: cases[0]!.estate.unitRoot });
    const results = cases.map((c) => {
        const cold: Sample[] = [];
        const warmSamples: Sample[] = [];
        const peerSamples: Sample[] = [];
        const watchSamples: Sample[] = [];
        // On the large estate also a cold run with a worker thread whatever the load: what the second thread costs and buys.
        const coldTwoThreads: Sample[] = [];
        const warm = warmRuns(c.estate);
        try {
            for (let i = 0; i < runs; i++) {
                cold.push(edfRun(c.estate.spec, { unitRoot: c.estate.unitRoot }));
                if (c.services > 2) coldTwoThreads.push(edfRun(c.estate.spec, { unitRoot: c.estate.unitRoot, parallel: 2 }));
                warmSamples.push(warm.run());
                if (!skipPeer) peerSamples.push(peerRun(peer, c.services));
                process.stdout.write(".");
            }
        } finally {
            warm.done();
        }
        // The watch holds its modules between rounds: measured after the whole-process runs, on its own.
        const watch = watchRuns(c.estate);
        try {
            for (let i = 0; i < runs; i++) watchSamples.push(watch.run());
        } finally {
            watch.done();
        }
        return {
            ...c,
            cold: summarise(cold),
            lowered: cold.filter((s) => s.busy).length,
            coldRuns: cold.length,
            coldTwoThreads: coldTwoThreads.length > 0 ? summarise(coldTwoThreads) : undefined,
            warm: summarise(warmSamples),
            watch: summarise(watchSamples),
            peer: skipPeer ? undefined : summarise(peerSamples),
        };
    });
    const affected = affectedRuns(SMOKE ? 2 : 100, runs);
    process.stdout.write(".");
    console.log("\n");
    const row = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(80) : c.padStart(10))).join(" ");
    const line = (name: string, s: Summary): string =>
        row([name, s.wallS.toFixed(2), s.cpuS.toFixed(2), s.peakMiB.toFixed(0), String(s.resources), s.perS.toFixed(0)]);
    const ratio = (name: string, edf: Summary, peerSummary: Summary): string =>
        row([
            name,
            // Three decimals: a ratio judged against 0.05 must not round onto its target.
            (edf.wallS / peerSummary.wallS).toFixed(3),
            (edf.cpuS / peerSummary.cpuS).toFixed(3),
            (edf.peakMiB / peerSummary.peakMiB).toFixed(3),
            "",
            "",
        ]);
    console.log(row(["estate / tool", "wall s", "cpu s", "peak MiB", "resources", "res/s"]));
    for (const r of results) {
        console.log(line(`${r.name}: edf synth, cold`, r.cold));
        if (r.lowered > 0) console.log(`  (in ${r.lowered} of ${r.coldRuns} cold runs the load lowered synth's default to fewer threads)`);
        if (r.coldTwoThreads) console.log(line(`${r.name}: edf synth, cold, --parallel 2`, r.coldTwoThreads));
        console.log(line(`${r.name}: edf synth, warm, one service changed`, r.warm));
        if (r.peer) {
            console.log(line(`${r.name}: CDK + cdk-nag, cold`, r.peer));
            console.log(ratio(`  ratio edf cold / CDK${target(`wall ≤ ${r.coldTarget.toFixed(2)}`)}`, r.cold, r.peer));
            if (r.coldTwoThreads) console.log(ratio(`  ratio edf cold --parallel 2 / CDK`, r.coldTwoThreads, r.peer));
            console.log(ratio(`  ratio edf warm / CDK cold${target(`wall ≤ ${r.warmTarget.toFixed(2)}`)}`, r.warm, r.peer));
        }
        // Not a whole process: the time from saving one program to the reports written, with `edf synth --watch` running.
        console.log(line(`${r.name}: edf synth --watch: change → reports`, r.watch));
        if (r.peer) console.log(ratio(`  ratio watch round / CDK cold${target(`wall ≤ ${r.warmTarget.toFixed(2)}`)}`, r.watch, r.peer));
    }
    const affectedCold = summarise(affected.cold);
    const affectedWarm = summarise(affected.warm);
    const services = SMOKE ? 2 : 100;
    console.log(
        `\nedf affected, ${services} services, one changed: ${affectedCold.wallS.toFixed(2)} s wall, ${affectedCold.cpuS.toFixed(2)} s CPU ` +
            `(empty import memo); ${affectedWarm.wallS.toFixed(2)} s wall, ${affectedWarm.cpuS.toFixed(2)} s CPU (warm memo)${target("≤ 1 s")}`,
    );
    const big = results[1]?.cold;
    if (big) console.log(`peak memory, 100 services, cold: ${big.peakMiB.toFixed(0)} MiB${target("≤ 1024 MiB")}`);
}

runBenchmark(main);
