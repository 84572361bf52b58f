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

/** A fake `npx`/`npm`/`pulumi` on PATH: the stages' tools answer as scripted, mocha is the real one. */
function fakeTools(root: string): string {
    const bin = path.join(root, "fake-bin");
    fs.mkdirSync(bin);
    const mocha = path.join(PROJECT_ROOT, "node_modules", "mocha", "bin", "mocha.js");
    fs.writeFileSync(
        path.join(bin, "npx"),
        `#!/usr/bin/env bash
case "$1" in
  mocha) shift; exec node ${JSON.stringify(mocha)} "$@" ;;
  prettier) echo "[warn] src/ugly.ts"; exit 1 ;;
  *) echo "fake npx $*"; exit 0 ;;
esac
`,
        { mode: 0o755 },
    );
    fs.writeFileSync(path.join(bin, "npm"), `#!/usr/bin/env bash\necho "fake npm $*"\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(bin, "pulumi"), `#!/usr/bin/env bash\necho v0.0.0-fake\n`, { mode: 0o755 });
    return bin;
}

// What a CI system needs of `npm test`: every suite runs although an earlier one failed, the end
// is the totals line, and each suite leaves a JUnit XML file. The real script and the real mocha
// and reporter, in a scratch checkout whose toolchain step succeeds at once and whose lint stage
// has a failing check, unit suite a failing test and engine suite a test file that cannot load.
describe("scripts/test.sh with a failing suite", function () {
    this.timeout(120_000);
    let root: string;

    before(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "edf-test-all-"));
        for (const dir of ["scripts", "test/support", "test/unit", "test/engine", "bench"])
            fs.mkdirSync(path.join(root, dir), { recursive: true });
        for (const file of ["scripts/test.sh", "scripts/test-checks.js", "test/support/summary-reporter.js"]) {
            fs.copyFileSync(path.join(PROJECT_ROOT, file), path.join(root, file));
        }
        fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
        fs.writeFileSync(
            path.join(root, "scripts", "toolchain.sh"),
            // The lowest supported Node the real toolchain names: here the Node running this test.
            `#!/usr/bin/env bash\nmkdir -p .tools && echo "export EDF_FAKE_TOOLCHAIN=1 EDF_NODE_LOWEST=${process.execPath}" >.tools/env.sh\n`,
            { mode: 0o755 },
        );
        const mocharc = (suite: string) =>
            JSON.stringify({
                spec: [`test/${suite}/*.test.js`],
                reporter: "test/support/summary-reporter.js",
                "reporter-option": [`suite=${suite}`],
            });
        fs.writeFileSync(path.join(root, "test", "mocharc.unit.json"), mocharc("unit"));
        fs.writeFileSync(path.join(root, "test", "mocharc.engine.json"), mocharc("engine"));
        fs.writeFileSync(
            path.join(root, "test", "unit", "a.test.js"),
            `const assert = require("assert");\ndescribe("a", () => {\n  it("passes", () => {});\n  it("fails", () => assert.strictEqual(1, 2));\n});\n`,
        );
        fs.writeFileSync(path.join(root, "test", "engine", "b.test.js"), `throw new Error("this test file cannot load");\n`);
        fs.writeFileSync(path.join(root, "bench", "one.ts"), "// a benchmark the fake npx runs\n");
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it("runs every suite, writes a JUnit file per suite and ends with the totals line, exiting non-zero", async () => {
        const bin = fakeTools(root);
        const junit = path.join(root, "junit");
        const child = spawn("bash", [path.join(root, "scripts", "test.sh")], {
            cwd: root,
            env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, EDF_JUNIT_DIR: junit },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
        const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
        assert.strictEqual(code, 1, output);
        assert.match(output, /^lint: 2 passed, 1 failed, 0 skipped$/m);
        assert.match(output, /^typecheck: 1 passed, 0 failed, 0 skipped$/m);
        assert.match(output, /^bench-smoke: 1 passed, 0 failed, 0 skipped$/m);
        assert.match(output, /^unit: 1 passed, 1 failed, 0 skipped$/m);
        assert.match(output, /^unit-node22: 1 passed, 1 failed, 0 skipped$/m);
        assert.match(output, /^engine: 0 passed, 1 failed, 0 skipped$/m);
        assert.match(output, /== failed: lint unit unit-node22 engine/);
        const lines = output.trim().split("\n");
        assert.strictEqual(lines[lines.length - 1], "tests: 6 passed, 4 failed, 0 skipped");
        for (const suite of ["lint", "typecheck", "bench-smoke", "unit", "unit-node22", "engine"]) {
            const xml = fs.readFileSync(path.join(junit, `${suite}.xml`), "utf8");
            assert.match(xml, new RegExp(`<testsuite name="${suite}" tests="\\d+"`), `${suite}.xml`);
        }
        assert.match(
            fs.readFileSync(path.join(junit, "lint.xml"), "utf8"),
            /<testcase classname="lint" name="prettier --check" time="[\d.]+"><failure[^>]*>[^<]*\[warn\] src\/ugly\.ts/,
        );
        assert.match(fs.readFileSync(path.join(junit, "unit.xml"), "utf8"), /<testcase classname="a" name="fails"[^>]*><failure/);
        assert.match(
            fs.readFileSync(path.join(junit, "engine.xml"), "utf8"),
            /mocha exited \d+ before reporting[\s\S]*this test file cannot load/,
        );
    });
});
