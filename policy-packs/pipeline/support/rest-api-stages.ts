import type { PolicyResource } from "@pulumi/policy";
import { known } from "./props";

/**
 * REST API stages and the resources keyed to them by API and stage name (method settings),
 * which in @pulumi/aws 7.x live apart from the stage they configure.
 */

/** What identifies the REST API a resource belongs to: the URN it depends on through `restApi`, else the id it names. */
function apiRef(r: PolicyResource): string | undefined {
    const dep = r.propertyDependencies.restApi?.[0]?.urn;
    if (dep) return dep;
    const v = known(() => r.props.restApi);
    return typeof v === "string" ? v : undefined;
}

/**
 * The method settings of each stage, keyed by the stage's URN: linked by a property dependency
 * on the stage through `stageName`, else by the same API and the same stage name.
 */
export function methodSettingsByStage(
    stages: readonly PolicyResource[],
    settings: readonly PolicyResource[],
): Map<string, PolicyResource[]> {
    const out = new Map<string, PolicyResource[]>();
    const stageUrns = new Set(stages.map((s) => s.urn));
    const byKey = new Map<string, string>();
    for (const s of stages) {
        const api = apiRef(s);
        const name = known(() => s.props.stageName);
        if (api !== undefined && typeof name === "string") byKey.set(`${api}|${name}`, s.urn);
    }
    const add = (urn: string, m: PolicyResource) => out.set(urn, [...(out.get(urn) ?? []), m]);
    for (const m of settings) {
        const dep = (m.propertyDependencies.stageName ?? []).find((d) => stageUrns.has(d.urn));
        if (dep) {
            add(dep.urn, m);
            continue;
        }
        const api = apiRef(m);
        const name = known(() => m.props.stageName);
        const urn = api !== undefined && typeof name === "string" ? byKey.get(`${api}|${name}`) : undefined;
        if (urn) add(urn, m);
    }
    return out;
}

/** The `settings` block of a method settings resource (read directly: it is the judged value). */
export function settingsOf(m: PolicyResource): Record<string, unknown> {
    return (m.props.settings as Record<string, unknown> | undefined) ?? {};
}

/** Method settings that apply to every method of the stage (`methodPath` is the all-methods wildcard). */
export function isStageWide(m: PolicyResource): boolean {
    return m.props.methodPath === "*/*";
}
