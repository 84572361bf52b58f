import type { InspectionResult } from "../inspect";

/**
 * JSON with object keys sorted at every depth, so equal values always give equal bytes: the same
 * text as `JSON.stringify` of a key-sorted copy, with `indent` spaces per level.
 */
export function stableStringify(value: unknown, indent = 2): string {
    const parts = stableStringifyParts(value, indent);
    // JSON.stringify gives undefined for undefined, a function, a symbol: so does this.
    return (parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : parts.join("")) as string;
}

/**
 * {@link stableStringify}'s text in parts, whose concatenation it is: the text of a value frozen
 * at every depth is one part, the same string each time it is asked for (a writer can scan and
 * write it without copying the whole text into one string). Empty where JSON.stringify gives
 * undefined.
 */
export function stableStringifyParts(value: unknown, indent = 2): string[] {
    const gap = " ".repeat(Math.max(0, Math.min(10, Math.floor(indent))));
    try {
        const out: Sink = { parts: [], text: "" };
        if (render(value, gap, 0, out) && out.text !== "") out.parts.push(out.text);
        return out.parts;
    } catch (error) {
        if (error !== OWN_TO_JSON) throw error;
        // A value with a `toJSON` of its own: the plain route (never in a report, kept exact anyway).
        const text = JSON.stringify(sortKeys(value), null, gap) as string | undefined;
        return text === undefined ? [] : [text];
    }
}

/**
 * Sorted copies of values frozen all the way down, which can never change: `edf synth --watch`
 * writes the same kept evaluations' inventories (most of a 5 MB report.json) round after round.
 */
const sortedFrozen = new WeakMap<object, unknown>();
/** The sorted copies in {@link sortedFrozen}: their text can be kept too. */
const frozenCopies = new WeakSet<object>();
/**
 * The text of a sorted frozen copy, by indent and depth (the text of a value nested at depth d is
 * its own text with d indents after each line break). Kept only for the outermost frozen value
 * met, not for every value inside it, so memory stays about the size of the report.
 */
const frozenTexts = new WeakMap<object, Map<string, string | undefined>>();
/** Whether everything sorted since the innermost value began is frozen (a stack discipline: see sortKeys). */
let allFrozen = true;

function sortKeys(value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    const kept = sortedFrozen.get(value);
    if (kept !== undefined) return kept;
    const outer = allFrozen;
    // A value with a `toJSON` of its own is told its key by JSON.stringify: its text is never kept.
    allFrozen = Object.isFrozen(value) && typeof (value as { toJSON?: unknown }).toJSON !== "function";
    let out: unknown;
    if (Array.isArray(value)) {
        out = value.map(sortKeys);
    } else {
        const sorted: Record<string, unknown> = {};
        for (const k of Object.keys(value as Record<string, unknown>).sort()) {
            const v = (value as Record<string, unknown>)[k];
            if (v !== undefined) sorted[k] = sortKeys(v);
        }
        out = sorted;
    }
    // Only a value frozen at every depth is kept: a frozen object holding a mutable one could still change.
    if (allFrozen) {
        sortedFrozen.set(value, out);
        frozenCopies.add(out as object);
    }
    allFrozen = outer && allFrozen;
    return out;
}

const OWN_TO_JSON = Symbol("own toJSON");

/**
 * Where {@link render} puts the text: the pieces between kept frozen texts are added to `text`
 * (a string grown in place: V8 joins such strings once, when they are read), and each kept frozen
 * text is a part of its own, so a watch's writer meets the same long strings round after round.
 */
interface Sink {
    readonly parts: string[];
    text: string;
}

function addPart(out: Sink, part: string): void {
    if (out.text !== "") out.parts.push(out.text);
    out.text = "";
    out.parts.push(part);
}

/** `JSON.stringify(key)` of the keys met (a report repeats a few hundred keys thousands of times). */
const keyTexts = new Map<string, string>();
const MAX_KEY_TEXTS = 10_000;

function keyText(key: string): string {
    let text = keyTexts.get(key);
    if (text === undefined) {
        if (keyTexts.size >= MAX_KEY_TEXTS) keyTexts.clear();
        keyTexts.set(key, (text = JSON.stringify(key)));
    }
    return text;
}

/**
 * `JSON.stringify(value, null, gap)` of the value's sorted copy ({@link sortKeys}) as it reads
 * nested `depth` levels deep (the ECMAScript SerializeJSONObject/Array steps), added to `out`
 * piece by piece (joining at every level would copy megabytes once per level). A frozen value
 * goes through {@link sortKeys}, so one frozen all the way down comes as its kept text
 * ({@link frozenTexts}); any other is walked as it is, in its sorted copy's key order, without
 * making the copy (a cold run's report is megabytes of such values). Returns false where
 * JSON.stringify gives undefined (a function, a symbol): nothing was added.
 */
function render(value: unknown, gap: string, depth: number, out: Sink): boolean {
    if (value === null || typeof value !== "object") {
        const text = JSON.stringify(value) as string | undefined;
        if (text === undefined) return false;
        out.text += text;
        return true;
    }
    if (Object.isFrozen(value)) return renderSorted(sortKeys(value) as object, gap, depth, out);
    if (Array.isArray(value)) {
        // The copy is a new array (`map` keeps holes, read as undefined: `null`).
        if (typeof ([] as { toJSON?: unknown }).toJSON === "function") throw OWN_TO_JSON;
        renderArray(value, gap, depth, out);
        return true;
    }
    const keys = copyKeyOrder(value as Record<string, unknown>);
    // A `__proto__` key is not copied as a key (the copy's assignment sets its prototype): the copy's own route.
    if (keys.includes("__proto__")) return renderSorted(sortKeys(value) as object, gap, depth, out);
    // The copy is a plain object holding the defined values: a `toJSON` it would have is an own one, or Object's.
    const ownToJson = keys.includes("toJSON") && typeof (value as { toJSON?: unknown }).toJSON === "function";
    if (ownToJson || typeof ({} as { toJSON?: unknown }).toJSON === "function") throw OWN_TO_JSON;
    renderObject(value as Record<string, unknown>, keys, gap, depth, out);
    return true;
}

/**
 * The order of the keys of `value`'s sorted copy with a defined value: sorted, except that
 * array-index keys (`"2"`, `"10"`) come first in numeric order, as in any object.
 */
function copyKeyOrder(value: Record<string, unknown>): string[] {
    const keys = Object.keys(value)
        .filter((k) => value[k] !== undefined)
        .sort();
    if (!keys.some(isArrayIndex)) return keys;
    const order: Record<string, true> = {};
    for (const k of keys) order[k] = true;
    return Object.keys(order);
}

function isArrayIndex(key: string): boolean {
    const c = key.charCodeAt(0);
    return c >= 48 && c <= 57 && /^(0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}

/** {@link render} of a sorted copy (or a kept frozen one), read as it is. */
function renderSorted(value: object, gap: string, depth: number, out: Sink): boolean {
    if (frozenCopies.has(value)) {
        const text = frozenText(value, gap, depth);
        if (text === undefined) return false;
        addPart(out, text);
        return true;
    }
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") throw OWN_TO_JSON;
    if (Array.isArray(value)) renderArray(value, gap, depth, out);
    else renderObject(value as Record<string, unknown>, Object.keys(value), gap, depth, out);
    return true;
}

function renderArray(value: readonly unknown[], gap: string, depth: number, out: Sink): void {
    const inner = gap === "" ? "," : `,\n${gap.repeat(depth + 1)}`;
    const open = gap === "" ? "" : `\n${gap.repeat(depth + 1)}`;
    const close = gap === "" ? "" : `\n${gap.repeat(depth)}`;
    let first = true;
    out.text += "[";
    for (const item of value) {
        out.text += first ? open : inner;
        first = false;
        if (!render(item, gap, depth + 1, out)) out.text += "null";
    }
    out.text += first ? "]" : `${close}]`;
}

function renderObject(value: Record<string, unknown>, keys: readonly string[], gap: string, depth: number, out: Sink): void {
    const inner = gap === "" ? "," : `,\n${gap.repeat(depth + 1)}`;
    const open = gap === "" ? "" : `\n${gap.repeat(depth + 1)}`;
    const close = gap === "" ? "" : `\n${gap.repeat(depth)}`;
    const colon = gap === "" ? ":" : ": ";
    let first = true;
    out.text += "{";
    for (const key of keys) {
        const member = value[key];
        // A member JSON.stringify leaves out (a function, a symbol) adds nothing, its key neither.
        if (member === null || typeof member !== "object") {
            const text = JSON.stringify(member) as string | undefined;
            if (text === undefined) continue;
            out.text += `${first ? open : inner}${keyText(key)}${colon}${text}`;
        } else {
            const at = out.parts.length;
            const before = out.text;
            out.text += `${first ? open : inner}${keyText(key)}${colon}`;
            if (!render(member, gap, depth + 1, out)) {
                // Only a kept frozen text can be undefined, and it adds nothing before saying so.
                out.parts.length = at;
                out.text = before;
                continue;
            }
        }
        first = false;
    }
    out.text += first ? "}" : `${close}}`;
}

function frozenText(value: object, gap: string, depth: number): string | undefined {
    const key = `${gap.length}:${depth}`;
    let texts = frozenTexts.get(value);
    if (texts?.has(key)) return texts.get(key);
    const own = JSON.stringify(value, null, gap) as string | undefined;
    // JSON escapes line breaks inside strings: every "\n" of the text is one of its own line breaks.
    const text = own === undefined || gap === "" || depth === 0 ? own : own.replace(/\n/g, `\n${gap.repeat(depth)}`);
    if (!texts) frozenTexts.set(value, (texts = new Map()));
    texts.set(key, text);
    return text;
}

/** The machine-readable report: the inspection result, keys sorted, findings already in report order. */
export function renderJsonReport(result: InspectionResult): string {
    return `${stableStringify({ reportVersion: 1, ...result })}\n`;
}
