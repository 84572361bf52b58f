import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { copyProject, ProjectCopy } from "./project-copy";

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
    let project: ProjectCopy;

    before(() => {
        project = copyProject();
    });

    after(() => {
        project?.remove();
    });

    it("scaffolds, validates, type-checks and passes its own test", () => {
        const out = project.run(["automation/cli/bin.js", "new", "service", "orders-api", "--owner", "orders-team", "--json"]);
        const result = JSON.parse(out) as { files: { path: string }[] };
        assert.ok(result.files.some((f) => f.path === "services/orders-api/program.ts"));
        const specs = fs.readdirSync(path.join(project.root, "environments")).filter((f) => /\.ya?ml$/.test(f));
        assert.ok(specs.length > 0, "the project has environment specs");
        for (const env of specs.map((f) => f.replace(/\.ya?ml$/, ""))) {
            project.run(["automation/cli/bin.js", "validate", "--env", env]); // throws on a non-zero exit
        }
        project.typeCheck(["services/orders-api/**/*.ts", "test/unit/services/orders-api/**/*.ts"]);
        const mocha = project.mocha(["test/unit/services/orders-api/program.test.ts"]);
        assert.match(mocha, /8 passing/);
    });

    it("refuses a second scaffold of the same name and changes nothing", () => {
        const before = fs.readFileSync(path.join(project.root, "environments/dev.yaml"), "utf8");
        assert.throws(
            () => project.run(["automation/cli/bin.js", "new", "service", "orders-api", "--owner", "orders-team"]),
            (e: { status: number; stderr: string }) => e.status === 3 && /already exists/.test(e.stderr),
        );
        assert.equal(fs.readFileSync(path.join(project.root, "environments/dev.yaml"), "utf8"), before);
    });
});
