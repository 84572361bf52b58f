import * as assert from "assert";
import { resolveUnitInputs, InputSources } from "../../../../automation/inputs/resolve";
import { ConsulClient } from "../../../../automation/inputs/consul";
import { Redactor } from "../../../../automation/redact";
import { parseSpec } from "../../../../automation/spec/load";
import { ConsulKvDouble } from "../support/consul-kv-double";

const SPEC = `environment: dev
injectors:
  consul: { address: "http://127.0.0.1:1" }
units:
  network:
    path: platform/network
  api:
    path: services/api
    inputs:
      vpcId: { from: stack, unit: network, output: vpcId }
      subnet: { from: stack, unit: network, output: subnetId }
      sha: { from: env, name: GIT_SHA }
      token: { from: env, name: API_TOKEN, secret: true }
      flags: { from: consul, key: edf/dev/flags, json: true }
      region: { from: env, name: NOT_SET_ANYWHERE }
`;

describe("resolving a unit's inputs", () => {
    let consul: ConsulKvDouble;
    let address: string;
    before(async () => {
        consul = new ConsulKvDouble();
        consul.put("edf/dev/flags", '{"beta":true}');
        address = await consul.start();
    });
    after(async () => consul.stop());

    const loaded = parseSpec(SPEC, "environments/dev.yaml");
    const sources = (outputs: Record<string, { value: unknown; secret: boolean }> | undefined): InputSources => ({
        env: { GIT_SHA: "abc123", API_TOKEN: "tok-123456" },
        consul: new ConsulClient({ address }, new Redactor(), {}),
        readStackOutputs: async () => outputs,
        stackNameOf: (unit) => `dev.${unit}`,
    });

    it("resolves every source, marks secrets and records provenance without values", async () => {
        const result = await resolveUnitInputs(
            loaded,
            "api",
            sources({ vpcId: { value: "vpc-1", secret: false }, subnetId: { value: "subnet-1", secret: true } }),
            new Set(),
            ["vpcId", "subnet", "sha", "token", "flags"],
        );
        assert.deepStrictEqual(result.problems, []);
        assert.deepStrictEqual(
            result.resolved.map((r) => [r.name, r.value, r.secret]),
            [
                ["flags", { beta: true }, false],
                ["sha", "abc123", false],
                ["subnet", "subnet-1", true],
                ["token", "tok-123456", true],
                ["vpcId", "vpc-1", false],
            ],
        );
        assert.deepStrictEqual(result.resolved.find((r) => r.name === "flags")!.provenance, {
            source: "consul",
            key: "edf/dev/flags",
            modifyIndex: 2,
            index: 2,
            secret: false,
        });
        for (const r of result.resolved) {
            assert.ok(!JSON.stringify(r.provenance).includes(String(r.value)), `${r.name}'s provenance holds its value`);
        }
    });

    it("lists every problem at once, each with file, path, line and fix", async () => {
        const result = await resolveUnitInputs(loaded, "api", sources({ vpcId: { value: "vpc-1", secret: false } }), new Set());
        const byInput = Object.fromEntries(result.problems.map((p) => [p.path, p]));
        assert.deepStrictEqual(Object.keys(byInput).sort(), ["/units/api/inputs/region", "/units/api/inputs/subnet"]);
        const subnet = byInput["/units/api/inputs/subnet"]!;
        assert.strictEqual(subnet.file, "environments/dev.yaml");
        assert.strictEqual(subnet.line, 11);
        assert.match(subnet.message, /stack `dev.network` has no output `subnetId`/);
        assert.match(subnet.fix!, /`vpcId`/);
        assert.match(byInput["/units/api/inputs/region"]!.message, /`NOT_SET_ANYWHERE` is not set/);
    });

    it("defers stack inputs whose producer runs earlier in the same run", async () => {
        const result = await resolveUnitInputs(loaded, "api", sources(undefined), new Set(["network"]), ["vpcId", "subnet", "sha"]);
        assert.deepStrictEqual(result.deferred.sort(), ["subnet", "vpcId"]);
        assert.deepStrictEqual(
            result.resolved.map((r) => r.name),
            ["sha"],
        );
        assert.deepStrictEqual(result.problems, []);
    });

    it("names a producer that was never deployed and how to deploy it", async () => {
        const result = await resolveUnitInputs(loaded, "api", sources(undefined), new Set(), ["vpcId"]);
        assert.match(result.problems[0]!.message, /`dev.network` has not been deployed/);
        assert.match(result.problems[0]!.fix!, /edf up --only network/);
    });
});
