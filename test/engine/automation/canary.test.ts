import * as assert from "assert";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { RunningOpenBao, startOpenBao } from "../../support/servers";
import { Estate, prepareEstate, readTree, runEdf } from "./support/estate";
import { kvPut } from "./support/openbao";

// A canary secret goes from a real OpenBao server through `edf up` (the real CLI entry
// point, the real engine, the embedded file backend) into a dynamic resource. It must
// reach the resource, and nothing the driver or the engine writes may contain it.
describe("a canary secret injected from OpenBao", function () {
    this.timeout(300_000);
    let server: RunningOpenBao;
    let estate: Estate;
    const canary = `canary-${crypto.randomBytes(16).toString("hex")}`;
    let outputs: string[] = [];

    before(async () => {
        server = await startOpenBao();
        await kvPut(server, "canary/db", { password: canary });
        estate = prepareEstate("canary", { VAULT: server.url });
        const env = { EDF_TEST_VAULT_TOKEN: server.rootToken, EDF_TEST_RELEASE: "r-42" };
        const args = ["--env", estate.specFile, "--home", estate.home];
        const up = await runEdf(["up", "--yes", ...args], env);
        assert.strictEqual(up.code, 0, `${up.stdout}\n${up.stderr}`);
        const json = await runEdf(["--json", "outputs", ...args], env);
        assert.strictEqual(json.code, 0, json.stderr);
        const destroyPreview = await runEdf(["--json", "preview", ...args], env);
        assert.strictEqual(destroyPreview.code, 0, destroyPreview.stderr);
        outputs = [up.stdout, up.stderr, json.stdout, json.stderr, destroyPreview.stdout, destroyPreview.stderr];
    });
    after(async () => {
        estate?.remove();
        await server?.stop();
    });

    it("reaches the resource that needs it", () => {
        assert.strictEqual(estate.record("canary.consumer-secret-dbPassword"), canary);
        assert.strictEqual(estate.record("canary.consumer-0"), `canary:test/fixtures/units/records|release="r-42"`);
    });

    it("is in no output of the CLI, and `edf outputs` masks it", () => {
        for (const text of outputs) {
            assert.ok(!text.includes(canary), text);
            assert.ok(!text.includes(server.rootToken));
        }
        const printed = JSON.parse(outputs[2]!);
        assert.strictEqual(printed.consumer.secrets, "[secret]");
    });

    it("is in no engine log, run report or policy file of any run", () => {
        const runs = readTree(path.join(estate.home, "runs"));
        assert.ok(runs.some((f) => f.file.endsWith("report.json")) && runs.some((f) => f.file.endsWith(".log")));
        for (const { file, text } of runs) {
            assert.ok(!text.includes(canary), `canary in ${file}`);
            assert.ok(!text.includes(server.rootToken), `token in ${file}`);
        }
        const report = JSON.parse(fs.readFileSync(runs.find((f) => f.file.endsWith("report.json"))!.file, "utf8"));
        const provenance = report.stacks[0].inputs.find((i: { name: string }) => i.name === "dbPassword");
        assert.deepStrictEqual(provenance, {
            name: "dbPassword",
            source: "vault",
            key: "secret/canary/db#password",
            version: 1,
            secret: true,
            origin: "live",
        });
    });

    it("is only encrypted in the state and the stack config", () => {
        const files = [...readTree(path.join(estate.home, "backend")), ...readTree(path.join(estate.home, "workspaces"))];
        const state = files.find((f) => f.file.endsWith(path.join("stacks", "edf", "canary.consumer.json")));
        assert.ok(state, files.map((f) => f.file).join("\n"));
        for (const { file, text } of files) {
            assert.ok(!text.includes(canary), `canary in plain text in ${file}`);
        }
        assert.match(state!.text, /"ciphertext"/, "the secret is in the state, encrypted");
        const config = files.find((f) => f.file.endsWith("Pulumi.canary.consumer.yaml"))!;
        assert.match(config.text, /edf-input:dbPassword[\s\S]{0,20}secure:\s*'?v1:/);
    });
});
