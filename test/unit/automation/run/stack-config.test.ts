import * as assert from "assert";
import { stackConfig } from "../../../../automation/run/stack-config";
import type { EnvironmentSpec } from "../../../../automation/spec/types";

describe("stack config from the spec", () => {
    const spec: EnvironmentSpec = {
        environment: "dev",
        region: "eu-west-1",
        account: "111111111111",
        tags: { team: "payments" },
        units: { api: { path: "services/api", config: { desiredCount: 2, image: "api:1" } } },
    };

    it("selects the unit, carries the environment facts and writes non-strings as JSON", () => {
        const config = stackConfig(spec, "api", [
            { name: "vpcId", value: "vpc-1", secret: false, provenance: { source: "stack", key: "dev.network#vpcId", secret: false } },
            {
                name: "dbPassword",
                value: "s3cret",
                secret: true,
                provenance: { source: "vault", key: "secret/db#password", version: 3, secret: true },
            },
        ]);
        assert.deepStrictEqual(config, {
            "edf:unit": { value: "services/api" },
            "edf:environment": { value: "dev" },
            "edf:region": { value: "eu-west-1" },
            "aws:region": { value: "eu-west-1" },
            "edf:account": { value: "111111111111" },
            "aws:allowedAccountIds": { value: '["111111111111"]' },
            "edf:tags": { value: '{"team":"payments"}' },
            "aws:defaultTags": { value: '{"tags":{"team":"payments"}}' },
            "edf:desiredCount": { value: "2" },
            "edf:image": { value: "api:1" },
            "edf-input:vpcId": { value: '"vpc-1"', secret: false },
            "edf-input:dbPassword": { value: '"s3cret"', secret: true },
        });
    });
});
