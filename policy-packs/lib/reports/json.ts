import type { InspectionResult } from "../inspect";

/** JSON with object keys sorted at every depth, so equal values always give equal bytes. */
export function stableStringify(value: unknown, indent = 2): string {
    return JSON.stringify(sortKeys(value), null, indent);
}

/**
 * Sorted copies of values frozen all the way down, which can never change: `edf synth --watch`
 * writes the same kept evaluations' inventories (most of a 5 MB report.json) round after round.
 */
const sortedFrozen = new WeakMap<object, unknown>();
/** Whether everything sorted since the innermost value began is frozen (a stack discipline: see sortKeys). */
let allFrozen = true;

function sortKeys(value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    const kept = sortedFrozen.get(value);
    if (kept !== undefined) return kept;
    const outer = allFrozen;
    allFrozen = Object.isFrozen(value);
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
    if (allFrozen) sortedFrozen.set(value, out);
    allFrozen = outer && allFrozen;
    return out;
}

/** The machine-readable report: the inspection result, keys sorted, findings already in report order. */
export function renderJsonReport(result: InspectionResult): string {
    return `${stableStringify({ reportVersion: 1, ...result })}\n`;
}
