import type { InspectionResult } from "../inspect";

/** JSON with object keys sorted at every depth, so equal values always give equal bytes. */
export function stableStringify(value: unknown, indent = 2): string {
    return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value === null || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as Record<string, unknown>).sort()) {
        const v = (value as Record<string, unknown>)[k];
        if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
}

/** The machine-readable report: the inspection result, keys sorted, findings already in report order. */
export function renderJsonReport(result: InspectionResult): string {
    return `${stableStringify({ reportVersion: 1, ...result })}\n`;
}
