import * as assert from "assert";
import { inspect } from "../../../../../../policy-packs/lib/inspect";
import { pipelinePolicies } from "../../../../../../policy-packs/pipeline/policy-list";
import { ESTATE_CONFIG } from "../../../../../fixtures/policy/estate";
import { identityEstate } from "../../../../../fixtures/policy/identity-estate";

describe("the identity estate", () => {
    it("raises nothing across the whole pipeline pack in prod: realistic documents, keys and trails pass every policy", async () => {
        const result = await inspect({
            policies: pipelinePolicies,
            resources: identityEstate(),
            environment: "prod",
            config: ESTATE_CONFIG,
            now: new Date("2026-11-27T00:00:00Z"),
        });
        assert.deepStrictEqual(
            result.findings.map((f) => `${f.policyId}: ${f.message}`),
            [],
        );
    });
});
