import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { enforcementFromSpec } from "../../../../automation/policy/environment-policy";
import { loadPolicyList, packIdentity, packLocation, SDK_PIPELINE_PACK } from "../../../../automation/policy/pack";
import { PROJECT_ROOT } from "../../../support/toolchain";

const PACK = path.resolve(__dirname, "..", "..", "..", "..", "policy-packs", "pipeline");

describe("the policy module: pack and enforcement settings from the spec", () => {
    const ids = (...names: string[]) => names.map((id) => ({ id, enforcementLevel: "advisory" as const }));

    it("keeps the pack's own levels for the environment when the spec sets none", () => {
        assert.deepEqual(enforcementFromSpec(undefined, "prod", ids("a-b", "c-d")), {});
        assert.deepEqual(enforcementFromSpec({ enforcement: {} }, "prod", ids("a-b")), {});
    });

    it("turns `all` into every policy's level, as the engine's pack config does", () => {
        assert.deepEqual(enforcementFromSpec({ enforcement: { all: "advisory" } }, "dev", ids("a-b", "c-d")), {
            environments: { dev: { policies: { "a-b": "advisory", "c-d": "advisory" } } },
        });
    });

    it("lets a policy's own level win over `all`", () => {
        assert.deepEqual(enforcementFromSpec({ enforcement: { all: "mandatory", "c-d": "disabled" } }, "prod", ids("a-b", "c-d")), {
            environments: { prod: { policies: { "a-b": "mandatory", "c-d": "disabled" } } },
        });
    });

    it("leaves an opt-in policy (default level disabled) off under `all`, and on once the spec names it", () => {
        const policies = [...ids("a-b"), { id: "opt-in", enforcementLevel: "disabled" as const }];
        assert.deepEqual(enforcementFromSpec({ enforcement: { all: "mandatory" } }, "prod", policies), {
            environments: { prod: { policies: { "a-b": "mandatory" } } },
        });
        assert.deepEqual(enforcementFromSpec({ enforcement: { all: "mandatory", "opt-in": "mandatory" } }, "prod", policies), {
            environments: { prod: { policies: { "a-b": "mandatory", "opt-in": "mandatory" } } },
        });
    });

    it("loads the pipeline pack's policy list and identity", () => {
        const policies = loadPolicyList(path.join(PACK, "policy-list.ts"));
        assert.ok(policies.length > 40);
        assert.ok(policies.some((p) => p.id === "s3-bucket-public-access-blocked"));
        assert.deepEqual(packIdentity(PACK, PROJECT_ROOT), { name: "edf-pipeline", version: "0.1.0" });
    });

    it("reads a pack's manifest as every file is read: a FIFO or a link out of the project is refused, never waited on or quoted", () => {
        const outside = fs.mkdtempSync(path.join(os.tmpdir(), "edf-pack-outside-"));
        const pack = fs.mkdtempSync(path.join(PROJECT_ROOT, "policy-packs", ".edf-pack-test-"));
        try {
            fs.writeFileSync(path.join(outside, "package.json"), '{"version": "9.9.9-outside-secret"}');
            fs.symlinkSync(path.join(outside, "package.json"), path.join(pack, "package.json"));
            assert.throws(
                () => packIdentity(pack, PROJECT_ROOT, { file: "environments/dev.yaml", path: "/policy/pack", line: 14 }),
                (e: unknown) =>
                    e instanceof EdfError &&
                    e.problems[0]!.line === 14 &&
                    /outside the project/.test(e.problems[0]!.message) &&
                    !JSON.stringify(e).includes("outside-secret"),
            );
            fs.rmSync(path.join(pack, "package.json"));
            execFileSync("mkfifo", [path.join(pack, "package.json")]);
            assert.throws(
                () => packIdentity(pack, PROJECT_ROOT),
                (e: unknown) => e instanceof EdfError && /a named pipe \(FIFO\), not a regular file/.test(e.problems[0]!.message),
            );
        } finally {
            fs.rmSync(pack, { recursive: true, force: true });
            fs.rmSync(outside, { recursive: true, force: true });
        }
    });

    it("judges a project without a pack of its own with the SDK's pipeline pack", () => {
        const project = fs.mkdtempSync(path.join(os.tmpdir(), "edf-no-pack-"));
        try {
            const location = packLocation(undefined, project);
            assert.strictEqual(location.dir, SDK_PIPELINE_PACK);
            assert.strictEqual(location.display, "@edf/platform-sdk/policy-packs/pipeline");
            assert.ok(fs.existsSync(location.policyModule));
            assert.strictEqual(packLocation("policy-packs/pipeline", project).dir, path.join(project, "policy-packs", "pipeline"));
        } finally {
            fs.rmSync(project, { recursive: true, force: true });
        }
    });

    it("reads a compiled pack's name from its index.js", () => {
        const pack = fs.mkdtempSync(path.join(os.tmpdir(), "edf-compiled-pack-"));
        try {
            fs.writeFileSync(path.join(pack, "index.js"), 'new policy_1.PolicyPack("edf-pipeline", { policies: [] });\n');
            fs.writeFileSync(path.join(pack, "package.json"), '{ "version": "1.2.3" }');
            assert.deepStrictEqual(packIdentity(pack, pack), { name: "edf-pipeline", version: "1.2.3" });
        } finally {
            fs.rmSync(pack, { recursive: true, force: true });
        }
    });
});
