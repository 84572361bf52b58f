import * as assert from "assert";
import { structCopy } from "../../../../automation/synth/direct-registrations";
import { answersRegistrationsDirectly, mockMonitorMatches, structRoundTrip } from "../../../../unit/sdk-internals";

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
