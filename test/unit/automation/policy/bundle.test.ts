import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { bundlePolicyPacks, packFolders } from "../../../../automation/policy/bundle";
import { ENVIRONMENTS_FILE } from "../../../../policy-packs/lib/environment-settings";
import { PROJECT_ROOT } from "../../../support/toolchain";

describe("policy: bundling the packs for publishing", () => {
    let out: string;

    beforeEach(() => {
        out = fs.mkdtempSync(path.join(os.tmpdir(), "edf-policy-bundle-"));
    });

    afterEach(() => {
        fs.rmSync(out, { recursive: true, force: true });
    });

    it("finds the packs by their PulumiPolicy.yaml", () => {
        assert.deepEqual(packFolders(PROJECT_ROOT), ["pipeline", "runtime"]);
    });

    // Which settings a bundle carries is the policy module's (publishedSettings): the engine's
    // one-verdict test runs a bundled pack with them. Here: where the bundle and its settings go.
    it("bundles a pack into <out>/<pack> with its environments' settings file", () => {
        const [runtime] = bundlePolicyPacks({ projectRoot: PROJECT_ROOT, packs: ["runtime"], outDir: out, specFiles: [] });
        assert.equal(runtime!.outDir, path.join(out, "runtime"));
        assert.ok(fs.existsSync(path.join(out, "runtime", "PulumiPolicy.yaml")));
        assert.ok(runtime!.files > 0 && runtime!.dependencies["@pulumi/policy"], JSON.stringify(runtime));
        assert.deepEqual(runtime!.environments, []);
        assert.deepEqual(JSON.parse(fs.readFileSync(path.join(out, "runtime", ENVIRONMENTS_FILE), "utf8")), {});
    });

    it("refuses a pack that is not one, naming the packs, and writes nothing", () => {
        assert.throws(
            () => bundlePolicyPacks({ projectRoot: PROJECT_ROOT, packs: ["runtime", "nope"], outDir: out }),
            (e: EdfError) =>
                e.code === "EDF_USAGE" &&
                e.problems.length === 1 &&
                /`nope` is not a pack folder/.test(e.problems[0]!.message) &&
                /pipeline, runtime/.test(e.problems[0]!.fix!),
        );
        assert.deepEqual(fs.readdirSync(out), []);
    });
});
