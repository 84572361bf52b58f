import * as assert from "assert";
import { ConsulClient } from "../../../../automation/inputs/consul";
import { InputError } from "../../../../automation/inputs/types";
import { Redactor } from "../../../../automation/redact";
import { ConsulKvDouble } from "../support/consul-kv-double";
import { rejectsWith } from "../../../support/assertions";

// No openly licensed Consul server can be installed here (Consul is BSL-licensed and no
// registry on this machine ships it): these tests run against a contract double of
// Consul's documented KV HTTP API (test/unit/automation/support/consul-kv-double.ts).
describe("the Consul injector against a double of Consul's KV HTTP API", () => {
    let consul: ConsulKvDouble;
    let url: string;

    beforeEach(async () => {
        consul = new ConsulKvDouble();
        consul.put("edf/dev/network/vpc-id", "vpc-0abc");
        consul.put("edf/dev/flags", JSON.stringify({ fastCheckout: true }));
        consul.put("edf/dev/ledger/batch-size", "500");
        consul.put("edf/dev/ledger/queue", "ledger-q");
        url = await consul.start();
    });
    afterEach(async () => consul.stop());

    const client = (env: NodeJS.ProcessEnv = {}, extra: { datacenter?: string } = {}, redactor = new Redactor()): ConsulClient =>
        new ConsulClient({ address: url, ...extra }, redactor, env);

    const inputError = (promise: Promise<unknown>): Promise<InputError> => rejectsWith(promise, InputError);

    it("the double follows the API: `?raw`, `?recurse`, `X-Consul-Index` and a 404 for a missing key", async () => {
        const raw = await fetch(`${url}/v1/kv/edf/dev/network/vpc-id?raw`);
        assert.strictEqual(await raw.text(), "vpc-0abc");
        assert.ok(Number(raw.headers.get("x-consul-index")) >= 5);
        const recurse = (await (await fetch(`${url}/v1/kv/edf/dev/ledger?recurse`)).json()) as { Key: string }[];
        assert.deepStrictEqual(
            recurse.map((e) => e.Key),
            ["edf/dev/ledger/batch-size", "edf/dev/ledger/queue"],
        );
        assert.strictEqual((await fetch(`${url}/v1/kv/nothing/here`)).status, 404);
    });

    it("reads a key's value with its ModifyIndex and the response's X-Consul-Index", async () => {
        const read = await client().read("edf/dev/network/vpc-id");
        assert.strictEqual(read.value, "vpc-0abc");
        assert.strictEqual(read.modifyIndex, 2);
        assert.strictEqual(read.index, 5);
    });

    it("parses JSON values when asked", async () => {
        assert.deepStrictEqual((await client().read("edf/dev/flags", { json: true })).value, { fastCheckout: true });
    });

    it("reads a prefix recursively into an object keyed by the rest of each key", async () => {
        const read = await client().read("edf/dev/ledger", { recurse: true });
        assert.deepStrictEqual(read.value, { "batch-size": "500", queue: "ledger-q" });
        assert.strictEqual(read.modifyIndex, 5);
    });

    it("names a missing key and how to write it", async () => {
        const error = await inputError(client().read("edf/dev/missing"));
        assert.match(error.message, /Consul key `edf\/dev\/missing` does not exist/);
        assert.match(error.fix, /consul kv put edf\/dev\/missing/);
    });

    it("sends the ACL token, and a 403 names the policy to grant without printing the token", async () => {
        consul.tokens.set("good-token-123", ["edf/dev/network/"]);
        assert.strictEqual((await client({ CONSUL_HTTP_TOKEN: "good-token-123" }).read("edf/dev/network/vpc-id")).value, "vpc-0abc");
        assert.strictEqual(consul.requests.at(-1)!.token, "good-token-123");
        const denied = await inputError(client({ CONSUL_HTTP_TOKEN: "good-token-123" }).read("edf/dev/flags"));
        assert.match(denied.message, /denied.*403/);
        assert.match(denied.fix, /key_prefix "edf\/dev\/flags"/);
        const unknown = await inputError(client({ CONSUL_HTTP_TOKEN: "wrong-token-456" }).read("edf/dev/flags"));
        assert.ok(!`${unknown.message} ${unknown.fix}`.includes("wrong-token-456"));
    });

    it("reads from the configured datacenter", async () => {
        assert.strictEqual((await client({}, { datacenter: "dc1" }).read("edf/dev/network/vpc-id")).value, "vpc-0abc");
        assert.match(consul.requests.at(-1)!.url, /dc=dc1/);
        const error = await inputError(client({}, { datacenter: "dc9" }).read("edf/dev/network/vpc-id"));
        assert.match(error.message, /answered 500/);
    });

    it("names an unreachable server", async () => {
        const error = await inputError(new ConsulClient({ address: "http://127.0.0.1:1" }, new Redactor(), {}).read("a"));
        assert.match(error.message, /cannot reach Consul at `http:\/\/127.0.0.1:1`/);
    });
});
