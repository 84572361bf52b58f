import * as assert from "assert";
import * as path from "path";
import { bundlePathOf, rewriteImports, specifierBetween } from "../../../../policy-packs/tools/bundle/layout";

describe("bundle layout", () => {
    const root = path.join(path.sep, "repo");
    const pack = path.join(root, "policy-packs", "pipeline");

    it("keeps the pack's own files in place and puts the rest under vendor/ by project path", () => {
        assert.strictEqual(bundlePathOf(path.join(pack, "policies", "a.ts"), pack, root), "policies/a.ts");
        assert.strictEqual(
            bundlePathOf(path.join(root, "policy-packs", "lib", "model.ts"), pack, root),
            "vendor/policy-packs/lib/model.ts",
        );
        assert.throws(
            () => bundlePathOf(path.join(path.sep, "elsewhere", "x.ts"), pack, root),
            /lies outside the project \(\/repo\): move it into the project/,
        );
    });

    it("writes specifiers in the original's style", () => {
        assert.strictEqual(
            specifierBetween("policies/a.ts", "vendor/policy-packs/lib/model.ts", "../../lib/model"),
            "../vendor/policy-packs/lib/model",
        );
        assert.strictEqual(
            specifierBetween("index.ts", "vendor/policy-packs/lib/pack-entry.ts", "../lib/pack-entry"),
            "./vendor/policy-packs/lib/pack-entry",
        );
        assert.strictEqual(
            specifierBetween("support/taggable.ts", "support/taggable-types.json", "./taggable-types.json"),
            "./taggable-types.json",
        );
        assert.strictEqual(specifierBetween("index.ts", "vendor/x/index.ts", "../x"), "./vendor/x");
        assert.strictEqual(specifierBetween("a/b.ts", "a/index.ts", "."), ".");
        assert.strictEqual(specifierBetween("a/b.ts", "a/index.ts", "./index"), "./index");
        assert.strictEqual(specifierBetween("a/b.ts", "c.ts", "../c.js"), "../c.js");
        assert.strictEqual(specifierBetween("a.ts", "b.ts", "./b"), "./b");
    });

    it("rewrites only the specifiers that changed, leaving the rest of the text alone", () => {
        const text = 'import { a } from "../lib/model"; // "../lib/model" in a comment stays\nimport { b } from "./b";\n';
        const start = text.indexOf("../lib/model");
        const node = {
            file: path.join(pack, "index.ts"),
            text,
            locals: [
                {
                    specifier: "../lib/model",
                    start,
                    end: start + "../lib/model".length,
                    line: 1,
                    target: path.join(root, "policy-packs", "lib", "model.ts"),
                },
                { specifier: "./b", start: text.indexOf("./b"), end: text.indexOf("./b") + 3, line: 2, target: path.join(pack, "b.ts") },
            ],
            packages: [],
        };
        const out = rewriteImports(node, (f) => bundlePathOf(f, pack, root));
        assert.strictEqual(
            out,
            'import { a } from "./vendor/policy-packs/lib/model"; // "../lib/model" in a comment stays\nimport { b } from "./b";\n',
        );
    });
});
