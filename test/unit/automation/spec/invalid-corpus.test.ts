import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runEnvironment } from "../../../../automation/driver";
import { EdfError, MAX_PROBLEMS, Problem } from "../../../../automation/errors";
import { validateEnvironment } from "../../../../automation/plan";
import { MemoryReporter } from "../../../../automation/reporter";
import { synthEnvironment } from "../../../../automation/synth/synth";
import { PROJECT_ROOT } from "../../../support/toolchain";

const CORPUS = path.join(PROJECT_ROOT, "test", "fixtures", "specs", "invalid");

/** A line of a file outside the project that a link in the corpus leads to: it must never be printed. */
const OUTSIDE_SECRET = "root:$6$corpus-outside-secret-line:19000:0:99999:7:::";

interface Expectation {
    readonly code: string;
    readonly problems: { path: string; text: string }[];
    /** Symbolic links the case needs: project-relative link → target (`$OUTSIDE/...` is a folder outside the project). */
    readonly links: { link: string; target: string }[];
}

/**
 * Each corpus file starts with `# code: <EDF code>` and `# expect: <json path> | <text>` lines
 * (`*` matches any path), and `# link: <project path> -> <target>` for the symbolic links the
 * case needs, which the test creates before and removes after.
 */
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
    const links = lines
        .filter((l) => l.startsWith("# link: "))
        .map((l) => {
            const [link, target] = l.slice("# link: ".length).split(" -> ") as [string, string];
            return { link: link.trim(), target: target.trim() };
        });
    return { code, problems, links };
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

/** The line a problem names must show the key its path ends with (a list item: its own line). */
function assertLinePointsAtPath(problem: Problem): void {
    if (problem.path === undefined || problem.path === "/" || problem.path === "" || !problem.path.startsWith("/")) {
        return;
    }
    assert.ok(problem.line, `problem at ${problem.path} has no line`);
    const segments = problem.path.split("/").filter(Boolean);
    const last = segments[segments.length - 1]!;
    if (/^\d+$/.test(last)) return;
    const text = fs.readFileSync(path.resolve(PROJECT_ROOT, problem.file!), "utf8").split("\n")[problem.line - 1] ?? "";
    assert.ok(
        text.includes(last.replace(/~1/g, "/").replace(/~0/g, "~")),
        `line ${problem.line} (\`${text}\`) should show \`${last}\` for ${problem.path}`,
    );
}

describe("the malformed spec corpus", function () {
    this.timeout(300_000);
    const files = fs
        .readdirSync(CORPUS)
        .filter((f) => f.endsWith(".yaml"))
        .sort();
    let outside: string;
    const created: string[] = [];

    before(() => {
        // A folder outside the project for links to lead to: a unit with a program that would write
        // a file if it ever ran, a pack, and a file holding a line that must never be printed.
        outside = fs.mkdtempSync(path.join(os.tmpdir(), "edf-corpus-outside-"));
        fs.mkdirSync(path.join(outside, "unit"));
        fs.writeFileSync(
            path.join(outside, "unit", "program.ts"),
            `require("fs").writeFileSync(${JSON.stringify(path.join(outside, "ran"))}, "ran");\nexport default () => ({});\n`,
        );
        fs.mkdirSync(path.join(outside, "pack"));
        fs.writeFileSync(path.join(outside, "pack", "policy-list.ts"), "export const policies = [];\n");
        fs.writeFileSync(path.join(outside, "shadow.yaml"), `${OUTSIDE_SECRET}\n`);
        for (const name of files) {
            for (const { link, target } of expectationsOf(path.join(CORPUS, name)).links) {
                const at = path.join(PROJECT_ROOT, link);
                fs.rmSync(at, { force: true });
                fs.symlinkSync(target.replace("$OUTSIDE", outside), at);
                created.push(at);
            }
        }
    });

    after(() => {
        for (const link of created) fs.rmSync(link, { force: true });
        fs.rmSync(outside, { recursive: true, force: true });
    });

    it("holds at least 50 malformed specs", () => {
        assert.ok(files.length >= 50, `only ${files.length} specs`);
    });

    for (const name of files) {
        const file = path.join(CORPUS, name);
        it(`rejects ${name} as validate, synth and up would, naming file, path, line and fix`, () => {
            const expected = expectationsOf(file);
            const error = errorOf(() => validateEnvironment(file, PROJECT_ROOT));
            assert.strictEqual(error.code, expected.code, `${error.message}\n${error.problems.map((p) => p.message).join("\n")}`);
            assert.ok(error.problems.length > 0);
            for (const problem of error.problems) {
                // The spec, or a file it names (a waiver file), always inside the corpus.
                assert.ok(problem.file, `problem without a file: ${problem.message}`);
                assert.ok(path.resolve(PROJECT_ROOT, problem.file).startsWith(CORPUS), `problem in ${problem.file}`);
                assert.ok(problem.fix && problem.fix.length > 3, `problem without a fix: ${problem.message}`);
                assert.ok(problem.line !== undefined || problem.path === "/" || problem.path === undefined, `no line: ${problem.message}`);
                assert.ok(!`${problem.message} ${problem.fix}`.includes(OUTSIDE_SECRET), "a file outside the project was quoted");
                assertLinePointsAtPath(problem);
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
            assert.ok(!fs.existsSync(path.join(outside, "ran")), "a program outside the project ran");
        });
    }

    it("caps the problems of a spec with very many at the first 50, then a count", () => {
        const error = errorOf(() => validateEnvironment(path.join(CORPUS, "many-errors.yaml"), PROJECT_ROOT));
        assert.strictEqual(error.problems.length, MAX_PROBLEMS);
        assert.ok(error.omittedProblems > 0, "the rest are counted");
        assert.match(error.message, new RegExp(`\\(${MAX_PROBLEMS + error.omittedProblems} problems\\)`));
    });

    it("stops synth on the same error for every one of them, evaluating nothing", async () => {
        for (const name of files) {
            const file = path.join(CORPUS, name);
            await assert.rejects(
                synthEnvironment({ env: file, projectRoot: PROJECT_ROOT, reporter: new MemoryReporter(), parallel: 1, environment: {} }),
                (error: unknown) => error instanceof EdfError && error.code === expectationsOf(file).code,
                name,
            );
        }
        assert.ok(!fs.existsSync(path.join(outside, "ran")), "a program outside the project ran");
    });

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
                name,
            );
            assert.ok(!fs.existsSync(home), `${name}: ${home} was created`);
        }
    });
});
