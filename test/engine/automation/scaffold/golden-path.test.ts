import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_ROOT } from "../../../../unit/load";

// In the engine suite because it is slow (a type-check and a mocha run in a copy of the
// project), not because it needs the engine: the generated test runs under mocks.
/**
 * The golden path end to end: a temporary copy of the project (sources only, the
 * dependencies symlinked), `edf new service` through the real CLI, then the generated
 * test under mocha and the generated files under `tsc`. A scaffold that does not
 * compile or whose test fails fails here.
 */
describe("edf new service: the golden path in a copy of the project", function () {
    this.timeout(300_000);
    let root: string;

    before(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "edf-scaffold-"));
        const copy = (relative: string) =>
            fs.cpSync(path.join(PROJECT_ROOT, relative), path.join(root, relative), {
                recursive: true,
                filter: (source) => !/[\\/](node_modules|\.edf)([\\/]|$)/.test(source),
            });
        for (const entry of [
            "package.json",
            "tsconfig.json",
            "Pulumi.yaml",
            "unit",
            "automation",
            "platform",
            "services",
            "policy-packs",
            "environments",
            "test/mocharc.unit.json",
            "test/support/summary-reporter.js",
            "test/support/fixture-roots.ts",
            "test/unit/platform/support",
            "test/unit/services/support",
        ]) {
            copy(entry);
        }
        fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
    });

    after(() => {
        if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    const run = (args: string[]) =>
        execFileSync(process.execPath, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

    it("scaffolds, validates, type-checks and passes its own test", () => {
        const out = run(["automation/cli/bin.js", "new", "service", "orders-api", "--owner", "orders-team", "--json"]);
        const result = JSON.parse(out) as { files: { path: string }[] };
        assert.ok(result.files.some((f) => f.path === "services/orders-api/program.ts"));
        const specs = fs.readdirSync(path.join(root, "environments")).filter((f) => /\.ya?ml$/.test(f));
        assert.ok(specs.length > 0, "the project has environment specs");
        for (const env of specs.map((f) => f.replace(/\.ya?ml$/, ""))) {
            run(["automation/cli/bin.js", "validate", "--env", env]); // throws on a non-zero exit
        }
        fs.writeFileSync(
            path.join(root, "tsconfig.generated.json"),
            JSON.stringify({
                extends: "./tsconfig.json",
                include: ["services/orders-api/**/*.ts", "test/unit/services/orders-api/**/*.ts"],
            }),
        );
        run([require.resolve("typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.generated.json"]);
        const mocha = run([
            require.resolve("mocha/bin/mocha.js"),
            "-r",
            "ts-node/register/transpile-only",
            "--extension",
            "ts",
            "--timeout",
            "120000",
            "--reporter",
            "dot",
            "test/unit/services/orders-api/program.test.ts",
        ]);
        assert.match(mocha, /8 passing/);
    });

    it("refuses a second scaffold of the same name and changes nothing", () => {
        const before = fs.readFileSync(path.join(root, "environments/dev.yaml"), "utf8");
        assert.throws(
            () => run(["automation/cli/bin.js", "new", "service", "orders-api", "--owner", "orders-team"]),
            (e: { status: number; stderr: string }) => e.status === 3 && /already exists/.test(e.stderr),
        );
        assert.equal(fs.readFileSync(path.join(root, "environments/dev.yaml"), "utf8"), before);
    });
});
