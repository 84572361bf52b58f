import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { UnitInputs, unknownInputMarker, unknownInputOf } from "../../../unit/inputs";
import { referenceStack, UnitStacks } from "../../../unit/stacks";
import { outputPromise } from "../../../unit/sdk-internals";

interface KnownOutput {
    isKnown: Promise<boolean>;
}

async function withConfig(config: Record<string, unknown>, preview: boolean, secretKeys: string[] = []): Promise<void> {
    pulumi.runtime.setAllConfig(
        Object.fromEntries(Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])),
        secretKeys,
    );
    await pulumi.runtime.setMocks(
        { newResource: (args) => ({ id: `${args.name}-id`, state: { ...args.inputs, outputs: { value: "deployed" } } }), call: () => ({}) },
        "edf",
        "dev.consumer",
        preview,
    );
}

const marker = unknownInputMarker({ stack: "dev.producer", output: "vpcId" });

// The unit runtime's side of a preview before an upstream's first deployment: the driver writes
// a marker for each unknown input and names the stacks that have no state; programs see Pulumi's
// own unknowns, never a made-up value, and a deployment never takes them.
describe("unknown inputs and stack references in a preview before the first deployment", () => {
    after(() => pulumi.runtime.setAllConfig({}));

    it("recognises only the driver's marker", () => {
        assert.deepStrictEqual(unknownInputOf(marker), { stack: "dev.producer", output: "vpcId" });
        assert.strictEqual(unknownInputOf({ "edf:unknown": true }), undefined);
        assert.strictEqual(unknownInputOf("vpc-123"), undefined);
    });

    it("gives an unknown input as a Pulumi unknown through `output`, secret through `requireSecret`", async () => {
        await withConfig({ "edf-input:vpc": marker, "edf-input:known": JSON.stringify("vpc-1") }, true);
        const inputs = new UnitInputs();
        assert.ok(inputs.isUnknown("vpc"));
        assert.strictEqual(await (inputs.output("vpc") as unknown as KnownOutput).isKnown, false);
        assert.strictEqual(await pulumi.isSecret(inputs.requireSecret("vpc")), true);
        assert.strictEqual(await (inputs.requireSecret("vpc") as unknown as KnownOutput).isKnown, false);
        assert.strictEqual(await outputPromise(inputs.output("known")), "vpc-1");
        assert.ok(!inputs.isUnknown("known"));
    });

    it("refuses an unknown input read as a plain value, naming its producer and the fix", async () => {
        await withConfig({ "edf-input:vpc": marker }, true);
        assert.throws(
            () => new UnitInputs().get("vpc"),
            /Input `vpc` of `dev\.consumer` is unknown in this preview: it is output `vpcId` of stack `dev\.producer`, which has never been deployed\. Read it with `ctx\.inputs\.output\("vpc"\)`/,
        );
    });

    it("never lets a deployment take an unknown", async () => {
        await withConfig({ "edf-input:vpc": marker, "edf:unknownStacks": ["organization/edf/dev.producer"] }, false);
        assert.throws(() => new UnitInputs().output("vpc"), /was written for a preview before its producer's first deployment/);
        assert.throws(
            () => referenceStack("ref", "organization/edf/dev.producer"),
            /has never been deployed, so `dev\.consumer` cannot be deployed on top of it/,
        );
    });

    it("references a stack with no state as unknown outputs, and any other stack for real", async () => {
        await withConfig(
            {
                "edf:unknownStacks": ["organization/edf/dev.producer"],
                "edf:stackReferences": { upstream: "organization/edf/dev.producer", other: "organization/edf/dev.other" },
            },
            true,
        );
        const stacks = new UnitStacks(new pulumi.Config("edf"), "consumer");
        const unknown = stacks.reference("upstream");
        assert.ok(!(unknown instanceof pulumi.StackReference));
        assert.strictEqual(await (unknown.getOutput("value") as unknown as KnownOutput).isKnown, false);
        assert.ok(stacks.reference("other") instanceof pulumi.StackReference);
        assert.throws(
            () => stacks.reference("missing"),
            /reads stack reference `missing`, but config `edf:stackReferences` names no such stack/,
        );
    });
});
