import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { UNKNOWN } from "../../../../../../policy-packs/lib/resources";
import { urnOf } from "../../../../../fixtures/policy/estate";

export { UNKNOWN };

/**
 * One resource record for the infra policy tests, with property dependencies on other records
 * (as the engine links them) and plain dependencies to match.
 */
export function rec(
    type: string,
    name: string,
    props: Record<string, unknown>,
    refs: Record<string, ResourceRecord | ResourceRecord[]> = {},
    extra: Partial<ResourceRecord> = {},
): ResourceRecord {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(refs)) propertyDependencies[k] = (Array.isArray(v) ? v : [v]).map((r) => r.urn);
    return {
        type,
        name,
        urn: urnOf(type, name),
        props,
        dependencies: [...new Set(Object.values(propertyDependencies).flat())],
        propertyDependencies,
        ...extra,
    };
}

/** The records with the props of the one named `name` changed. */
export function change(
    records: readonly ResourceRecord[],
    name: string,
    f: (props: Record<string, unknown>) => Record<string, unknown>,
): ResourceRecord[] {
    if (!records.some((r) => r.name === name)) throw new Error(`No record named ${name}.`);
    return records.map((r) => (r.name === name ? { ...r, props: f(structuredClone(r.props) as Record<string, unknown>) } : r));
}

/** The records without the one named `name`. */
export function without(records: readonly ResourceRecord[], name: string): ResourceRecord[] {
    return records.filter((r) => r.name !== name);
}
