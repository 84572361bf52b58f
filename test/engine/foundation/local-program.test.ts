// `pulumi up -s <stack>` on the root Pulumi.yaml: the path a user takes by hand. It needs
// the Node language host, which scripts/toolchain.sh builds into .tools/language-host and
// keeps off the default PATH (see scripts/toolchain/versions.env for why).
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { createTempBackend, TempBackend } from "../../support/engine";
import { PROJECT_ROOT, toolchain } from "../../support/toolchain";

const run = promisify(execFile);

/** Copies what the root program needs into a scratch project, so no stack file lands in the repo. */
function scratchProject(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-local-program-"));
    for (const item of ["Pulumi.yaml", "index.ts", "tsconfig.json", "unit", "test/fixtures/units/echo", "test/fixtures/engine"]) {
        fs.cpSync(path.join(PROJECT_ROOT, item), path.join(dir, item), { recursive: true });
    }
    fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(dir, "node_modules"));
    return dir;
}

describe("a local program run with the bare CLI", () => {
    let backend: TempBackend;
    let project: string;

    before(function () {
        const host = toolchain().languageHost;
        if (host.status !== "ok") {
            // Said plainly so the skip is never silent: the registry must serve the host's module.
            console.warn(`    skipped: the Node language host v${host.version} could not be built (see the toolchain output)`);
            this.skip();
        }
        backend = createTempBackend();
        project = scratchProject();
    });
    after(() => {
        backend?.remove();
        if (project) fs.rmSync(project, { recursive: true, force: true });
    });

    it("runs the unit the stack selects with `pulumi up -s <stack>`", async () => {
        const env = {
            ...process.env,
            ...backend.env,
            PATH: `${toolchain().languageHost.dir}${path.delimiter}${backend.env.PATH}`,
        };
        const pulumi = async (...args: string[]) =>
            run("pulumi", [...args, "--non-interactive", "--cwd", project], { env, maxBuffer: 16 * 1024 * 1024 });

        await pulumi("stack", "init", "dev-echo");
        await pulumi("config", "set", "edf:unit", "test/fixtures/units/echo", "-s", "dev-echo");
        await pulumi("config", "set", "edf:environment", "dev", "-s", "dev-echo");
        await pulumi("config", "set", "edf:message", "from the bare CLI", "-s", "dev-echo");

        const up = await pulumi("up", "-s", "dev-echo", "--yes", "--skip-preview");
        assert.match(up.stdout, /3 created/);

        const outputs = JSON.parse((await pulumi("stack", "output", "--json", "-s", "dev-echo")).stdout) as Record<string, string>;
        assert.deepStrictEqual(outputs, { message: "from the bare CLI", shout: "FROM THE BARE CLI" });

        await pulumi("destroy", "-s", "dev-echo", "--yes", "--skip-preview");
        await pulumi("stack", "rm", "dev-echo", "--yes");
    });

    it("names the fix when the stack selects no unit", async () => {
        const env = { ...process.env, ...backend.env, PATH: `${toolchain().languageHost.dir}${path.delimiter}${backend.env.PATH}` };
        await run("pulumi", ["stack", "init", "no-unit", "--non-interactive", "--cwd", project], { env });
        const failure = await run("pulumi", ["preview", "-s", "no-unit", "--non-interactive", "--cwd", project], { env }).then(
            () => undefined,
            (err: { stdout: string; stderr: string }) => err,
        );
        assert.ok(failure, "the preview must fail");
        assert.match(failure.stdout + failure.stderr, /pulumi config set edf:unit/);
    });
});
