import * as assert from "assert";
import * as fs from "fs";
import {
    CONTROLS_MATRIX_PATH,
    currentControlsMatrix,
    currentInspectorsDoc,
    INSPECTORS_DOC_PATH,
} from "../../../policy-packs/scripts/controls-matrix";
import { taggableTypes } from "../../../policy-packs/scripts/taggable-types";
import * as path from "path";
import taggable from "../../../policy-packs/pipeline/support/taggable-types.json";

describe("generated inspector docs and data", () => {
    it("docs/controls-matrix.md is up to date with the policies' metadata", () => {
        assert.strictEqual(fs.readFileSync(CONTROLS_MATRIX_PATH, "utf8"), currentControlsMatrix(), "run: npm run docs:controls");
    });
    it("docs/inspectors.md states the packs' policy counts and the frameworks' coverage as generated", () => {
        const text = fs.readFileSync(INSPECTORS_DOC_PATH, "utf8");
        assert.strictEqual(text, currentInspectorsDoc(text), "run: npm run docs:controls");
    });
    it("the taggable-types list matches the installed @pulumi/aws", () => {
        const root = path.dirname(require.resolve("@pulumi/aws/package.json"));
        assert.deepStrictEqual(
            taggable.types,
            taggableTypes(root),
            "run: npx ts-node --transpile-only policy-packs/scripts/taggable-types.ts",
        );
    });
});
