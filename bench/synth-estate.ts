/**
 * Benchmark: `edf synth` (evaluation + pipeline inspection) of the example estate and of a
 * generated estate of 100 services on the same landing zone, side by side with the peer —
 * AWS CDK + cdk-nag on the equivalent estate (bench/peer/cdk-estate, or
 * $EDF_CDK_ANCHOR) — run in the same loop so both see the same machine load.
 *
 *     npx ts-node -T bench/synth-estate.ts [--runs 3] [--skip-peer]
 *     npx ts-node -T bench/synth-estate.ts --smoke     # example estate, 1 run, with the peer (npm test)
 *
 * Prints the medians of whole-process runs: wall time, CPU time, peak RSS (GNU time's
 * maximum resident set size of the process and its threads), resources, resources per
 * second, and the ratios edf / CDK. The peer's packages are pinned by bench/peer/package-lock.json
 * and installed with `npm ci` into bench/.peer/<lock hash>/ (git-ignored) on first use.
 * Needs GNU time (`/usr/bin/time`, Debian package `time`).
 *
 * The smoke keeps the peer: the figure that matters is the ratio, so a peer that no longer
 * installs or runs is as broken as an `edf synth` that fails. It drops the 100-service estate
 * and the warm-up (the smallest size, one run of each tool).
 */
import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import { describeMachine, describeRuns, expect, median, numberOption, runBenchmark, SMOKE, target } from "./support/figures";

const ROOT = path.resolve(__dirname, "..");
/** The peer's package.json and lock file (aws-cdk-lib, constructs, cdk-nag), committed. */
const PEER_MANIFEST = path.join(ROOT, "bench", "peer");
/** Where the peer is installed, one folder per lock file (git-ignored). */
const PEER_INSTALLS = path.join(ROOT, "bench", ".peer");
const GENERATED = path.join(ROOT, "bench", ".generated");
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
 * The 100-service estate: the example prod landing zone, and services alternating between the
 * two example programs. It is written under bench/.generated/, so the spec's waiver files
 * (`policy.waivers`, relative to the spec file) are rewritten relative to that folder.
 */
function generateEstate(services: number): string {
    const source = path.join(ROOT, "environments", "prod.yaml");
    const spec = parseYaml(fs.readFileSync(source, "utf8")) as {
        policy?: { waivers?: string | string[] };
        units: Record<string, Record<string, unknown>>;
    };
    const templates = [spec.units["payments-api"]!, spec.units["ledger-worker"]!];
    const units: Record<string, unknown> = {};
    for (const [name, unit] of Object.entries(spec.units)) {
        if (!String(unit.path).startsWith("services/")) units[name] = unit;
    }
    for (let i = 1; i <= services; i++) {
        units[`svc-${String(i).padStart(3, "0")}`] = structuredClone(templates[i % 2]);
    }
    const listed = spec.policy?.waivers;
    const waivers = (typeof listed === "string" ? [listed] : (listed ?? [])).map((file) =>
        path.relative(GENERATED, path.resolve(path.dirname(source), file)),
    );
    const policy = spec.policy && { ...spec.policy, ...(waivers.length ? { waivers } : {}) };
    fs.mkdirSync(GENERATED, { recursive: true });
    const file = path.join(GENERATED, `prod-${services}-services.yaml`);
    // Written aside and renamed: a second benchmark running at the same time reads a whole spec.
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(
        temporary,
        `# Generated by bench/synth-estate.ts: the prod landing zone and ` +
            `${services} services.\n${toYaml({ ...spec, ...(policy ? { policy } : {}), units })}`,
    );
    fs.renameSync(temporary, file);
    return file;
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

function edfRun(spec: string): Sample {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-bench-home-"));
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
        ],
        // The transpile cache is the project's, warm after the first run, as on a developer's machine.
        { cwd: ROOT, env: { EDF_TS_CACHE: path.join(ROOT, ".edf", "cache", "ts") } },
    );
    try {
        // The example estates pass their policies: any other exit is a broken benchmark, not a slow one.
        expect(sample.code === 0, `edf synth --env ${spec} exited ${sample.code}:\n${stderr.slice(-4000)}\n${stdout.slice(-4000)}`);
        const runs = path.join(home, "runs");
        const dir = fs.existsSync(runs) ? fs.readdirSync(runs)[0] : undefined;
        expect(dir !== undefined, `edf synth --env ${spec} wrote no run folder:\n${stderr}\n${stdout}`);
        const report = JSON.parse(fs.readFileSync(path.join(runs, dir, "report.json"), "utf8")) as { summary?: { resources?: unknown } };
        const resources = report.summary?.resources;
        expect(
            typeof resources === "number" && resources > 0,
            `edf synth --env ${spec}: report.json counts ${String(resources)} resources`,
        );
        return { ...sample, resources };
    } finally {
        fs.rmSync(home, { recursive: true, force: true });
    }
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
    // Targets from /work/shared/TARGETS.md: edf synth's wall time as a fraction of the CDK pair's.
    const cases = [
        { name: "example estate (prod: 3 AZs, 2 services)", targetRatio: 0.25, edf: () => edfRun("prod"), peer: () => peerRun(peer, 2) },
    ];
    if (!SMOKE) {
        const estate100 = generateEstate(100);
        cases.push({
            name: "100 services on the same landing zone",
            targetRatio: 0.4,
            edf: () => edfRun(estate100),
            peer: () => peerRun(peer, 100),
        });
    }
    console.log(describeMachine());
    console.log(`whole processes, edf and CDK interleaved; ${describeRuns(runs)}\n`);
    // One warm-up so the transpile cache and the OS file cache are in the state a second run
    // finds them; the smoke asks only whether the benchmark works, so it skips it.
    if (!SMOKE) edfRun("prod");
    const results = cases.map((c) => {
        const edf: Sample[] = [];
        const peer: Sample[] = [];
        for (let i = 0; i < runs; i++) {
            edf.push(c.edf());
            if (!skipPeer) peer.push(c.peer());
            process.stdout.write(".");
        }
        return { name: c.name, targetRatio: c.targetRatio, edf: summarise(edf), peer: skipPeer ? undefined : summarise(peer) };
    });
    console.log("\n");
    const row = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(56) : c.padStart(10))).join(" ");
    console.log(row(["estate / tool", "wall s", "cpu s", "peak MiB", "resources", "res/s"]));
    for (const r of results) {
        console.log(
            row([
                `${r.name}: edf synth`,
                r.edf.wallS.toFixed(2),
                r.edf.cpuS.toFixed(2),
                r.edf.peakMiB.toFixed(0),
                String(r.edf.resources),
                r.edf.perS.toFixed(0),
            ]),
        );
        if (r.peer) {
            console.log(
                row([
                    `${r.name}: CDK + cdk-nag`,
                    r.peer.wallS.toFixed(2),
                    r.peer.cpuS.toFixed(2),
                    r.peer.peakMiB.toFixed(0),
                    String(r.peer.resources),
                    r.peer.perS.toFixed(0),
                ]),
            );
            console.log(
                row([
                    `  ratio edf / CDK${target(`wall ≤ ${r.targetRatio.toFixed(2)}`)}`,
                    (r.edf.wallS / r.peer.wallS).toFixed(2),
                    (r.edf.cpuS / r.peer.cpuS).toFixed(2),
                    (r.edf.peakMiB / r.peer.peakMiB).toFixed(2),
                    "",
                    "",
                ]),
            );
        }
    }
    const big = results[1]?.edf;
    if (big) console.log(`\npeak memory, 100 services: ${big.peakMiB.toFixed(0)} MiB${target("≤ 1024 MiB")}`);
}

runBenchmark(main);
