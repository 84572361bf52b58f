import type { ResourceRecord } from "../../../../policy-packs/lib/resources";
import type { CapturedResource } from "../../platform/support/mock-run";
import { defaultResourceState, MockWorld } from "../../platform/support/mock-world";

/**
 * The resources a mocked run registered, as the policy harness takes them (preview
 * shape: props are the inputs, secrets still wrapped as the engine serialises them).
 *
 * The mocks do not report parents or dependencies, so each record gets a flat URN and
 * its property dependencies are recovered by value: a top-level input that holds
 * another resource's mocked `id` or `arn` (as `MockWorld` computes them) depends on that
 * resource — what the engine's `propertyDependencies` say for an `Output` passed in.
 * `MockWorld` gives resources of one service and name the same ARN (a web ACL and its
 * association, both `ingress`): such a value depends on every resource that has it.
 */
export function recordsOf(resources: readonly CapturedResource[], stack: string, project = "edf"): ResourceRecord[] {
    const world = new MockWorld();
    const urnOf = (r: CapturedResource) => `urn:pulumi:${stack}::${project}::${r.type}::${r.name}`;
    const byValue = new Map<string, string[]>();
    const link = (value: string, urn: string) => byValue.set(value, [...(byValue.get(value) ?? []), urn]);
    for (const r of resources) {
        const state = defaultResourceState({ type: r.type, name: r.name, inputs: r.inputs, custom: true } as never, world);
        link(r.id, urnOf(r));
        for (const key of ["arn", "url"]) {
            const value = state.state[key];
            if (typeof value === "string") link(value, urnOf(r));
        }
    }
    return resources.map((r) => {
        const urn = urnOf(r);
        const propertyDependencies: Record<string, string[]> = {};
        for (const [prop, value] of Object.entries(r.inputs)) {
            const deps = new Set<string>();
            collectReferences(value, byValue, deps);
            deps.delete(urn);
            if (deps.size > 0) {
                propertyDependencies[prop] = [...deps];
            }
        }
        return {
            type: r.type,
            name: r.name,
            urn,
            id: r.id,
            props: r.inputs,
            propertyDependencies,
            dependencies: [...new Set(Object.values(propertyDependencies).flat())],
        };
    });
}

function collectReferences(value: unknown, byValue: ReadonlyMap<string, readonly string[]>, into: Set<string>): void {
    if (typeof value === "string") {
        for (const urn of byValue.get(value) ?? []) into.add(urn);
        // `pulumi.jsonStringify` of outputs (a redrive policy, a policy document) depends on them too.
        const t = value.trim();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                collectReferences(JSON.parse(t), byValue, into);
            } catch {
                // not JSON after all
            }
        }
        return;
    }
    if (Array.isArray(value)) {
        value.forEach((v) => collectReferences(v, byValue, into));
    } else if (value && typeof value === "object") {
        Object.values(value).forEach((v) => collectReferences(v, byValue, into));
    }
}
