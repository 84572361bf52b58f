import * as assert from "assert";
import * as path from "path";
import { enforcementFromSpec } from "../../../../automation/policy/environment-policy";
import { loadPolicyList, packIdentity } from "../../../../automation/policy/pack";

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
        assert.deepEqual(packIdentity(PACK), { name: "edf-pipeline", version: "0.1.0" });
    });
});
