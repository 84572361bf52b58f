import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runEnvironment } from "../../../../automation/driver";
import { EdfError, MAX_PROBLEMS, Problem } from "../../../../automation/errors";
import { validateEnvironment } from "../../../../automation/plan";
import { MemoryReporter } from "../../../../automation/reporter";
import { synthEnvironment } from "../../../../automation/synth/synth";
import { CORPUS, corpusFiles, CorpusLinks, expectationsOf, OUTSIDE_SECRET, setUpCorpusLinks } from "../../../support/invalid-corpus";
import { PROJECT_ROOT } from "../../../support/toolchain";

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
    const files = corpusFiles();
    /** The cases the pipeline's commands must refuse (the runtime pack's settings are validate's and inspect's). */
    const pipelineFiles = files.filter((f) => expectationsOf(path.join(CORPUS, f)).commands.includes("synth"));
    let links: CorpusLinks;
    let outside: string;

    before(() => {
        links = setUpCorpusLinks(files);
        outside = links.outside;
    });

    after(() => links.remove());

    it("holds at least 50 malformed specs", () => {
        assert.ok(files.length >= 50, `only ${files.length} specs`);
    });

    for (const name of files) {
        const file = path.join(CORPUS, name);
        const expected = expectationsOf(file);
        it(`rejects ${name} as ${expected.commands.join(", ")} would, naming file, path, line and fix`, () => {
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
        for (const name of pipelineFiles) {
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
        for (const name of pipelineFiles) {
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
