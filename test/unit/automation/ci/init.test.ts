import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { ACTIONS } from "../../../../automation/ci/actions";
import { ciInit } from "../../../../automation/ci/init";
import { EdfError } from "../../../../automation/errors";
import { PROJECT_ROOT } from "../../../support/toolchain";
import { examplePipelines, golden } from "./support";

/** A scratch project with this project's environments and manifests, where `edf ci init` may write. */
function scratchProject(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "edf-ci-init-"));
    for (const entry of ["environments", "package.json", "package-lock.json", "scripts/toolchain/versions.env"]) {
        fs.cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
    }
    return root;
}

interface Workflow {
    permissions?: unknown;
    concurrency?: { group: string; "cancel-in-progress": boolean };
    jobs: Record<
        string,
        {
            permissions?: Record<string, string>;
            environment?: string;
            concurrency?: { group: string; "cancel-in-progress": boolean };
            needs?: string[];
            steps?: { uses?: string }[];
        }
    >;
}

describe("edf ci init", () => {
    const pipelines = examplePipelines();

    it("writes what the golden files hold, for GitHub (one runner and fanned out) and the shell entry point", () => {
        for (const [variant, files] of Object.entries(pipelines)) {
            for (const [file, text] of Object.entries(files)) assert.equal(text, golden(variant, file, text), `${variant}: ${file}`);
        }
    });

    it("pins every action by commit SHA, gives no workflow permissions, and each job only what it uses", () => {
        for (const [variant, files] of Object.entries(pipelines)) {
            for (const [file, text] of Object.entries(files)) {
                if (!file.endsWith(".yml")) continue;
                const workflow = parseYaml(text) as Workflow;
                assert.deepEqual(workflow.permissions, {}, `${variant} ${file}: no permissions for the workflow's token by default`);
                for (const [name, job] of Object.entries(workflow.jobs)) {
                    assert.ok(job.permissions, `${variant} ${file} ${name}: its own permissions`);
                    for (const [scope, level] of Object.entries(job.permissions)) {
                        assert.ok(
                            ["contents:read", "id-token:write", "security-events:write", "pull-requests:write", "actions:read"].includes(
                                `${scope}:${level}`,
                            ),
                            `${variant} ${file} ${name}: ${scope}: ${level}`,
                        );
                    }
                    for (const step of job.steps ?? []) {
                        if (step.uses)
                            assert.match(step.uses, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, `${variant} ${file} ${name}: ${step.uses}`);
                    }
                }
                assert.ok(
                    Object.values(ACTIONS).some((a) => text.includes(`${a.action}@${a.sha} # ${a.release}`)),
                    "each pinned action names its release",
                );
            }
        }
    });

    it("deploys the organisation first, then environment after environment, prod behind its GitHub environment, one at a time", () => {
        const deploy = parseYaml(pipelines.github![".github/workflows/edf-deploy.yml"]!) as Workflow;
        // The organisation's stacks create the deployment role dev's and prod's stacks assume.
        assert.deepEqual(Object.keys(deploy.jobs), ["base", "up-organization", "up-dev", "up-prod"]);
        assert.deepEqual(deploy.jobs["up-organization"]!.needs, ["base"]);
        assert.deepEqual(deploy.jobs["up-dev"]!.needs, ["base", "up-organization"]);
        assert.deepEqual(deploy.jobs["up-prod"]!.needs, ["base", "up-dev"]);
        assert.equal(deploy.jobs["up-prod"]!.environment, "prod");
        assert.deepEqual(deploy.jobs["up-prod"]!.concurrency, { group: "edf-deploy-prod", "cancel-in-progress": false });
        assert.deepEqual(deploy.jobs["up-dev"]!.permissions, { contents: "read", "id-token": "write" });
        const fanned = parseYaml(pipelines["github-fan-out"]![".github/workflows/edf-deploy.yml"]!) as Workflow;
        assert.deepEqual(fanned.concurrency, { group: "edf-deploy-${{ github.ref }}", "cancel-in-progress": false });
        assert.deepEqual(Object.keys(fanned.jobs), [
            "base",
            ...["plan-organization", "up-organization-0", "up-organization-1", "up-organization-2", "report-organization"],
            ...["dev", "prod"].flatMap((env) => [
                `plan-${env}`,
                `up-${env}-0`,
                `up-${env}-1`,
                `up-${env}-2`,
                `up-${env}-3`,
                `report-${env}`,
            ]),
        ]);
        assert.deepEqual(fanned.jobs["plan-dev"]!.needs, ["base", "report-organization"]);
        assert.deepEqual(fanned.jobs["up-prod-2"]!.needs, ["plan-prod", "up-prod-1"]);
        assert.deepEqual(fanned.jobs["plan-prod"]!.needs, ["base", "report-dev"]);
    });

    it("is idempotent, and keeps a file the user edited unless --force, naming it", () => {
        const root = scratchProject();
        try {
            const first = ciInit({ projectRoot: root, provider: "github", inspect: false });
            assert.deepEqual(
                first.files.map((f) => f.action),
                ["created", "created", "created"],
            );
            const again = ciInit({ projectRoot: root, provider: "github", inspect: false });
            assert.deepEqual(
                again.files.map((f) => f.action),
                ["unchanged", "unchanged", "unchanged"],
            );
            // A change of settings updates files nobody edited.
            const fanned = ciInit({ projectRoot: root, provider: "github", inspect: false, fanOut: "always" });
            assert.deepEqual(
                fanned.files.map((f) => `${f.path} ${f.action}`),
                [
                    ".github/workflows/edf-pull-request.yml unchanged",
                    ".github/workflows/edf-deploy.yml updated",
                    ".github/workflows/edf-schedule.yml unchanged",
                ],
            );
            const edited = path.join(root, ".github/workflows/edf-schedule.yml");
            fs.writeFileSync(edited, fs.readFileSync(edited, "utf8").replace('"17 5 * * *"', '"0 6 * * 1"'));
            const deploy = path.join(root, ".github/workflows/edf-deploy.yml");
            const deployBefore = fs.readFileSync(deploy, "utf8");
            assert.throws(
                () => ciInit({ projectRoot: root, provider: "github", inspect: false }),
                (e: unknown) => {
                    assert.ok(e instanceof EdfError);
                    assert.equal(e.code, "EDF_CI_EDITED");
                    assert.equal(e.exitCode, 3);
                    assert.deepEqual(
                        e.problems.map((p) => p.file),
                        [".github/workflows/edf-schedule.yml"],
                    );
                    assert.match(e.problems[0]!.message, /edited after `edf ci init` wrote it/);
                    assert.match(e.problems[0]!.fix!, /--force/);
                    return true;
                },
            );
            assert.equal(fs.readFileSync(deploy, "utf8"), deployBefore, "a refusal writes nothing, not even the files it could update");
            assert.match(fs.readFileSync(edited, "utf8"), /0 6 \* \* 1/, "the edit is kept");
            const forced = ciInit({ projectRoot: root, provider: "github", inspect: false, force: true });
            assert.deepEqual(
                forced.files.map((f) => f.action),
                ["unchanged", "updated", "overwritten"],
            );
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });

    it("refuses to replace a workflow it did not write", () => {
        const root = scratchProject();
        try {
            const own = path.join(root, ".github/workflows/edf-deploy.yml");
            fs.mkdirSync(path.dirname(own), { recursive: true });
            fs.writeFileSync(own, "name: ours\n");
            assert.throws(
                () => ciInit({ projectRoot: root, provider: "github", inspect: false }),
                (e: unknown) => e instanceof EdfError && /not written by `edf ci init`/.test(e.problems[0]!.message),
            );
            assert.equal(fs.readFileSync(own, "utf8"), "name: ours\n");
            assert.equal(fs.existsSync(path.join(root, ".github/workflows/edf-pull-request.yml")), false);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });

    it("warns that a file backend cannot keep state on a CI runner", () => {
        const root = scratchProject();
        try {
            const result = ciInit({ projectRoot: root, provider: "shell", inspect: false });
            assert.deepEqual(result.files, [{ path: "ci/edf-pipeline.sh", action: "created" }]);
            assert.equal(fs.statSync(path.join(root, "ci/edf-pipeline.sh")).mode & 0o111, 0o111, "the entry point is executable");
            assert.equal(result.project.warnings.length, 1);
            assert.match(result.project.warnings[0]!, /`dev` keeps its state in a file backend/);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
