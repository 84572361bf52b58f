import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findProjectRoot, projectName, projectRoot, PROJECT_ROOT_ENV } from "../../../unit/project";

describe("unit/project: the consumer's project, not the SDK's folder", () => {
    let scratch: string;
    beforeEach(() => {
        scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "edf-project-")));
    });
    afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

    it("finds the nearest folder holding Pulumi.yaml, upward from a subfolder", () => {
        fs.writeFileSync(path.join(scratch, "Pulumi.yaml"), "name: shop\nruntime: nodejs\n");
        const deep = path.join(scratch, "services", "orders");
        fs.mkdirSync(deep, { recursive: true });
        assert.strictEqual(findProjectRoot(deep), scratch);
        assert.strictEqual(projectRoot({}, deep), scratch);
    });

    it("takes EDF_PROJECT_ROOT over the working directory (what the driver's threads and processes inherit)", () => {
        assert.strictEqual(projectRoot({ [PROJECT_ROOT_ENV]: scratch }, "/"), scratch);
    });

    it("says how to get a project when there is none above the working directory", () => {
        assert.strictEqual(findProjectRoot(scratch), findProjectRoot(path.dirname(scratch)));
        if (findProjectRoot(scratch) === undefined) {
            assert.throws(() => projectRoot({}, scratch), /No Pulumi project here: no `Pulumi.yaml` in .* `--project <dir>`.*`edf init`/);
        }
    });

    it("reads the project name from the project's Pulumi.yaml", () => {
        fs.writeFileSync(path.join(scratch, "Pulumi.yaml"), "# a comment\nname: shop-platform\nruntime: nodejs\n");
        assert.strictEqual(projectName(scratch), "shop-platform");
    });

    it("rejects a Pulumi.yaml whose name is not a project name, naming the file", () => {
        fs.writeFileSync(path.join(scratch, "Pulumi.yaml"), "name: shop platform\n");
        assert.throws(
            () => projectName(scratch),
            (e: Error) => e.message.includes(path.join(scratch, "Pulumi.yaml")) && /`name` must be/.test(e.message),
        );
    });

    it("rejects a project root without Pulumi.yaml", () => {
        assert.throws(() => projectName(scratch), /No `Pulumi.yaml` in .*`edf init`/);
    });
});
