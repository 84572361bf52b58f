import * as assert from "assert";
import * as fs from "fs";
import { spawn } from "child_process";
import * as path from "path";
import { PROJECT_ROOT } from "../../support/toolchain";
import { Estate, prepareEstate, runDriver, runEdf, startEdf } from "./support/estate";

/** Runs `edf <args>` on a pseudo-terminal (util-linux `script`), typing `input`: what a person at a terminal does. */
function onTerminal(args: string[], input: string): Promise<{ code: number | null; output: string }> {
    const command = [process.execPath, path.join(PROJECT_ROOT, "automation", "cli", "bin.js"), ...args]
        .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
        .join(" ");
    const child = spawn("script", ["-qec", command, "/dev/null"], { cwd: PROJECT_ROOT, env: process.env, stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    // Answer once the question is on the screen, as a person would.
    const answer = setInterval(() => {
        if (/Type the environment name|\[y\/N\]/.test(output)) {
            clearInterval(answer);
            child.stdin.end(input);
        }
    }, 100);
    return new Promise((resolve) =>
        child.on("close", (code) => {
            clearInterval(answer);
            resolve({ code, output });
        }),
    );
}

// A protected production environment torn down with one command, on the real engine: the list of
// what goes (reverse order, protected resources named), `--unprotect` and a confirmation that
// names the environment, an interrupt halfway (SIGINT), and the same command run again to finish.
describe("edf on the real engine: destroying a protected environment", function () {
    this.timeout(600_000);
    let estate: Estate;
    const records = (): string[] => (fs.existsSync(estate.recordsDir) ? fs.readdirSync(estate.recordsDir).sort() : []);
    const destroy = (...extra: string[]) => ["destroy", "--env", estate.specFile, "--home", estate.home, ...extra];

    before(async () => {
        estate = prepareEstate("protected", { DELAY: "4000" });
        const { report } = await runDriver(estate, "up", { parallel: 3 });
        assert.strictEqual(report.outcome, "succeeded", JSON.stringify(report.stacks.map((s) => [s.unit, s.status, s.reason])));
        assert.strictEqual(records().length, 6);
    });
    after(() => estate.remove());

    it("refuses without --unprotect, naming every protected resource, and destroys nothing", async () => {
        const run = await runEdf(destroy("--yes", "--confirm", "prod-lz"));
        assert.strictEqual(run.code, 3, run.stderr);
        assert.match(run.stderr, /What `edf destroy` will delete in prod-lz, in this order:\n {2}top: 5 resource\(s\), 2 protected/);
        assert.ok(
            run.stderr.indexOf("  top:") < run.stderr.indexOf("  middle:") &&
                run.stderr.indexOf("  middle:") < run.stderr.indexOf("  base:"),
        );
        assert.match(run.stderr, /record-0 \(pulumi-nodejs:dynamic\/edf-test:FileRecord\) {2}PROTECTED {2}holds data/);
        assert.match(run.stderr, /- ref-upstream \(pulumi:pulumi:StackReference\)/);
        assert.match(run.stderr, /error EDF_PROTECTED: 6 resource\(s\) of `prod-lz` are protected; nothing was destroyed\./);
        assert.match(run.stderr, /Fix: pass `--unprotect`/);
        assert.strictEqual(records().length, 6);
    });

    it("needs both --yes and --confirm <env> in production, and a terminal otherwise", async () => {
        const yesOnly = await runEdf(destroy("--unprotect", "--yes"));
        assert.strictEqual(yesOnly.code, 3);
        assert.match(yesOnly.stderr, /EDF_CONFIRMATION_REQUIRED.*\n.*production needs both: pass `--yes --confirm prod-lz`/);
        const wrongName = await runEdf(destroy("--unprotect", "--yes", "--confirm", "prod"));
        assert.strictEqual(wrongName.code, 3);
        assert.match(wrongName.stderr, /`--confirm prod` does not name this environment/);
        const noTerminal = await runEdf(destroy("--unprotect"));
        assert.strictEqual(noTerminal.code, 3);
        assert.match(noTerminal.stderr, /there is no terminal to ask on.*\n.*`--yes --confirm prod-lz`/);
        const typedWrong = await onTerminal(destroy("--unprotect"), "prod\n");
        assert.strictEqual(typedWrong.code, 0, typedWrong.output);
        assert.match(typedWrong.output, /`prod` is not `prod-lz`: nothing was destroyed\./);
        assert.strictEqual(records().length, 6);
    });

    it("stops cleanly when interrupted halfway (SIGINT), leaving the rest for a rerun", async () => {
        const child = startEdf(destroy("--unprotect", "--yes", "--confirm", "prod-lz", "--parallel", "1"));
        // Reverse order: top goes first; interrupt once it is gone, while middle is being destroyed.
        await new Promise<void>((resolve, reject) => {
            const started = Date.now();
            const poll = setInterval(() => {
                if (/\n {2}top\s+succeeded/.test(child.output().stderr) && /\n {2}middle\s+running/.test(child.output().stderr)) {
                    clearInterval(poll);
                    process.kill(child.pid, "SIGINT");
                    resolve();
                } else if (Date.now() - started > 240_000) {
                    clearInterval(poll);
                    reject(new Error(`top never finished:\n${child.output().stderr}`));
                }
            }, 100);
        });
        const done = await child.done;
        assert.strictEqual(done.code, 130, done.stderr);
        assert.match(done.stderr, /SIGINT: cancelling the run/);
        assert.deepStrictEqual(
            records().filter((r) => r.startsWith("prod-lz.top")),
            [],
            "top was destroyed before the interrupt",
        );
        assert.deepStrictEqual(
            records().filter((r) => r.startsWith("prod-lz.base")),
            ["prod-lz.base-0.json", "prod-lz.base-1.json"],
            "base was never started",
        );
    });

    it("finishes the job when the same command runs again, confirmed by typing the name", async () => {
        const run = await onTerminal(destroy("--unprotect"), "prod-lz\n");
        assert.strictEqual(run.code, 0, run.output);
        assert.match(run.output, /Type the environment name \(prod-lz\)/);
        assert.deepStrictEqual(records(), []);
        const again = await runEdf(destroy("--unprotect", "--yes", "--confirm", "prod-lz"));
        assert.strictEqual(again.code, 0, again.stderr);
        assert.match(again.stderr, /top: nothing to delete/);
    });
});
