import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { InputError } from "../../../../automation/inputs/types";
import { loadSampleInputs, SampleConsul, SampleVault } from "../../../../automation/synth/sample-inputs";

const folders: string[] = [];

function sampleFile(text: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-samples-"));
    folders.push(dir);
    const file = path.join(dir, "dev.yaml");
    fs.writeFileSync(file, text);
    return file;
}

const GOOD = `sampleValuesOnly: true
vault:
  secret/payments/db: { password: sample-password }
consul:
  edf/dev/payments/config: '{"logLevel": "debug"}'
  edf/dev/ledger/batchSize: "50"
  edf/dev/ledger/mode: fast
env:
  IMAGE_DIGEST: sha256:abc
`;

describe("synth: the sample inputs file", () => {
    after(() => {
        for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("reads Vault, Consul and env samples", () => {
        const samples = loadSampleInputs(sampleFile(GOOD), "dev.yaml");
        assert.deepEqual(samples.vault, { "secret/payments/db": { password: "sample-password" } });
        assert.equal(samples.env.IMAGE_DIGEST, "sha256:abc");
    });

    it("refuses a file that does not declare it holds sample values only", () => {
        assert.throws(
            () => loadSampleInputs(sampleFile("vault: {}\n"), "dev.yaml"),
            (e: unknown) =>
                e instanceof EdfError &&
                e.code === "EDF_SPEC_INVALID" &&
                e.problems.some((p) => p.path === "/sampleValuesOnly" && /sampleValuesOnly: true/.test(p.fix ?? "")),
        );
    });

    it("lists every problem at once, naming the key and the fix", () => {
        const text = "sampleValuesOnly: true\nvault:\n  payments: { password: x }\n  secret/a: nope\nconsul:\n  k: [1, 2]\nextra: 1\n";
        try {
            loadSampleInputs(sampleFile(text), "dev.yaml");
            assert.fail("expected an error");
        } catch (e) {
            assert.ok(e instanceof EdfError);
            assert.deepEqual(e.problems.map((p) => p.path).sort(), ["/consul/k", "/extra", "/vault/payments", "/vault/secret~1a"]);
            assert.ok(e.problems.every((p) => p.file === "dev.yaml" && p.fix));
        }
    });

    it("says where the file should be when it is missing", () => {
        assert.throws(
            () => loadSampleInputs("/nonexistent/samples/dev.yaml", "environments/samples/dev.yaml"),
            (e: unknown) => e instanceof EdfError && e.code === "EDF_SPEC_NOT_FOUND" && /environments\/samples\/dev\.yaml/.test(e.message),
        );
    });

    it("answers Vault reads like the driver's client, and names the missing secret or field", async () => {
        const vault = new SampleVault(loadSampleInputs(sampleFile(GOOD), "dev.yaml"), "secret");
        assert.deepEqual(await vault.readField("payments/db", "password"), { value: "sample-password", version: 1, mount: "secret" });
        await assert.rejects(
            vault.readField("payments/db", "user"),
            (e: unknown) => e instanceof InputError && /has no field `user`/.test(e.message) && /dev\.yaml/.test(e.fix),
        );
        await assert.rejects(
            vault.readField("ledger/api", "key"),
            (e: unknown) => e instanceof InputError && /no Vault secret `secret\/ledger\/api`/.test(e.message),
        );
    });

    it("answers Consul reads, JSON and recursive, like the driver's client", async () => {
        const consul = new SampleConsul(loadSampleInputs(sampleFile(GOOD), "dev.yaml"));
        assert.deepEqual((await consul.read("edf/dev/payments/config", { json: true })).value, { logLevel: "debug" });
        assert.deepEqual((await consul.read("edf/dev/ledger", { recurse: true })).value, { batchSize: "50", mode: "fast" });
        await assert.rejects(
            consul.read("edf/dev/ledger/mode", { json: true }),
            (e: unknown) => e instanceof InputError && /not valid JSON/.test(e.message),
        );
        await assert.rejects(
            consul.read("edf/dev/none"),
            (e: unknown) => e instanceof InputError && /no Consul key `edf\/dev\/none`/.test(e.message),
        );
    });
});
