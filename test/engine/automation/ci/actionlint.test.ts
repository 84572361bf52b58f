import { strict as assert } from "assert";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { toolchain } from "../../../support/toolchain";
import { examplePipelines } from "../../../unit/automation/ci/support";

// The workflows `edf ci init --provider github` writes, checked by actionlint (built by the
// toolchain) with ShellCheck over every `run:` script: syntax, expressions, job dependencies,
// matrix and output references, untrusted input in scripts. No finding is allowed.

describe("the generated GitHub workflows under actionlint", function () {
    this.timeout(120_000);

    for (const variant of ["github", "github-fan-out"]) {
        it(`has no finding in the ${variant === "github" ? "one-runner" : "fanned-out"} pipeline`, () => {
            const { actionlint } = toolchain();
            const repo = fs.mkdtempSync(path.join(os.tmpdir(), "edf-actionlint-"));
            try {
                execFileSync("git", ["init", "-q", repo]);
                for (const [file, text] of Object.entries(examplePipelines()[variant]!)) {
                    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
                    fs.writeFileSync(path.join(repo, file), text);
                }
                const run = spawnSync(actionlint.path, ["-shellcheck", actionlint.shellcheck, "-color=false"], {
                    cwd: repo,
                    encoding: "utf8",
                });
                assert.equal(run.stdout + run.stderr, "", "no findings");
                assert.equal(run.status, 0);
                // The lint is real: a broken copy is caught.
                fs.appendFileSync(
                    path.join(repo, ".github/workflows/edf-schedule.yml"),
                    "      - run: echo ${{ github.event.issue.title }}\n",
                );
                const broken = spawnSync(actionlint.path, ["-shellcheck", actionlint.shellcheck, "-color=false"], {
                    cwd: repo,
                    encoding: "utf8",
                });
                assert.equal(broken.status, 1);
                assert.match(broken.stdout, /potentially untrusted/);
            } finally {
                fs.rmSync(repo, { recursive: true, force: true });
            }
        });
    }

    it("checks the shell entry point with ShellCheck too", () => {
        const { actionlint } = toolchain();
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-shellcheck-"));
        try {
            const file = path.join(dir, "edf-pipeline.sh");
            fs.writeFileSync(file, examplePipelines().shell!["ci/edf-pipeline.sh"]!);
            const run = spawnSync(actionlint.shellcheck, ["--severity=style", file], { encoding: "utf8" });
            assert.equal(run.stdout + run.stderr, "", "no ShellCheck finding");
            assert.equal(run.status, 0);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
