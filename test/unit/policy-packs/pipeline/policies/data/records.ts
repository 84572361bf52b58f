import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { UNKNOWN } from "../../../../../../policy-packs/lib/resources";
import { urnOf } from "../../../../../fixtures/policy/estate";

export { UNKNOWN };

export const KEY = "arn:aws:kms:eu-west-1:111111111111:key/data";

/** One record of a test estate; `refs` become property dependencies, as the engine records them. */
export function res(
    type: string,
    name: string,
    props: Record<string, unknown>,
    refs: Record<string, ResourceRecord | ResourceRecord[]> = {},
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
    };
}

/** A factory's estate with one record's props patched (by type and name); `undefined` values remove the prop. */
export function patch(estate: () => ResourceRecord[], type: string, name: string, change: Record<string, unknown>): () => ResourceRecord[] {
    return () => {
        let found = false;
        const out = estate().map((r) => {
            if (r.type !== type || r.name !== name) return r;
            found = true;
            const props: Record<string, unknown> = { ...r.props, ...change };
            for (const [k, v] of Object.entries(change)) if (v === undefined) delete props[k];
            return { ...r, props };
        });
        if (!found) throw new Error(`No ${type} named ${name} in the test estate.`);
        return out;
    };
}

/** Only the records of the given types. */
export function only(estate: () => ResourceRecord[], ...types: string[]): () => ResourceRecord[] {
    return () => estate().filter((r) => types.includes(r.type));
}

/** The estate without the records of a type (optionally one name). */
export function without(estate: () => ResourceRecord[], type: string, name?: string): () => ResourceRecord[] {
    return () => estate().filter((r) => !(r.type === type && (name === undefined || r.name === name)));
}

/** The estate with more records. */
export function plus(estate: () => ResourceRecord[], ...more: ResourceRecord[]): () => ResourceRecord[] {
    return () => [...estate(), ...more];
}

/** A record of a type no data policy reads. */
export const OTHER = res("aws:sqs/queue:Queue", "jobs", { kmsMasterKeyId: "alias/edf-data" });
