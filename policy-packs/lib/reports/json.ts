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
    const sorted = sortKeys(value);
    const gap = " ".repeat(Math.max(0, Math.min(10, Math.floor(indent))));
    try {
        const out: string[] = [];
        render(sorted, gap, 0, out);
        return out;
    } catch (error) {
        if (error !== OWN_TO_JSON) throw error;
        // A value with a `toJSON` of its own: the plain route (never in a report, kept exact anyway).
        const text = JSON.stringify(sorted, null, gap) as string | undefined;
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
 * `JSON.stringify(value, null, gap)` of a sorted copy as it reads nested `depth` levels deep (the
 * ECMAScript SerializeJSONObject/Array steps), the text of a kept frozen copy taken from
 * {@link frozenTexts}; pushed piece by piece onto `out` and joined once (joining at every level
 * would copy megabytes once per level). Returns false where JSON.stringify gives undefined (a
 * function, a symbol): nothing was pushed.
 */
function render(value: unknown, gap: string, depth: number, out: string[]): boolean {
    if (value === null || typeof value !== "object") {
        const text = JSON.stringify(value) as string | undefined;
        if (text === undefined) return false;
        out.push(text);
        return true;
    }
    if (frozenCopies.has(value)) {
        const text = frozenText(value, gap, depth);
        if (text === undefined) return false;
        out.push(text);
        return true;
    }
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") throw OWN_TO_JSON;
    const inner = gap === "" ? "," : `,\n${gap.repeat(depth + 1)}`;
    const open = gap === "" ? "" : `\n${gap.repeat(depth + 1)}`;
    const close = gap === "" ? "" : `\n${gap.repeat(depth)}`;
    let first = true;
    if (Array.isArray(value)) {
        out.push("[");
        for (const item of value) {
            out.push(first ? open : inner);
            first = false;
            if (!render(item, gap, depth + 1, out)) out.push("null");
        }
        out.push(first ? "]" : `${close}]`);
        return true;
    }
    const colon = gap === "" ? ":" : ": ";
    out.push("{");
    for (const key of Object.keys(value)) {
        const at = out.length;
        out.push(first ? open : inner, `${JSON.stringify(key)}${colon}`);
        if (render((value as Record<string, unknown>)[key], gap, depth + 1, out)) first = false;
        else out.length = at;
    }
    out.push(first ? "}" : `${close}}`);
    return true;
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
