import type { PolicyResource } from "@pulumi/policy";
import { unknownCheckingProxy } from "../../../../../policy-packs/lib/analyzer-internals";
import { UNKNOWN } from "../../../../../policy-packs/lib/resources";
import { urnOf } from "../../../../fixtures/policy/estate";

export { UNKNOWN };

/**
 * A resource as a stack policy sees it, props behind the analyzer's own unknown-checking proxy
 * (reading an `UNKNOWN` value throws, as under the engine), linked by property dependencies.
 */
export function resource(
    type: string,
    name: string,
    props: Record<string, unknown>,
    refs: Record<string, PolicyResource | PolicyResource[]> = {},
): PolicyResource {
    const propertyDependencies: Record<string, PolicyResource[]> = {};
    for (const [k, v] of Object.entries(refs)) propertyDependencies[k] = Array.isArray(v) ? v : [v];
    return {
        type,
        name,
        urn: urnOf(type, name),
        props: unknownCheckingProxy(props),
        opts: {} as PolicyResource["opts"],
        dependencies: Object.values(propertyDependencies).flat(),
        propertyDependencies,
        isCustom: true,
    } as unknown as PolicyResource;
}
