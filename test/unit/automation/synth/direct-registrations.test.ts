import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { plainSerializedStruct, plainStructCopy, structCopy } from "../../../../automation/synth/direct-registrations";
import {
    answersRegistrationsDirectly,
    mockMonitorMatches,
    realStruct,
    sdkStruct,
    serializeProperties,
    structRoundTrip,
    withPlainStructs,
} from "../../../../unit/sdk-internals";

/** Object keys in order, all the way down: a plain deep-equal would not see a different order. */
function shape(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shape);
    if (value !== null && typeof value === "object") return Object.entries(value).map(([k, v]) => [k, shape(v)]);
    return value;
}

function assertSameAsRoundTrip(value: Record<string, unknown>): void {
    const expected = structRoundTrip(value);
    const actual = structCopy(value);
    assert.deepStrictEqual(actual, expected);
    assert.deepStrictEqual(shape(actual), shape(expected));
}

describe("synth: registrations answered without the protobuf round trip", () => {
    it("copies plain data exactly as a protobuf Struct round trip does, keys in the order it gives", () => {
        assertSameAsRoundTrip({
            zeta: "z",
            alpha: { b: [1, "two", null, true, { y: 1, x: [] }], a: {} },
            "10": -0,
            "9": Number.MAX_SAFE_INTEGER,
            "a-b": 1.5,
            B: false,
            é: "accent",
            tags: { Name: "n", "aws:cloudformation": "x", "0": "first" },
        });
    });

    it("hands anything but plain data to the real round trip, so the result is the library's", () => {
        class WithInherited {
            own = 1;
        }
        (WithInherited.prototype as unknown as Record<string, unknown>).inherited = 2;
        assertSameAsRoundTrip({ instance: new WithInherited() as unknown as Record<string, unknown> });
        assertSameAsRoundTrip({ date: new Date(0) });
        assertSameAsRoundTrip({ empty: Object.create(null) as Record<string, unknown> });
    });

    it("refuses what a Struct refuses, with the library's own error", () => {
        for (const bad of [{ a: undefined }, { a: [1, undefined] }, { a: () => 1 }, { a: 1n }]) {
            assert.throws(() => structRoundTrip(bad), /Unexpected struct type/);
            assert.throws(() => structCopy(bad), /Unexpected struct type/);
        }
    });

    it("gives a fresh copy each time (a caller may change what it gets)", () => {
        const state = { nested: { list: [1] } };
        const first = structCopy(state) as typeof state;
        first.nested.list.push(2);
        assert.deepStrictEqual(structCopy(state), { nested: { list: [1] } });
    });
});

describe("synth: a mock's answer serialized without the SDK's asynchronous walk", () => {
    it("gives plain data as the SDK's serializeProperties and a Struct round trip do, keys in their order", async () => {
        const state = {
            zeta: "z",
            gone: undefined,
            alpha: { b: [1, undefined, "two", null, true, { y: 1, x: [], skipped: undefined }], a: {} },
            "10": -0,
            "9": 1.5,
            B: false,
            tags: { Name: "n", "0": "first", "aws:x": "y" },
            secret: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "s" },
        };
        const expected = structRoundTrip(await serializeProperties("", state));
        const actual = plainSerializedStruct(state);
        assert.deepStrictEqual(actual, expected);
        assert.deepStrictEqual(shape(actual), shape(expected));
    });

    it("leaves anything but plain data to the SDK", () => {
        class Instance {
            own = 1;
        }
        for (const other of [
            { output: pulumi.output("x") },
            { nested: [{ resource: { __pulumiResource: true, __pulumiCustomResource: true } }] },
            { asset: new pulumi.asset.StringAsset("text") },
            { instance: new Instance() },
            { fn: () => 1 },
            { promise: Promise.resolve(1) },
            { date: new Date(0) },
            { unknown: { __pulumiUnknown: true } },
        ]) {
            assert.strictEqual(plainSerializedStruct(other), undefined, JSON.stringify(Object.keys(other)));
        }
        assert.strictEqual(plainSerializedStruct(new Instance()), undefined);
        assert.strictEqual(plainSerializedStruct([1]), undefined);
    });
});

describe("synth: registration requests built without a protobuf message per value", () => {
    const PLAIN = { zeta: "z", alpha: { b: [1, "two", null, true, { y: 1, x: [] }], a: {} }, "10": -0, tags: { Name: "n", "0": "first" } };

    it("gives back from a request's Struct what the library's own Struct gives, keys in its order, a fresh copy each time", async () => {
        const expected = structRoundTrip(PLAIN);
        await withPlainStructs(plainStructCopy, async () => {
            const struct = sdkStruct(PLAIN);
            assert.notStrictEqual(realStruct(struct), struct, "a light Struct");
            const first = struct.toJavaScript() as typeof PLAIN;
            assert.deepStrictEqual(shape(first), shape(expected));
            first.alpha.b.push("changed");
            assert.deepStrictEqual(shape(struct.toJavaScript()), shape(expected));
        });
    });

    it("keeps what it was built from (a change to the value afterwards is not seen, as in a message)", async () => {
        const value = { list: [1] };
        await withPlainStructs(plainStructCopy, async () => {
            const struct = sdkStruct(value);
            value.list.push(2);
            assert.deepStrictEqual(struct.toJavaScript(), { list: [1] });
        });
    });

    it("reads like the library's message wherever its fields are read, and becomes one on demand", async () => {
        const expected = sdkStruct(PLAIN).toObject();
        await withPlainStructs(plainStructCopy, async () => {
            const struct = sdkStruct(PLAIN);
            assert.deepStrictEqual(struct.toObject(), expected);
            const real = realStruct(struct) as typeof struct;
            assert.strictEqual(realStruct(struct), real, "made once");
            assert.deepStrictEqual(real.toObject(), expected);
            assert.strictEqual(realStruct(real), real);
        });
    });

    it("builds the library's own message for anything but plain data, and refuses what it refuses, at once", async () => {
        await withPlainStructs(plainStructCopy, async () => {
            const struct = sdkStruct({ date: new Date(0) });
            assert.strictEqual(realStruct(struct), struct);
            for (const bad of [{ a: undefined }, { a: [1, undefined] }, { a: () => 1 }]) {
                assert.throws(() => sdkStruct(bad), /Unexpected struct type/);
            }
        });
    });

    it("gives the library its own function back when the outermost run settles, also after a failure", async () => {
        await assert.rejects(
            withPlainStructs(plainStructCopy, () =>
                withPlainStructs(plainStructCopy, async () => {
                    throw new Error("program failed");
                }),
            ),
            /program failed/,
        );
        const struct = sdkStruct(PLAIN);
        assert.strictEqual(realStruct(struct), struct, "a real message again");
    });
});

describe("synth: which SDKs get registrations answered directly", () => {
    it("answers directly on the SDK the fence is written for", () => {
        assert.strictEqual(answersRegistrationsDirectly, true);
    });

    it("keeps the SDK's own mock monitor for one of another shape (a consumer's older or newer @pulumi/pulumi)", () => {
        class OtherMonitor {
            readonly resources = new Map();
            readonly transformCallbacks = new Map();
            readonly mocks = {};
            registerResource(_req: unknown, _callback: unknown): void {}
            invoke(): void {}
        }
        assert.strictEqual(mockMonitorMatches(OtherMonitor), false);
        assert.strictEqual(mockMonitorMatches(undefined), false);
    });
});
