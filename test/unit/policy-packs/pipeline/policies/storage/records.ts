import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { UNKNOWN } from "../../../../../../policy-packs/lib/resources";
import { urnOf } from "../../../../../fixtures/policy/estate";

export { UNKNOWN };

const PROVIDER_URN = urnOf("pulumi:providers:aws", "default");

/** The AWS provider of the storage tests (prod, eu-west-1). */
export function provider(): ResourceRecord {
    return { type: "pulumi:providers:aws", name: "default", urn: PROVIDER_URN, id: "prov-1", props: { region: "eu-west-1" } };
}

/**
 * One resource, linked to others by property dependencies as the engine links them:
 * `refs.bucket = other` says the `bucket` input is an output of `other`.
 */
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
        provider: `${PROVIDER_URN}::prov-1`,
        dependencies: [...new Set(Object.values(propertyDependencies).flat())],
        propertyDependencies,
    };
}

/** `records` with the props of the resource `name` of `type` patched (a key set to `undefined` is removed). */
export function patch(records: readonly ResourceRecord[], type: string, name: string, change: Record<string, unknown>): ResourceRecord[] {
    let found = false;
    const out = records.map((r) => {
        if (r.type !== type || r.name !== name) return r;
        found = true;
        const props: Record<string, unknown> = { ...structuredClone(r.props), ...change };
        for (const k of Object.keys(props)) if (props[k] === undefined) delete props[k];
        return { ...r, props };
    });
    if (!found) throw new Error(`No ${type} named ${name}.`);
    return out;
}

/** `records` without the resource `name` of `type`. */
export function drop(records: readonly ResourceRecord[], type: string, name: string): ResourceRecord[] {
    const out = records.filter((r) => !(r.type === type && r.name === name));
    if (out.length === records.length) throw new Error(`No ${type} named ${name}.`);
    return out;
}

/** A factory that builds `make()` and then patches one resource. */
export const patched =
    (make: () => ResourceRecord[], type: string, name: string, change: Record<string, unknown>) => (): ResourceRecord[] =>
        patch(make(), type, name, change);

/** A factory that builds `make()` without one resource. */
export const dropped = (make: () => ResourceRecord[], type: string, name: string) => (): ResourceRecord[] => drop(make(), type, name);

/** A factory that builds `make()` plus some resources. */
export const plus =
    (make: () => ResourceRecord[], ...extra: ResourceRecord[]) =>
    (): ResourceRecord[] => [...make(), ...extra];

/** A factory of only the resources of `make()` whose types are listed. */
export const onlyTypes =
    (make: () => ResourceRecord[], ...types: string[]) =>
    (): ResourceRecord[] =>
        make().filter((r) => types.includes(r.type));
