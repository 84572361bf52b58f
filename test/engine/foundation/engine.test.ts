// The foundation's proof that the real Pulumi engine works here: the CLI built by
// scripts/toolchain.sh, a file backend in a temporary folder, passphrase secrets, and
// programs made of engine-native parts (no cloud, no provider plugin).
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { EngineEvent } from "@pulumi/pulumi/automation";
import { Echo } from "../../fixtures/engine/echo";
import { FileRecord } from "../../fixtures/engine/record";
import { createTempBackend, inlineStack, listStacks, TempBackend } from "../../support/engine";
import { PROJECT_ROOT } from "../../support/toolchain";

const PROBE_PACK = path.join(PROJECT_ROOT, "test", "fixtures", "policy-packs", "probe");

describe("the real Pulumi engine (foundation)", () => {
    let backend: TempBackend;

    beforeEach(() => {
        backend = createTempBackend();
    });
    afterEach(() => backend.remove());

    it("takes an inline program of components up, updates it, destroys it and removes the stack", async () => {
        // GIVEN an inline program whose component echoes a message
        let message = "first";
        const program = async () => {
            const echo = new Echo("greeting", { message, children: 2 });
            return { message: echo.message, shout: echo.shout };
        };
        const stack = await inlineStack(backend, "components", program);

        // WHEN it goes up
        const created = await stack.up();
        // THEN the stack, the component and its two children exist, with outputs
        assert.strictEqual(created.summary.result, "succeeded");
        assert.strictEqual(created.summary.resourceChanges?.create, 4);
        assert.strictEqual(created.outputs.shout.value, "FIRST");

        // WHEN the message changes
        message = "second";
        const updated = await stack.up();
        assert.strictEqual(updated.outputs.message.value, "second");
        assert.strictEqual(updated.outputs.shout.value, "SECOND");

        // WHEN it is destroyed and removed
        const destroyed = await stack.destroy();
        assert.strictEqual(destroyed.summary.resourceChanges?.delete, 4);
        await stack.workspace.removeStack("components");
        assert.deepStrictEqual(await listStacks(backend), []);
    });

    it("lets a second stack read the first through a StackReference", async () => {
        const producer = await inlineStack(backend, "producer", async () => {
            const echo = new Echo("fact", { message: "subnet-0123" });
            return { subnetId: echo.message };
        });
        await producer.up();

        const consumer = await inlineStack(backend, "consumer", async () => {
            const ref = new pulumi.StackReference("organization/edf/producer");
            const subnetId = ref.requireOutput("subnetId");
            const echo = new Echo("user", { message: pulumi.interpolate`uses ${subnetId}` });
            return { uses: echo.message };
        });
        const result = await consumer.up();
        assert.strictEqual(result.outputs.uses.value, "uses subnet-0123");
    });

    it("creates, updates and deletes a dynamic-provider resource", async () => {
        const store = path.join(backend.dir, "records");
        const file = path.join(store, "greeting.json");
        let value = "v1";
        const stack = await inlineStack(backend, "dynamic", async () => {
            const record = new FileRecord("greeting", { dir: store, key: "greeting", value });
            return { value: record.value };
        });

        const created = await stack.up();
        assert.strictEqual(created.outputs.value.value, "v1");
        assert.deepStrictEqual(JSON.parse(fs.readFileSync(file, "utf8")), { value: "v1" });

        value = "v2";
        const updated = await stack.up();
        assert.strictEqual(updated.summary.resourceChanges?.update, 1);
        assert.strictEqual(updated.outputs.value.value, "v2");
        assert.deepStrictEqual(JSON.parse(fs.readFileSync(file, "utf8")), { value: "v2" });

        await stack.destroy();
        assert.strictEqual(fs.existsSync(file), false);
    });

    it("fails a preview through a mandatory policy and only warns through an advisory one", async () => {
        // GIVEN a stack whose component breaks the probe pack's mandatory policy
        const forbidden = await inlineStack(backend, "forbidden", async () => {
            new Echo("forbidden", { message: "x" });
        });
        // THEN the preview fails, naming the policy
        await assert.rejects(forbidden.preview({ policyPacks: [PROBE_PACK] }), (err: Error) => {
            assert.match(err.message, /echo-name-not-forbidden/);
            assert.match(err.message, /mandatory/);
            return true;
        });

        // GIVEN a stack that only breaks the advisory policy
        const events: EngineEvent[] = [];
        const advisory = await inlineStack(backend, "advisory", async () => {
            new Echo("a-rather-long-name", { message: "x" });
        });
        // THEN the preview succeeds and the advisory violation is reported
        const result = await advisory.preview({ policyPacks: [PROBE_PACK], onEvent: (e) => events.push(e) });
        assert.strictEqual(result.changeSummary.create, 3); // the stack, the Echo and its part
        const violations = events.flatMap((e) => (e.policyEvent ? [e.policyEvent] : []));
        const advisoryViolation = violations.find((v) => v.policyName === "echo-name-is-short");
        assert.ok(advisoryViolation, `expected an advisory violation, got ${JSON.stringify(violations)}`);
        assert.strictEqual(advisoryViolation.enforcementLevel, "advisory");
        assert.ok(!violations.some((v) => v.enforcementLevel === "mandatory"));
    });
});
