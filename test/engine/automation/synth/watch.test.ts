import { strict as assert } from "assert";
import { ChildProcessWithoutNullStreams, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { SynthReport } from "../../../../automation/run/report/model";
import { PROJECT_ROOT } from "../../../support/toolchain";
import { scratchEstate } from "./scratch-estate";

// `edf synth --watch`: one process stays up and synthesizes again on every change, with modules
// loaded and the synth cache warm. What it writes after each change must be what a cold
// `edf synth --no-cache` of the same files writes (apart from the cached marks): a stale module
// (a shared SDK file the programs import) or a stale policy list would show here.

const DAY = "2026-11-27";
const BIN = path.join(PROJECT_ROOT, "automation", "cli", "bin.js");
const ENV = { ...process.env, EDF_TS_CACHE: path.join(PROJECT_ROOT, ".edf", "cache", "ts") };

function rewrite(root: string, file: string, pattern: RegExp, replacement: string): void {
    const full = path.join(root, file);
    const text = fs.readFileSync(full, "utf8");
    assert.match(text, pattern, `${file} has no ${pattern}`);
    fs.writeFileSync(full, text.replace(pattern, replacement));
}

/** A report without what differs between a warm and a cold run: the cached marks. */
function withoutMarks(report: SynthReport): unknown {
    const { cache: _cache, ...rest } = report;
    return { ...rest, stacks: report.stacks.map(({ cached: _cached, ...stack }) => stack) };
}

function coldReport(root: string): SynthReport {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-watch-cold-"));
    try {
        const result = spawnSync(
            process.execPath,
            [BIN, "--project", root, "--home", home, "--json", "synth", "--env", "prod", "--date", DAY, "--no-cache"],
            { cwd: root, env: ENV, encoding: "utf8", timeout: 300_000 },
        );
        const files = (JSON.parse(result.stdout) as { files?: { json: string } }).files;
        assert.ok(files, `the cold synth wrote no reports:\n${result.stderr.slice(-3000)}`);
        return JSON.parse(fs.readFileSync(files.json, "utf8")) as SynthReport;
    } finally {
        fs.rmSync(home, { recursive: true, force: true });
    }
}

/** The watching process, and the run folders it has announced (`reports: <dir>/`) so far. */
class Watch {
    readonly child: ChildProcessWithoutNullStreams;
    readonly folders: string[] = [];
    stderr = "";
    private stdout = "";
    private exited: Promise<number>;

    constructor(root: string, home: string) {
        this.child = spawn(process.execPath, [BIN, "--project", root, "--home", home, "synth", "--env", "prod", "--date", DAY, "--watch"], {
            cwd: root,
            env: ENV,
        });
        this.child.stdout.on("data", (d: Buffer) => {
            this.stdout += d.toString();
            for (const [, dir] of this.stdout.matchAll(/^reports: (.+)\/$/gm)) if (!this.folders.includes(dir!)) this.folders.push(dir!);
        });
        this.child.stderr.on("data", (d: Buffer) => (this.stderr += d.toString()));
        this.exited = new Promise((resolve) => this.child.on("close", (code) => resolve(code ?? -1)));
    }

    /** The report of the `n`th round (1-based), once its reports are written. */
    async round(n: number): Promise<SynthReport> {
        const deadline = Date.now() + 300_000;
        while (this.folders.length < n) {
            assert.ok(Date.now() < deadline, `round ${n} never wrote its reports:\n${this.stderr.slice(-3000)}`);
            assert.equal(this.child.exitCode, null, `the watch exited (${this.child.exitCode}):\n${this.stderr.slice(-3000)}`);
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return JSON.parse(fs.readFileSync(path.join(this.folders[n - 1]!, "report.json"), "utf8")) as SynthReport;
    }

    /** Waits until the watch is idle again (it says so on stderr after each round). */
    async idle(rounds: number): Promise<void> {
        while ((this.stderr.match(/^watching .* for changes/gm) ?? []).length < rounds) await new Promise((r) => setTimeout(r, 100));
    }

    stop(signal: NodeJS.Signals = "SIGINT"): Promise<number> {
        this.child.kill(signal);
        return this.exited;
    }
}

describe("edf synth --watch", function () {
    this.timeout(1_800_000);
    let root: string;
    let home: string;
    let watch: Watch | undefined;

    beforeEach(() => {
        root = scratchEstate("edf-watch-");
        home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-watch-home-"));
    });
    afterEach(async () => {
        if (watch && watch.child.exitCode === null) await watch.stop("SIGKILL");
        watch = undefined;
        fs.rmSync(root, { recursive: true, force: true });
        fs.rmSync(home, { recursive: true, force: true });
    });

    it("rewrites the reports after each change exactly as a cold synth of the same files, and stops on Ctrl-C with exit 130", async () => {
        watch = new Watch(root, home);
        const first = await watch.round(1);
        assert.deepEqual(withoutMarks(first), withoutMarks(coldReport(root)), "the first round is an ordinary synth");
        await watch.idle(1);

        // A shared SDK file every service program imports: the programs must run with its new text.
        rewrite(root, "services/sdk/queue.ts", /kmsDataKeyReusePeriodSeconds: \d+/, "kmsDataKeyReusePeriodSeconds: 600");
        const second = await watch.round(2);
        assert.notDeepEqual(withoutMarks(second), withoutMarks(first), "the shared file's change shows in the reports");
        assert.deepEqual(withoutMarks(second), withoutMarks(coldReport(root)), "after a shared SDK file changed");
        assert.ok((second.cache?.evaluated ?? 0) > 0 && (second.cache?.reused ?? 0) > 0, JSON.stringify(second.cache));
        await watch.idle(2);

        // One service's program, then the spec's config: each round evaluates what changed, reuses the rest.
        rewrite(root, "services/payments-api/program.ts", /containerPort: \d+/, "containerPort: 9090");
        const third = await watch.round(3);
        assert.deepEqual(withoutMarks(third), withoutMarks(coldReport(root)), "after a service program changed");
        assert.equal(third.cache?.evaluated, 1);
        await watch.idle(3);
        rewrite(root, "environments/prod.yaml", /owner: team-(payments|billing)/, "owner: team-billing");
        const fourth = await watch.round(4);
        assert.deepEqual(withoutMarks(fourth), withoutMarks(coldReport(root)), "after the spec's config changed");
        await watch.idle(4);

        // A waiver file, its waivers a line lower: every stack is inspected again from its kept evaluation,
        // and the waivers' lines in the reports are the new ones (no document or result kept from before).
        rewrite(
            root,
            "environments/waivers/prod.yaml",
            /^waivers:\n([^]*)reason: Elastic/m,
            "# Reviewed again.\nwaivers:\n$1reason: AWS Elastic",
        );
        const fifth = await watch.round(5);
        assert.deepEqual(withoutMarks(fifth), withoutMarks(coldReport(root)), "after a waiver file changed");
        assert.equal(fifth.cache?.evaluated, 0, JSON.stringify(fifth.cache));
        assert.equal(fifth.cache?.inspectionsReused, 0, JSON.stringify(fifth.cache));
        assert.match(JSON.stringify(fifth), /AWS Elastic Load Balancing/);
        await watch.idle(5);

        assert.equal(await watch.stop(), 130);
    });

    it("refuses --watch with --no-cache, naming the fix", () => {
        const result = spawnSync(
            process.execPath,
            [BIN, "--project", root, "--home", home, "synth", "--env", "prod", "--watch", "--no-cache"],
            {
                cwd: root,
                env: ENV,
                encoding: "utf8",
            },
        );
        assert.equal(result.status, 3);
        assert.match(result.stderr, /`--watch` takes neither `--affected` nor `--no-cache`/);
    });
});
