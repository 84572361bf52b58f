import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { SERVICE_COMPONENTS } from "../../../../automation/scaffold/component-templates";
import { copyProject, ProjectCopy } from "./project-copy";

/**
 * `edf new service --with …` in a copy of the project, through the real CLI: one service
 * per component and one with all of them. Every generated program and test must
 * type-check, every spec must still validate, and every generated test must pass — in
 * dev and in prod, including its check that the pipeline pack raises no mandatory
 * finding on the service's synthesised resources (under mocks, as `edf synth` runs them).
 */
describe("edf new service --with: each SDK component in a copy of the project", function () {
    this.timeout(600_000);
    let project: ProjectCopy;
    const services = [
        ...SERVICE_COMPONENTS.map((component) => ({ name: `with-${component}`, components: [component] as string[] })),
        { name: "with-everything", components: [...SERVICE_COMPONENTS] as string[] },
    ];

    before(() => {
        project = copyProject("edf-scaffold-components-");
    });

    after(() => {
        project?.remove();
    });

    it("scaffolds a service with each component that validates, type-checks and passes the pipeline pack in dev and prod", () => {
        for (const service of services) {
            const out = project.run([
                "automation/cli/bin.js",
                "new",
                "service",
                service.name,
                "--owner",
                "orders-team",
                "--kind",
                "worker",
                "--with",
                service.components.join(","),
                "--json",
            ]);
            const written = (JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path);
            assert.ok(written.includes(`services/${service.name}/program.ts`), written.join(", "));
            const program = fs.readFileSync(path.join(project.root, `services/${service.name}/program.ts`), "utf8");
            for (const component of service.components) {
                const construct = {
                    function: "new LambdaFunction(",
                    cache: "new Cache(",
                    topic: "new Topic(",
                    secret: "new Secret(",
                    "http-api": "new HttpApi(",
                }[component];
                assert.ok(program.includes(construct!), `${service.name} uses ${component}`);
            }
        }
        for (const env of fs.readdirSync(path.join(project.root, "environments")).filter((f) => /\.ya?ml$/.test(f))) {
            project.run(["automation/cli/bin.js", "validate", "--env", env.replace(/\.ya?ml$/, "")]);
        }
        project.typeCheck(services.flatMap((s) => [`services/${s.name}/**/*.ts`, `test/unit/services/${s.name}/**/*.ts`]));
        const mocha = project.mocha(services.map((s) => `test/unit/services/${s.name}/program.test.ts`));
        // Four checks per environment, five with a cache (its token stays secret).
        const expected = services.reduce((n, s) => n + 2 * (s.components.includes("cache") ? 5 : 4), 0);
        assert.match(mocha, new RegExp(`${expected} passing`), mocha);
        assert.doesNotMatch(mocha, /failing/, mocha);
    });
});
