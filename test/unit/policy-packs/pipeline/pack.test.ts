import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { inspect } from "../../../../policy-packs/lib/inspect";
import { validatePolicyMetadata } from "../../../../policy-packs/lib/model";
import { pipelinePolicies } from "../../../../policy-packs/pipeline/policy-list";
import { compliantEstate, ESTATE_CONFIG } from "../../../fixtures/policy/estate";
import { COMPUTE_PINS } from "./pins/compute";
import { CORE_PINS, Pin } from "./pins/core";
import { DATA_PINS } from "./pins/data";
import { IDENTITY_PINS } from "./pins/identity";
import { INFRA_PINS } from "./pins/infra";
import { ORGANIZATION_PINS } from "./pins/organization";
import { STORAGE_PINS } from "./pins/storage";

// id → [default level, severity, waivable]: changing any is a reviewed decision. Which controls a
// policy evidences is the framework mappings' to say (test/unit/policy-packs/frameworks.test.ts).
const PINNED: Record<string, Pin> = {
    ...CORE_PINS,
    ...COMPUTE_PINS,
    ...DATA_PINS,
    ...STORAGE_PINS,
    ...INFRA_PINS,
    ...IDENTITY_PINS,
    ...ORGANIZATION_PINS,
};

describe("the pipeline pack", () => {
    it("pins every policy id, level, severity and waivability", () => {
        const actual: typeof PINNED = {};
        for (const p of pipelinePolicies) actual[p.id] = [p.enforcementLevel, p.severity, p.waivable];
        assert.deepStrictEqual(actual, PINNED);
    });

    it("has sound metadata (kebab-case unique ids, 'Checks whether', defaults for every config property)", () => {
        assert.deepStrictEqual(validatePolicyMetadata(pipelinePolicies), []);
    });

    it("keeps one policy per file, named by its id", () => {
        const dir = path.join(__dirname, "../../../../policy-packs/pipeline/policies");
        const files = fs
            .readdirSync(dir)
            .filter((f) => f.endsWith(".ts"))
            .map((f) => f.replace(/\.ts$/, ""))
            .sort();
        assert.deepStrictEqual(files, pipelinePolicies.map((p) => p.id).sort());
        for (const id of files) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- one module per policy file, found by reading the folder
            const mod = require(path.join(dir, id)) as Record<string, { id?: string }>;
            assert.ok(
                Object.values(mod).some((v) => v?.id === id),
                `${id}.ts must export the policy with id ${id}`,
            );
        }
    });

    it("makes digest pinning mandatory in prod and advisory in dev", async () => {
        const pinned = pipelinePolicies.find((p) => p.id === "ecs-image-pinned-by-digest");
        assert.deepStrictEqual(pinned?.environmentLevels, { prod: "mandatory", production: "mandatory" });
    });

    it("raises nothing on the compliant production estate", async () => {
        const result = await inspect({
            policies: pipelinePolicies,
            resources: compliantEstate(),
            environment: "prod",
            config: ESTATE_CONFIG,
            now: new Date("2026-11-27T00:00:00Z"),
        });
        assert.deepStrictEqual(
            result.findings.map((f) => `${f.policyId}: ${f.message}`),
            [],
        );
        assert.strictEqual(result.summary.passed, true);
        assert.strictEqual(result.summary.evaluations, compliantEstate().length * pipelinePolicies.length);
    });
});
