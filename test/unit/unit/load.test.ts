import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_UNIT_ROOTS, loadUnitProgram, resolveUnitProgramPath, unitRoots } from "../../../unit/load";

describe("unit loading", () => {
    let root: string;

    before(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "edf-units-"));
        fs.mkdirSync(path.join(root, "platform", "network"), { recursive: true });
        fs.writeFileSync(path.join(root, "platform", "network", "program.js"), "exports.default = () => ({ ok: true });");
        fs.mkdirSync(path.join(root, "services", "broken"), { recursive: true });
        fs.writeFileSync(path.join(root, "services", "broken", "program.js"), "exports.notDefault = 1;");
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it("resolves a unit folder to its program file", () => {
        assert.strictEqual(resolveUnitProgramPath("platform/network", root), path.join(root, "platform", "network", "program.js"));
    });

    it("rejects a unit outside the unit roots, naming the allowed roots", () => {
        assert.throws(() => resolveUnitProgramPath("scripts/evil", root), /must live under one of: `platform\/`/);
    });

    it("rejects a path that climbs out of the project", () => {
        assert.throws(() => resolveUnitProgramPath("platform/../../etc", root), /project-relative folder/);
        assert.throws(() => resolveUnitProgramPath("/etc/passwd", root), /project-relative folder/);
    });

    it("names the missing program file", () => {
        assert.throws(() => resolveUnitProgramPath("services/ghost", root), /has no program: expected `services\/ghost\/program.ts`/);
    });

    it("loads a program's default export and rejects a module without one", () => {
        const program = loadUnitProgram("platform/network", root);
        assert.strictEqual(typeof program, "function");
        assert.throws(() => loadUnitProgram("services/broken", root), /must `export default defineUnit/);
    });

    it("takes its roots from the defaults plus EDF_UNIT_ROOTS, and names the variable when a unit is outside them", () => {
        assert.deepStrictEqual(DEFAULT_UNIT_ROOTS, ["platform", "services"]);
        assert.deepStrictEqual(unitRoots({}), ["platform", "services"]);
        assert.deepStrictEqual(unitRoots({ EDF_UNIT_ROOTS: `examples/units/${path.delimiter}test/fixtures/units` }), [
            "platform",
            "services",
            "examples/units",
            "test/fixtures/units",
        ]);
        fs.mkdirSync(path.join(root, "examples", "units", "demo"), { recursive: true });
        fs.writeFileSync(path.join(root, "examples", "units", "demo", "program.js"), "exports.default = () => ({});");
        assert.throws(() => resolveUnitProgramPath("examples/units/demo", root, unitRoots({})), /more roots: `EDF_UNIT_ROOTS`/);
        const roots = unitRoots({ EDF_UNIT_ROOTS: "examples/units" });
        assert.strictEqual(
            resolveUnitProgramPath("examples/units/demo", root, roots),
            path.join(root, "examples", "units", "demo", "program.js"),
        );
    });
});
