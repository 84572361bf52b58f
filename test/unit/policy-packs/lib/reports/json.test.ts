import * as assert from "assert";
import fc from "fast-check";
import { stableStringify } from "../../../../../policy-packs/lib/reports/json";
import { deepFreeze, partlyFrozenJson } from "../../../support/frozen-json";

/** The definition stableStringify must match: JSON.stringify of a copy with keys sorted at every depth. */
function reference(value: unknown, indent: number): string {
    const sort = (v: unknown): unknown => {
        if (v === null || typeof v !== "object") return v;
        if (Array.isArray(v)) return v.map(sort);
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v).sort())
            if ((v as Record<string, unknown>)[k] !== undefined) out[k] = sort((v as Record<string, unknown>)[k]);
        return out;
    };
    return JSON.stringify(sort(value), null, indent);
}

/** JSON-like values, with some subtrees frozen all the way down and some frozen on top only. */
const tree = partlyFrozenJson(["10", "2", "__proto__x", "b", "a"]);

describe("stableStringify", () => {
    it("gives JSON.stringify's text of the key-sorted value, at every indent, the first time and again", () => {
        fc.assert(
            fc.property(tree, fc.constantFrom(0, 2, 4), (value, indent) => {
                const expected = reference(value, indent);
                assert.strictEqual(stableStringify(value, indent), expected);
                assert.strictEqual(stableStringify(value, indent), expected);
            }),
            { numRuns: 400 },
        );
    });

    it("gives a kept frozen value's text right wherever it is nested, at any depth and indent", () => {
        fc.assert(
            fc.property(tree, fc.nat(4), fc.constantFrom(0, 2), (inner, depth, indent) => {
                const frozen = deepFreeze({ kept: inner, list: [inner, 1] });
                let nested: unknown = frozen;
                for (let i = 0; i < depth; i++) nested = i % 2 ? [nested, "x"] : { z: nested, a: frozen };
                // Rendered once on top, then nested: the text kept for one depth must not be used at another.
                assert.strictEqual(stableStringify(frozen, indent), reference(frozen, indent));
                assert.strictEqual(stableStringify(nested, indent), reference(nested, indent));
                assert.strictEqual(stableStringify({ again: nested }, indent), reference({ again: nested }, indent));
            }),
            { numRuns: 300 },
        );
    });

    it("renders a mutable value as it is now, also when it sits inside frozen parents between calls", () => {
        const mutable: Record<string, unknown> = { b: 1 };
        const holder = Object.freeze({ inner: mutable, fixed: deepFreeze({ y: [1, 2], x: "s" }) });
        assert.strictEqual(stableStringify(holder), reference(holder, 2));
        mutable.a = { c: [3] };
        assert.strictEqual(stableStringify(holder), reference(holder, 2));
        assert.match(stableStringify(holder), /"a": \{/);
    });

    it("keeps JSON.stringify's handling of toJSON, functions and strings holding line breaks", () => {
        const value = {
            own: { toJSON: (key: string) => `as ${key}` },
            date: new Date(0),
            fn: () => 1,
            list: [() => 1, undefined, "line\nbreak"],
            frozen: deepFreeze({ text: "a\nb\r\n", own: { toJSON: (key: string) => `k=${key}` } }),
        };
        for (const indent of [0, 2]) assert.strictEqual(stableStringify(value, indent), reference(value, indent));
    });
});
