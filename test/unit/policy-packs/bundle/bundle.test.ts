// The pack bundler: the real packs bundle into closed folders with exact dependencies, the
// closedness check catches what would break a published pack, and bad input is refused with
// nothing written. Loading a bundle in the engine: test/engine/policy-packs/bundle.test.ts.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bundlePack, BundleResult } from "../../../../policy-packs/tools/bundle/bundle";
import { bundleProblems } from "../../../../policy-packs/tools/bundle/closed";
import { BundleError } from "../../../../policy-packs/tools/bundle/graph";
import { isNodeBuiltin, isRelative, moduleReferences, packageNameOf, typesPackageOf } from "../../../../policy-packs/tools/bundle/imports";

const ROOT = path.resolve(__dirname, "..", "..", "..", "..");
const ROOT_VERSIONS: Record<string, string> = (() => {
    const m = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
        dependencies: Record<string, string>;
        devDependencies: Record<string, string>;
    };
    return { ...m.devDependencies, ...m.dependencies };
})();

function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "edf-bundle-unit-"));
}

function filesUnder(dir: string): string[] {
    return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
        .sort();
}

/** Every relative import of every .ts file in `dir`, resolved to an absolute path. */
function relativeTargets(dir: string): { file: string; specifier: string; resolved: string }[] {
    return filesUnder(dir)
        .filter((f) => f.endsWith(".ts"))
        .flatMap((f) =>
            moduleReferences(f, fs.readFileSync(path.join(dir, f), "utf8"))
                .filter((r) => isRelative(r.specifier))
                .map((r) => ({ file: f, specifier: r.specifier, resolved: path.resolve(path.dirname(path.join(dir, f)), r.specifier) })),
        );
}

describe("policy pack bundles", () => {
    let out: string;
    const bundles: Record<string, BundleResult> = {};

    before(() => {
        out = tempDir();
        for (const pack of ["pipeline", "runtime"])
            bundles[pack] = bundlePack({ packDir: path.join(ROOT, "policy-packs", pack), outDir: path.join(out, pack) });
    });
    after(() => fs.rmSync(out, { recursive: true, force: true }));

    for (const pack of ["pipeline", "runtime"]) {
        describe(`the ${pack} pack`, () => {
            it("is closed: every relative import stays in the folder, every bare import is a declared dependency", () => {
                assert.deepStrictEqual(bundleProblems(path.join(out, pack)), []);
                for (const t of relativeTargets(path.join(out, pack))) {
                    assert.ok(
                        !path.relative(path.join(out, pack), t.resolved).startsWith(".."),
                        `${t.file} imports ${t.specifier}, outside the bundle`,
                    );
                }
            });

            it("lists exactly the packages its sources and tsconfig need, at the root package.json's versions", () => {
                const manifest = JSON.parse(fs.readFileSync(path.join(out, pack, "package.json"), "utf8")) as {
                    name: string;
                    main: string;
                    dependencies: Record<string, string>;
                };
                const expected = [
                    "@pulumi/policy",
                    "@pulumi/pulumi",
                    "@types/node",
                    "ajv",
                    "ts-node",
                    "typescript",
                    // Both packs read the framework mappings (YAML) when run from the repository.
                    "yaml",
                ];
                assert.deepStrictEqual(Object.keys(manifest.dependencies), expected);
                for (const [name, version] of Object.entries(manifest.dependencies)) assert.strictEqual(version, ROOT_VERSIONS[name], name);
                assert.strictEqual(manifest.main, "index.ts");
                assert.strictEqual(manifest.name, `edf-${pack}-policies`);
            });

            it("carries the pack files unchanged next to the sources", () => {
                for (const f of ["PulumiPolicy.yaml", "tsconfig.json"])
                    assert.strictEqual(
                        fs.readFileSync(path.join(out, pack, f), "utf8"),
                        fs.readFileSync(path.join(ROOT, "policy-packs", pack, f), "utf8"),
                        f,
                    );
            });

            it("holds every source file the pack reaches and no other", () => {
                const written = filesUnder(path.join(out, pack)).filter(
                    (f) => !["PulumiPolicy.yaml", "package.json", "tsconfig.json"].includes(f),
                );
                assert.deepStrictEqual(written, [...bundles[pack].files]);
                // Sources kept their place, the shared ones went to vendor/ under their project path.
                for (const f of written) {
                    const source = f.startsWith("vendor/")
                        ? path.join(ROOT, f.slice("vendor/".length))
                        : path.join(ROOT, "policy-packs", pack, f);
                    assert.ok(fs.existsSync(source), `${f} comes from ${source}`);
                }
            });

            it("changes nothing in a source but the specifiers of imports that crossed the pack folder", () => {
                for (const f of bundles[pack].files.filter((x) => x.endsWith(".ts"))) {
                    const source = f.startsWith("vendor/")
                        ? path.join(ROOT, f.slice("vendor/".length))
                        : path.join(ROOT, "policy-packs", pack, f);
                    const strip = (text: string) =>
                        moduleReferences(f, text).reduceRight((t, r) => t.slice(0, r.start) + t.slice(r.end), text);
                    const bundled = fs.readFileSync(path.join(out, pack, f), "utf8");
                    assert.strictEqual(strip(bundled), strip(fs.readFileSync(source, "utf8")), f);
                }
            });
        });
    }

    it("brings the shared library into the pipeline pack and the pipeline's container helpers into the runtime pack", () => {
        assert.ok(bundles.pipeline.files.includes("vendor/policy-packs/lib/pack-entry.ts"));
        assert.ok(bundles.pipeline.files.includes("support/taggable-types.json"), "JSON imports are carried");
        assert.ok(bundles.runtime.files.includes("vendor/policy-packs/pipeline/support/containers.ts"));
        assert.ok(
            !bundles.runtime.files.some((f) => f.startsWith("vendor/policy-packs/pipeline/policies/")),
            "only what is reached, not whole folders",
        );
        assert.match(fs.readFileSync(path.join(out, "pipeline", "index.ts"), "utf8"), /from "\.\/vendor\/policy-packs\/lib\/pack-entry"/);
        assert.match(
            fs.readFileSync(path.join(out, "runtime", "support.ts"), "utf8"),
            /from "\.\/vendor\/policy-packs\/pipeline\/support\/containers"/,
        );
    });

    it("rebuilds over a previous bundle", () => {
        const again = bundlePack({ packDir: path.join(ROOT, "policy-packs", "runtime"), outDir: path.join(out, "runtime") });
        assert.deepStrictEqual(again.files, bundles.runtime.files);
    });
});

describe("the closedness check", () => {
    let dir: string;
    beforeEach(() => {
        dir = tempDir();
        fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
        fs.writeFileSync(path.join(dir, "tsconfig.json"), "{}\n");
        fs.writeFileSync(
            path.join(dir, "package.json"),
            JSON.stringify({ main: "index.ts", dependencies: { "@pulumi/policy": "1.21.0", "@types/sarif": "2.1.7" } }),
        );
        fs.mkdirSync(path.join(dir, "lib"));
        fs.writeFileSync(path.join(dir, "lib", "model.ts"), "export const x = 1;\n");
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("accepts relative imports inside the folder, declared packages, their @types and Node built-ins", () => {
        fs.writeFileSync(
            path.join(dir, "index.ts"),
            'import { x } from "./lib/model";\nimport { PolicyPack } from ' +
                '"@pulumi/policy";\nimport type * as sarif from "sarif";\nimport * as ' +
                'fs from "fs";\nimport * as p from "node:path";\n',
        );
        assert.deepStrictEqual(bundleProblems(dir), []);
    });

    it("reports an import that escapes the folder, one that names nothing, and an undeclared package", () => {
        fs.writeFileSync(
            path.join(dir, "index.ts"),
            'import { x } from "./lib/model";\nimport { y } from ' +
                '"../lib/model";\nconst z = require("./lib/gone");\nimport Ajv from "ajv";\n',
        );
        const problems = bundleProblems(dir);
        assert.strictEqual(problems.length, 3, problems.join("\n"));
        assert.match(problems[0], /^index\.ts:2: import `\.\.\/lib\/model` (names no file in the bundle|leaves the bundle)/);
        assert.match(problems[1], /^index\.ts:3: import `\.\/lib\/gone` names no file in the bundle/);
        assert.match(problems[2], /^index\.ts:4: import `ajv`: `ajv` is not a dependency in the bundle's package.json/);
    });

    it("reports an import that leaves the folder even when the target exists", () => {
        const outside = path.join(path.dirname(dir), `${path.basename(dir)}-shared.ts`);
        fs.writeFileSync(outside, "export const shared = 1;\n");
        try {
            fs.writeFileSync(path.join(dir, "index.ts"), `import { shared } from "../${path.basename(outside, ".ts")}";\n`);
            assert.deepStrictEqual(bundleProblems(dir), [
                `index.ts:1: import \`../${path.basename(outside, ".ts")}\` leaves the bundle (${outside}).`,
            ]);
        } finally {
            fs.rmSync(outside);
        }
    });

    it("reports missing pack files and a main that is not there", () => {
        fs.rmSync(path.join(dir, "tsconfig.json"));
        assert.deepStrictEqual(bundleProblems(dir), [`tsconfig.json is missing from the bundle ${dir}.`]);
        fs.writeFileSync(path.join(dir, "tsconfig.json"), "{}\n");
        assert.match(bundleProblems(dir).join("\n"), /`main` \(index\.ts\) is not a file inside the bundle/);
    });
});

describe("bundling refuses bad input and writes nothing", () => {
    let project: string;
    let pack: string;
    let outDir: string;
    beforeEach(() => {
        project = tempDir();
        pack = path.join(project, "packs", "demo");
        outDir = path.join(project, "dist", "demo");
        fs.mkdirSync(path.join(project, "packs", "shared"), { recursive: true });
        fs.mkdirSync(pack, { recursive: true });
        fs.writeFileSync(
            path.join(project, "package.json"),
            JSON.stringify({
                dependencies: { "@pulumi/policy": "1.21.0", "@pulumi/pulumi": "3.248.0" },
                devDependencies: { typescript: "5.9.3", "ts-node": "10.9.2", "@types/node": "20.19.43" },
            }),
        );
        fs.writeFileSync(path.join(pack, "PulumiPolicy.yaml"), "runtime: nodejs\n");
        fs.writeFileSync(
            path.join(pack, "package.json"),
            JSON.stringify({ name: "demo", version: "1.0.0", dependencies: { "@pulumi/policy": "1.21.0" } }),
        );
        fs.writeFileSync(path.join(project, "packs", "shared", "util.ts"), 'export { helper } from "./helper";\n');
        fs.writeFileSync(path.join(project, "packs", "shared", "helper.ts"), "export const helper = 1;\n");
        fs.writeFileSync(
            path.join(pack, "index.ts"),
            'import { PolicyPack } from "@pulumi/policy";\nimport { helper } from "../shared/util";\nexport { PolicyPack, helper };\n',
        );
    });
    afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

    it("bundles a minimal pack, writing the default tsconfig when the pack has none", () => {
        const result = bundlePack({ packDir: pack, outDir });
        assert.deepStrictEqual(result.files, ["index.ts", "vendor/packs/shared/helper.ts", "vendor/packs/shared/util.ts"]);
        assert.match(fs.readFileSync(path.join(outDir, "index.ts"), "utf8"), /from "\.\/vendor\/packs\/shared\/util"/);
        assert.strictEqual(
            fs.readFileSync(path.join(outDir, "vendor/packs/shared/util.ts"), "utf8"),
            'export { helper } from "./helper";\n',
        );
        assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(outDir, "tsconfig.json"), "utf8")).compilerOptions.types, ["node"]);
    });

    it("names the file, line and fix for a package the project does not declare", () => {
        fs.appendFileSync(path.join(pack, "index.ts"), 'import { parse } from "yaml";\n');
        assert.throws(
            () => bundlePack({ packDir: pack, outDir }),
            (e: BundleError) =>
                e instanceof BundleError &&
                /packs\/demo\/index\.ts:4: import `yaml` names `yaml`, which the root package.json does not declare: `npm install --save-exact yaml@<version>` first\./.test(
                    e.message,
                ),
        );
        assert.ok(!fs.existsSync(outDir));
    });

    it("names a relative import that resolves to nothing", () => {
        fs.appendFileSync(path.join(pack, "index.ts"), 'import "./missing";\n');
        assert.throws(
            () => bundlePack({ packDir: pack, outDir }),
            /packs\/demo\/index\.ts:4: import `\.\/missing` does not resolve to a file: fix the path\./,
        );
        assert.ok(!fs.existsSync(outDir));
    });

    it("refuses a folder without PulumiPolicy.yaml, and a pack version that differs from the project's", () => {
        fs.rmSync(path.join(pack, "PulumiPolicy.yaml"));
        assert.throws(() => bundlePack({ packDir: pack, outDir }), /PulumiPolicy\.yaml is missing: a policy pack folder needs it\./);
        fs.writeFileSync(path.join(pack, "PulumiPolicy.yaml"), "runtime: nodejs\n");
        fs.writeFileSync(path.join(pack, "package.json"), JSON.stringify({ dependencies: { "@pulumi/policy": "1.20.0" } }));
        assert.throws(() => bundlePack({ packDir: pack, outDir }), /`@pulumi\/policy` is 1\.20\.0 but the project pins 1\.21\.0/);
        assert.ok(!fs.existsSync(outDir));
    });

    it("refuses a range instead of an exact version", () => {
        fs.writeFileSync(
            path.join(project, "package.json"),
            JSON.stringify({
                dependencies: {
                    "@pulumi/policy": "^1.21.0",
                    "@pulumi/pulumi": "3.248.0",
                    typescript: "5.9.3",
                    "ts-node": "10.9.2",
                    "@types/node": "20.19.43",
                },
            }),
        );
        fs.writeFileSync(path.join(pack, "package.json"), JSON.stringify({ name: "demo" }));
        assert.throws(() => bundlePack({ packDir: pack, outDir }), /`@pulumi\/policy` is declared as `\^1\.21\.0`, not an exact version/);
    });

    it("will not wipe a folder that is not a bundle, nor write into the pack", () => {
        fs.mkdirSync(outDir, { recursive: true });
        fs.writeFileSync(path.join(outDir, "notes.txt"), "keep me");
        assert.throws(() => bundlePack({ packDir: pack, outDir }), /exists and is not a pack bundle/);
        assert.strictEqual(fs.readFileSync(path.join(outDir, "notes.txt"), "utf8"), "keep me");
        assert.throws(() => bundlePack({ packDir: pack, outDir: path.join(pack, "dist") }), /overlaps the pack folder/);
        assert.throws(() => bundlePack({ packDir: pack, outDir: path.dirname(pack) }), /overlaps the pack folder/);
    });
});

describe("module references", () => {
    it(
        "finds imports, re-exports, type imports, require and import() calls, " +
            "and import types — not look-alikes in comments or strings",
        () => {
            const text = [
                'import a from "./a";',
                'import type { B } from "./b";',
                'export * from "./c";',
                'export { d } from "./d";',
                'import e = require("./e");',
                'const f = require("./f");',
                'const g = import("./g");',
                'let h: import("./h").H;',
                '// import x from "./commented";',
                "const s = \"import y from './string'\";",
                'import "./side-effect";',
            ].join("\n");
            assert.deepStrictEqual(
                moduleReferences("x.ts", text).map((r) => r.specifier),
                ["./a", "./b", "./c", "./d", "./e", "./f", "./g", "./h", "./side-effect"],
            );
            const first = moduleReferences("x.ts", text)[0];
            assert.strictEqual(text.slice(first.start, first.end), "./a");
        },
    );

    it("names packages, their @types packages, built-ins and relative paths", () => {
        assert.strictEqual(packageNameOf("@pulumi/policy/proxy"), "@pulumi/policy");
        assert.strictEqual(packageNameOf("yaml"), "yaml");
        assert.strictEqual(packageNameOf("ajv/dist/2020"), "ajv");
        assert.strictEqual(typesPackageOf("sarif"), "@types/sarif");
        assert.strictEqual(typesPackageOf("@scope/pkg"), "@types/scope__pkg");
        assert.ok(isNodeBuiltin("fs") && isNodeBuiltin("node:path") && !isNodeBuiltin("yaml"));
        assert.ok(isRelative("./a") && isRelative("..") && !isRelative(".hidden") && !isRelative("a"));
    });
});
