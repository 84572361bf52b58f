import type { PolicyResource } from "@pulumi/policy";
import { known } from "./props";

/**
 * The resources that refer to each target through property `prop`, keyed by the target's URN:
 * the same rule as `refersTo` (property dependencies when present, else the value against the
 * target's identifying props, else a plain dependency), in one pass over each list so a stack
 * policy stays linear in the size of the stack.
 */
export function linksByTarget(
    referrers: readonly PolicyResource[],
    prop: string,
    targets: readonly PolicyResource[],
    targetKeys: readonly string[],
): Map<string, PolicyResource[]> {
    const out = new Map<string, PolicyResource[]>();
    if (targets.length === 0 || referrers.length === 0) return out;
    const targetUrns = new Set(targets.map((t) => t.urn));
    let byValue: Map<string, string[]> | undefined;
    const add = (urn: string, r: PolicyResource) => {
        const list = out.get(urn);
        if (list) {
            if (!list.includes(r)) list.push(r);
        } else out.set(urn, [r]);
    };
    for (const r of referrers) {
        const deps = r.propertyDependencies[prop];
        if (deps && deps.length > 0) {
            for (const d of deps) if (targetUrns.has(d.urn)) add(d.urn, r);
            continue;
        }
        const value = known(() => r.props[prop]);
        if (typeof value === "string" && value.length > 0) {
            byValue ??= valueIndex(targets, targetKeys);
            const hits = byValue.get(value);
            if (hits) {
                for (const urn of hits) add(urn, r);
                continue;
            }
        }
        for (const d of r.dependencies) if (targetUrns.has(d.urn)) add(d.urn, r);
    }
    return out;
}

function valueIndex(targets: readonly PolicyResource[], targetKeys: readonly string[]): Map<string, string[]> {
    const index = new Map<string, string[]>();
    for (const t of targets) {
        for (const key of ["id", ...targetKeys]) {
            const tv = known(() => t.props[key]);
            if (typeof tv !== "string" || tv.length === 0) continue;
            const list = index.get(tv);
            if (list) {
                if (!list.includes(t.urn)) list.push(t.urn);
            } else index.set(tv, [t.urn]);
        }
    }
    return index;
}
