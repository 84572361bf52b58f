import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { defaultProjectName, initProject, missingDevDependencies, planInit } from "../../../../automation/scaffold/init";
import { planNewService } from "../../../../automation/scaffold/scaffold";
import { packageImports } from "../../../../automation/scaffold/templates";
import { parseSpec } from "../../../../automation/spec/load";

describe("edf init: a consumer's project on the SDK", () => {
    let scratch: string;
    beforeEach(() => {
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), "edf-init-"));
    });
    afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

    it("writes the project files, the landing-zone units and example environments", () => {
        const files = initProject(scratch, { name: "shop", sdk: "@acme/edf" });
        assert.deepStrictEqual(files.map((f) => f.path).sort(), [
            ".gitignore",
            "Pulumi.yaml",
            "environments/dev.yaml",
            "environments/prod.yaml",
            "environments/samples/dev.yaml",
            "environments/samples/prod.yaml",
            "environments/waivers/prod.yaml",
            "index.ts",
            "platform/network/program.ts",
            "platform/security/program.ts",
            "platform/shared-services/program.ts",
            "tsconfig.json",
        ]);
        const read = (f: string) => fs.readFileSync(path.join(scratch, f), "utf8");
        assert.match(read("Pulumi.yaml"), /^name: shop$/m);
        assert.match(read("index.ts"), /import \{ runSelectedUnit \} from "@acme\/edf\/unit";\n\nexport = runSelectedUnit\(\);/);
        assert.match(read("platform/network/program.ts"), /export \{ default \} from "@acme\/edf\/platform\/network";/);
        assert.strictEqual(JSON.parse(read("tsconfig.json")).compilerOptions.strict, true);
        assert.match(read(".gitignore"), /^\.edf\/$/m);
    });

    it("writes example environments the driver accepts, the landing zone in each", () => {
        for (const file of planInit(scratch, { name: "shop" }).filter((f) => /^environments\/(dev|prod)\.yaml$/.test(f.path))) {
            const spec = parseSpec(file.content, file.path);
            assert.deepStrictEqual(
                Object.values(spec.spec.units).map((u) => u.path),
                ["platform/security", "platform/network", "platform/shared-services"],
            );
        }
    });

    it("never overwrites: with any file present it writes nothing and names each one", () => {
        fs.writeFileSync(path.join(scratch, "Pulumi.yaml"), "name: mine\n");
        fs.mkdirSync(path.join(scratch, "environments"));
        fs.writeFileSync(path.join(scratch, "environments", "dev.yaml"), "environment: dev\n");
        assert.throws(
            () => initProject(scratch),
            (e: unknown) =>
                e instanceof EdfError &&
                e.code === "EDF_INIT_EXISTS" &&
                e.problems.map((p) => p.file).join(",") === "Pulumi.yaml,environments/dev.yaml",
        );
        assert.deepStrictEqual(fs.readdirSync(scratch).sort(), ["Pulumi.yaml", "environments"]);
        assert.strictEqual(fs.readFileSync(path.join(scratch, "Pulumi.yaml"), "utf8"), "name: mine\n");
    });

    it("names the project after its folder, made a valid Pulumi project name, and rejects a bad --name", () => {
        assert.strictEqual(defaultProjectName("/work/My Shop!"), "My-Shop");
        assert.throws(
            () => planInit(scratch, { name: "my shop" }),
            (e: unknown) => e instanceof EdfError && e.code === "EDF_USAGE",
        );
    });

    it("lists the development dependencies the project's package.json lacks", () => {
        fs.writeFileSync(path.join(scratch, "package.json"), JSON.stringify({ devDependencies: { typescript: "5.9.3" } }));
        assert.deepStrictEqual(missingDevDependencies(scratch), ["ts-node", "@types/node"]);
    });

    it("lets edf new service add a service importing the package to every example environment", () => {
        const specs = planInit(scratch, { name: "shop" })
            .filter((f) => /^environments\/(dev|prod)\.yaml$/.test(f.path))
            .map((f) => ({ path: f.path, text: f.content }));
        const files = planNewService({ name: "orders", owner: "team-orders" }, specs, new Set(), {
            imports: packageImports("@acme/edf"),
            withTest: false,
        });
        assert.deepStrictEqual(
            files.map((f) => f.path),
            ["services/orders/program.ts", "environments/dev.yaml", "environments/prod.yaml", "environments/samples/prod.yaml"],
        );
        // serviceUnit() defines the unit itself: the program imports the service SDK's entry point and nothing else.
        assert.match(files[0]!.content, /^import \{ serviceUnit \} from "@acme\/edf\/services";$/m);
        assert.doesNotMatch(files[0]!.content, /from "\.\.?\//);
    });
});
