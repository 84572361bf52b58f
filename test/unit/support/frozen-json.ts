// JSON-like values for property tests of code that keeps the text of frozen values: some subtrees
// frozen all the way down, some frozen on top only, the rest mutable.
import fc from "fast-check";

/** Freezes `value` at every depth (what the synth cache's shared values are). */
export function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
        Object.values(value).forEach(deepFreeze);
        Object.freeze(value);
    }
    return value;
}

function mark(value: object, how: number): object {
    return how === 1 ? deepFreeze(value) : how === 2 ? Object.freeze(value) : value;
}

/** Arbitrary JSON-like trees; `keys` are object keys tried beside random strings (order traps, look-alikes). */
export function partlyFrozenJson(keys: readonly string[]): fc.Arbitrary<unknown> {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    return fc.letrec((tie) => ({
        value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
        array: fc.tuple(fc.array(tie("value"), { maxLength: 4 }), fc.nat(2)).map(([a, f]) => mark(a, f)),
        object: fc
            .tuple(fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...keys)), tie("value"), { maxKeys: 4 }), fc.nat(2))
            .map(([o, f]) => mark(o, f)),
    })).value;
}
