// scripts/test.sh (`npm test`) started twice in one checkout: the second waits for the first,
// naming it, and never runs beside it. The real script runs in a scratch checkout whose
// toolchain step is a stand-in that logs when it runs and then stops the script (exit 42), so
// no suite runs: what is under test is the lock in front of everything.
import * as assert from "assert";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_ROOT } from "../../support/toolchain";

const STAND_IN = `#!/usr/bin/env bash
echo "start $PPID" >>"$EDF_TEST_LOG"
echo "toolchain stand-in running for $PPID"
sleep "$EDF_TEST_SLEEP"
echo "end $PPID" >>"$EDF_TEST_LOG"
exit 42
`;

interface Run {
    readonly child: ChildProcess;
    readonly output: () => string;
    readonly exited: Promise<number | null>;
}

function startTests(root: string, log: string, sleepSeconds: number): Run {
    const child = spawn("bash", [path.join(root, "scripts", "test.sh")], {
        cwd: root,
        env: { ...process.env, EDF_TEST_LOG: log, EDF_TEST_SLEEP: String(sleepSeconds) },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    return { child, output: () => output, exited };
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 25));
    }
}

describe("scripts/test.sh run twice in one checkout", function () {
    this.timeout(120_000);
    let root: string;
    let log: string;
    let runs: Run[] = [];

    beforeEach(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "edf-test-lock-"));
        fs.mkdirSync(path.join(root, "scripts"));
        fs.copyFileSync(path.join(PROJECT_ROOT, "scripts", "test.sh"), path.join(root, "scripts", "test.sh"));
        fs.writeFileSync(path.join(root, "scripts", "toolchain.sh"), STAND_IN, { mode: 0o755 });
        log = path.join(root, "runs.log");
        fs.writeFileSync(log, "");
    });
    afterEach(() => {
        for (const run of runs) if (run.child.exitCode === null && run.child.signalCode === null) process.kill(-run.child.pid!, "SIGKILL");
        runs = [];
        fs.rmSync(root, { recursive: true, force: true });
    });

    it("makes the second wait, naming the first (pid, start time), and run only after it", async () => {
        const first = startTests(root, log, 2);
        runs.push(first);
        await until(() => first.output().includes("toolchain stand-in running"), "the first run to start");
        const second = startTests(root, log, 0);
        runs.push(second);
        await until(() => second.output().includes("npm test: waiting"), "the second run to say it waits");

        assert.match(
            second.output(),
            new RegExp(
                `waiting for another npm test in this checkout to finish \\(pid ` +
                    `${first.child.pid}, started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d`,
            ),
        );
        assert.deepStrictEqual(await Promise.all([first.exited, second.exited]), [42, 42]);
        const order = fs.readFileSync(log, "utf8").trim().split("\n");
        assert.deepStrictEqual(order, [
            `start ${first.child.pid}`,
            `end ${first.child.pid}`,
            `start ${second.child.pid}`,
            `end ${second.child.pid}`,
        ]);
    });

    it("is not blocked by a run that was killed (SIGKILL): the lock dies with it", async () => {
        const killed = startTests(root, log, 30);
        runs.push(killed);
        await until(() => killed.output().includes("toolchain stand-in running"), "the first run to start");
        process.kill(-killed.child.pid!, "SIGKILL");
        await killed.exited;

        const next = startTests(root, log, 0);
        runs.push(next);
        assert.strictEqual(await next.exited, 42, next.output());
        assert.doesNotMatch(next.output(), /waiting/);
    });
});
