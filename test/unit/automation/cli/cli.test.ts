import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadSpec } from "../../../../automation/spec/load";
import { CORPUS, corpusFiles, expectationsOf, OUTSIDE_SECRET, setUpCorpusLinks } from "../../../support/invalid-corpus";
import { PROJECT_ROOT } from "../../../support/toolchain";

const BIN = path.join(PROJECT_ROOT, "automation", "cli", "bin.js");
const INVALID = path.join(PROJECT_ROOT, "test", "fixtures", "specs", "invalid");

function edf(...args: string[]): { code: number | null; stdout: string; stderr: string } {
    return edfIn(PROJECT_ROOT, ...args);
}

function edfIn(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, EDF_HOME: "/nonexistent/edf-home-for-cli-tests" },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The real `edf` entry point (automation/cli/bin.js), in a child process.
describe("the edf CLI", function () {
    this.timeout(60_000);

    it("finds the project upward from a subfolder of it", () => {
        const result = edfIn(path.join(PROJECT_ROOT, "services", "sdk"), "validate", "--env", "dev");
        assert.strictEqual(result.code, 0, result.stderr);
        assert.match(result.stdout, /environments\/dev\.yaml: valid/);
    });

    it("exits 3 outside any project, saying how to get one", () => {
        const outside = fs.mkdtempSync(path.join(os.tmpdir(), "edf-no-project-"));
        try {
            const result = edfIn(outside, "validate", "--env", "dev");
            assert.strictEqual(result.code, 3, result.stderr);
            assert.match(result.stderr, /EDF_PROJECT_NOT_FOUND[\s\S]*`--project <dir>`[\s\S]*`edf init`/);
            const named = edfIn(outside, "--project", outside, "validate", "--env", "dev");
            assert.match(named.stderr, /EDF_PROJECT_NOT_FOUND: Not in a Pulumi project: `--project .*` has no `Pulumi.yaml`/);
        } finally {
            fs.rmSync(outside, { recursive: true, force: true });
        }
    });

    it("validates the example environment and prints its order (exit 0)", () => {
        const result = edf("validate", "--env", "dev");
        assert.strictEqual(result.code, 0, result.stderr);
        // Counted from the spec, not spelled: the test still passes after `edf new service` adds a unit.
        const units = Object.keys(loadSpec(path.join(PROJECT_ROOT, "environments", "dev.yaml"), PROJECT_ROOT).spec.units).length;
        assert.ok(units >= 5);
        assert.match(result.stdout, new RegExp(`environments/dev\\.yaml: valid — environment \`dev\`, ${units} unit\\(s\\)`));
    });

    it("prints the graph as Mermaid and as DOT", () => {
        const mermaid = edf("graph", "--env", "prod");
        assert.strictEqual(mermaid.code, 0, mermaid.stderr);
        assert.match(mermaid.stdout, /^flowchart TD/);
        const dot = edf("graph", "--env", "prod", "--format", "dot", "--only", "payments-api", "--with-dependencies");
        assert.match(dot.stdout, /^digraph edf \{/);
        assert.match(dot.stdout, /"shared-services" -> "payments-api" \[label="code: landingZone\.stacks\.sharedServices"\];/);
        assert.ok(!dot.stdout.includes("ledger-worker"));
    });

    it("exits 3 on a bad spec, listing every problem with file, line and fix, without a stack trace", () => {
        const result = edf("up", "--env", path.join(INVALID, "many-problems-at-once.yaml"));
        assert.strictEqual(result.code, 3);
        assert.match(result.stderr, /^error EDF_SPEC_INVALID: .*\(4 problems\); nothing was deployed\./m);
        assert.match(result.stderr, /many-problems-at-once\.yaml:\d+ \/region: `region` is not an AWS region/);
        assert.ok(!/\n\s+at /.test(result.stderr), "no stack trace without --debug");
    });

    it("prints one JSON document with the error code under --json", () => {
        const result = edf("--json", "validate", "--env", path.join(INVALID, "cycle-declared.yaml"));
        assert.strictEqual(result.code, 3);
        const body = JSON.parse(result.stdout);
        assert.strictEqual(body.error.code, "EDF_CYCLE");
        assert.match(body.error.message, /a → b → c → a|b → c → a → b|c → a → b → c/);
    });

    it("exits 3 on a bad option value and names it", () => {
        const result = edf("up", "--env", "dev", "--parallel", "zero");
        assert.strictEqual(result.code, 3);
        assert.match(result.stderr, /`--parallel` must be a whole number from 1 to 64, not `zero`/);
    });

    it("bundles a policy pack for publishing, and exits 3 naming the packs when asked for one that is not", () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "edf-cli-bundle-"));
        try {
            const bundled = edf("--json", "policy", "bundle", "runtime", "--out", out);
            assert.strictEqual(bundled.code, 0, bundled.stderr);
            assert.deepEqual(
                (JSON.parse(bundled.stdout) as { bundled: { pack: string; outDir: string }[] }).bundled.map((b) => [b.pack, b.outDir]),
                [["runtime", path.join(out, "runtime")]],
            );
            const unknown = edf("policy", "bundle", "nope", "--out", out);
            assert.strictEqual(unknown.code, 3);
            assert.match(unknown.stderr, /error EDF_USAGE: Unknown policy pack `nope`[\s\S]*choose from pipeline, runtime/);
        } finally {
            fs.rmSync(out, { recursive: true, force: true });
        }
    });

    describe("on the runtime pack's settings (`inspect.policy`)", () => {
        // The corpus cases for the runtime pack's settings and waiver files: `edf validate` must refuse each
        // exactly as `edf inspect` does, before inspect reads a stack or a registry.
        const files = corpusFiles().filter((f) => expectationsOf(path.join(CORPUS, f)).commands.includes("inspect"));
        let links: ReturnType<typeof setUpCorpusLinks>;
        before(() => (links = setUpCorpusLinks(files)));
        after(() => links.remove());

        it("has corpus cases for ids, days, config schemas, waivability and links out", () => {
            assert.ok(files.length >= 6, `only ${files.length}: ${files.join(", ")}`);
        });

        for (const name of files) {
            it(`refuses ${name} in validate and inspect alike: same code, same problems at the same lines`, () => {
                const spec = path.join(CORPUS, name);
                const expected = expectationsOf(spec);
                const validate = edf("--json", "validate", "--env", spec);
                const inspect = edf("--json", "inspect", "--env", spec);
                for (const [command, result] of [
                    ["validate", validate],
                    ["inspect", inspect],
                ] as const) {
                    assert.strictEqual(result.code, 3, `${command}: ${result.stdout}${result.stderr}`);
                    assert.ok(!`${result.stdout}${result.stderr}`.includes(OUTSIDE_SECRET), `${command} quoted a file outside the project`);
                    assert.ok(!/\n\s+at /.test(result.stderr), `${command} printed a stack trace`);
                }
                const validated = JSON.parse(validate.stdout).error as { code: string; problems: unknown[] };
                const inspected = JSON.parse(inspect.stdout).error as { code: string; problems: unknown[] };
                assert.strictEqual(validated.code, expected.code);
                assert.deepStrictEqual(inspected.code, validated.code);
                assert.deepStrictEqual(inspected.problems, validated.problems);
                for (const want of expected.problems) {
                    assert.ok(
                        validated.problems.some((p) => {
                            const problem = p as { path?: string; message: string; fix?: string; line?: number };
                            return (
                                (want.path === "*" || problem.path === want.path) && `${problem.message} ${problem.fix}`.includes(want.text)
                            );
                        }),
                        `no problem at ${want.path} mentioning "${want.text}": ${validate.stdout}`,
                    );
                }
            });
        }
    });
});
