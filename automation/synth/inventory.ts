import { InventoryResource, redactSecrets, secretValues, StackReport } from "../run/report/model";
import type { SynthResource } from "./capture";
import { deepFreeze } from "./cache/store";
import type { StackEvaluation } from "./evaluate";

/** The inventory entry of a captured resource. */
export function inventoryOf(r: SynthResource): InventoryResource {
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        ...(r.id ? { id: r.id } : {}),
        ...(r.parent ? { parent: r.parent } : {}),
        ...(typeof r.provider === "string" ? { provider: r.provider } : {}),
        custom: r.custom,
        ...(r.read ? { read: true } : {}),
        ...(r.synthetic ? { synthetic: true } : {}),
        ...(r.options?.protect ? { protect: true } : {}),
        props: redactSecrets(r.props) as Record<string, unknown>,
    };
}

/** Resource counts of an inventory: the stack resource and default providers count as the engine counts them. */
export function countResources(resources: readonly SynthResource[]): StackReport["resourceCounts"] {
    const byType: Record<string, number> = {};
    for (const r of resources) byType[r.type] = (byType[r.type] ?? 0) + 1;
    return {
        total: resources.length,
        custom: resources.filter((r) => r.custom).length,
        components: resources.filter((r) => !r.custom).length,
        byType: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => (a < b ? -1 : 1))),
    };
}

/** What a stack's report and the run's redactor take from its evaluation. */
export interface EvaluationSummary {
    readonly resources: readonly InventoryResource[];
    readonly resourceCounts: StackReport["resourceCounts"];
    /** The plain values inside its resources' Pulumi secrets, to scrub from every file of the run. */
    readonly secretValues: readonly unknown[];
}

/** Summaries of frozen evaluations (shared by the synth cache between the rounds of a watch), made once each. */
const summaries = new WeakMap<StackEvaluation, EvaluationSummary>();

/**
 * The inventory, the counts and the secret values of an evaluation. An evaluation the synth cache
 * shares between `--watch` rounds is frozen, so can never change: its summary is made once (the
 * inventory copies every property, a 100-service estate's 5 MB, each round otherwise) and frozen too.
 */
export function summarizeEvaluation(evaluation: StackEvaluation): EvaluationSummary {
    const kept = summaries.get(evaluation);
    if (kept) return kept;
    const summary: EvaluationSummary = {
        resources: evaluation.resources.map(inventoryOf),
        resourceCounts: countResources(evaluation.resources),
        secretValues: evaluation.resources.flatMap((r) => secretValues(r.props)),
    };
    if (!Object.isFrozen(evaluation)) return summary;
    summaries.set(evaluation, deepFreeze(summary) as EvaluationSummary);
    return summary;
}
