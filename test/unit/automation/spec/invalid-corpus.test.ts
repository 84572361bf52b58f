import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runEnvironment } from "../../../../automation/driver";
import { EdfError, Problem } from "../../../../automation/errors";
import { planEnvironment } from "../../../../automation/plan";
import { MemoryReporter } from "../../../../automation/reporter";
import { PROJECT_ROOT } from "../../../support/toolchain";

const CORPUS = path.join(PROJECT_ROOT, "test", "fixtures", "specs", "invalid");

interface Expectation {
    readonly code: string;
    readonly problems: { path: string; text: string }[];
}

/** Each corpus file starts with `# code: <EDF code>` and `# expect: <json path> | <text>` lines. */
function expectationsOf(file: string): Expectation {
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const code = lines
        .find((l) => l.startsWith("# code: "))!
        .slice("# code: ".length)
        .trim();
    const problems = lines
        .filter((l) => l.startsWith("# expect: "))
        .map((l) => {
            const [where, text] = l.slice("# expect: ".length).split(" | ") as [string, string];
            return { path: where.trim(), text: text.trim() };
        });
    return { code, problems };
}

function errorOf(fn: () => unknown): EdfError {
    try {
        fn();
    } catch (error) {
        assert.ok(error instanceof EdfError, `expected an EdfError, got ${String(error)}`);
        return error;
    }
    assert.fail("expected the spec to be rejected");
}

/** The line a problem names must show the key its path ends with (or, for an item, its list). */
function assertLinePointsAtPath(file: string, problem: Problem): void {
    if (problem.path === undefined || problem.path === "/" || problem.path === "") {
        return;
    }
    assert.ok(problem.line, `problem at ${problem.path} has no line`);
    const text = fs.readFileSync(file, "utf8").split("\n")[problem.line - 1] ?? "";
    const segments = problem.path.split("/").filter((s) => s && !/^\d+$/.test(s));
    const key = segments[segments.length - 1]!;
    assert.ok(text.includes(key), `line ${problem.line} (\`${text}\`) should show \`${key}\` for ${problem.path}`);
}

describe("the malformed spec corpus", () => {
    const files = fs
        .readdirSync(CORPUS)
        .filter((f) => f.endsWith(".yaml"))
        .sort();

    it("holds at least 25 malformed specs", () => {
        assert.ok(files.length >= 25, `only ${files.length} specs`);
    });

    for (const name of files) {
        const file = path.join(CORPUS, name);
        it(`rejects ${name} with its expected error, naming file, path, line and fix`, () => {
            const expected = expectationsOf(file);
            const error = errorOf(() => planEnvironment(file, PROJECT_ROOT));
            assert.strictEqual(error.code, expected.code, error.message);
            assert.ok(error.problems.length > 0);
            for (const problem of error.problems) {
                assert.strictEqual(problem.file, path.relative(PROJECT_ROOT, file));
                assert.ok(problem.fix && problem.fix.length > 3, `problem without a fix: ${problem.message}`);
                assert.ok(problem.line !== undefined || problem.path === "/", `problem without a line: ${problem.message}`);
                assertLinePointsAtPath(file, problem);
            }
            for (const want of expected.problems) {
                const match = error.problems.find(
                    (p) => (want.path === "*" || p.path === want.path) && `${p.message} ${p.fix}`.includes(want.text),
                );
                assert.ok(
                    match,
                    `no problem at ${want.path} mentioning "${want.text}"; got:\n${error.problems.map((p) => `${p.path}: ${p.message} — ${p.fix}`).join("\n")}`,
                );
            }
        });
    }

    it("deploys nothing for any of them: `up` stops before creating a backend, a run folder or a stack", async () => {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-corpus-"));
        fs.rmSync(home, { recursive: true });
        for (const name of files) {
            const file = path.join(CORPUS, name);
            await assert.rejects(
                runEnvironment({
                    env: file,
                    operation: "up",
                    projectRoot: PROJECT_ROOT,
                    edfHome: home,
                    reporter: new MemoryReporter(),
                    signal: new AbortController().signal,
                }),
                (error: unknown) => error instanceof EdfError && error.code === expectationsOf(file).code,
            );
            assert.ok(!fs.existsSync(home), `${name}: ${home} was created`);
        }
    });
});
