import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { loadSpec, parseSpec } from "../../../../automation/spec/load";
import { PROJECT_ROOT } from "../../../support/toolchain";

const UNITS = "units:\n  network:\n    path: platform/network\n";
const WAIVERS = `waivers:
  - id: W-1
    policy: s3-bucket-kms-encrypted
    selector: { type: "aws:s3/bucket:Bucket" }
    reason: a reason long enough to be reviewed
    owner: team-platform
    ticket: PLAT-1
    expires: "2099-12-31"
`;

function rejection(fn: () => unknown): EdfError {
    try {
        fn();
    } catch (error) {
        assert.ok(error instanceof EdfError);
        return error;
    }
    assert.fail("expected the spec to be rejected");
}

describe("the spec's `policy.waivers`", () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-spec-waivers-"));
        fs.mkdirSync(path.join(dir, "waivers"));
        fs.writeFileSync(path.join(dir, "waivers", "a.yaml"), WAIVERS);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    function write(policy: string): string {
        const file = path.join(dir, "env.yaml");
        fs.writeFileSync(file, `environment: prod\npolicy:\n${policy}\n${UNITS}`);
        return file;
    }

    it("accepts one path relative to the spec file and returns it as an absolute list", () => {
        const loaded = loadSpec(write("  waivers: waivers/a.yaml"), PROJECT_ROOT);
        assert.deepStrictEqual(loaded.spec.policy?.waivers, [path.join(dir, "waivers", "a.yaml")]);
    });

    it("accepts a list of paths, `..` included", () => {
        fs.mkdirSync(path.join(dir, "env"));
        const file = path.join(dir, "env", "env.yaml");
        fs.writeFileSync(file, `environment: prod\npolicy:\n  waivers: [../waivers/a.yaml]\n${UNITS}`);
        assert.deepStrictEqual(loadSpec(file, PROJECT_ROOT).spec.policy?.waivers, [path.join(dir, "waivers", "a.yaml")]);
    });

    it("rejects an absolute path or a file that is not YAML/JSON, naming the field, line and fix", () => {
        const error = rejection(() => loadSpec(write("  waivers: [/etc/waivers.yaml, waivers/a.txt]"), PROJECT_ROOT));
        assert.deepStrictEqual(
            error.problems.map((p) => [p.path, p.line]),
            [
                ["/policy/waivers/0", 3],
                ["/policy/waivers/1", 3],
            ],
        );
        assert.ok(error.problems.every((p) => p.fix?.includes("relative to the spec file")));
    });

    it("rejects a waiver file that does not exist, naming the entry, line and fix", () => {
        const error = rejection(() => loadSpec(write("  waivers:\n    - waivers/a.yaml\n    - waivers/gone.yaml"), PROJECT_ROOT));
        assert.strictEqual(error.code, "EDF_SPEC_INVALID");
        assert.deepStrictEqual(
            error.problems.map((p) => [p.path, p.line]),
            [["/policy/waivers/1", 5]],
        );
        assert.match(error.problems[0]!.message, /waiver file `waivers\/gone.yaml` does not exist/);
    });

    it("leaves a spec without waivers as it was", () => {
        const loaded = parseSpec(`environment: dev\n${UNITS}`, "environments/dev.yaml");
        assert.strictEqual(loaded.spec.policy, undefined);
    });

    it("resolves the example prod estate's waiver file", () => {
        const loaded = loadSpec(path.join(PROJECT_ROOT, "environments", "prod.yaml"), PROJECT_ROOT);
        assert.deepStrictEqual(loaded.spec.policy?.waivers, [path.join(PROJECT_ROOT, "environments", "waivers", "prod.yaml")]);
    });
});
