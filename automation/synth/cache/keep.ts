import type { PolicySummary } from "../../../policy-packs/lib/inspect";
import type { StackEvaluation } from "../evaluate";
import type { StackInspection } from "../inspection";
import type { CacheEntries } from "../worker/protocol";
import { ContentStore } from "./store";

/**
 * Keeps a fresh result in the synth cache; a failed program is never kept. `evaluationJson`: the
 * evaluation's JSON when the caller has it already (synth's aside thread gets it as text).
 */
export function keepResult(
    entries: CacheEntries | undefined,
    evaluation: StackEvaluation,
    inspection: StackInspection | undefined,
    evaluationJson?: string,
): void {
    if (!entries || evaluation.error !== undefined) return;
    const store = new ContentStore(entries.dir);
    store.put("evaluation", entries.evaluation, evaluation, evaluationJson);
    store.put("evaluation", entries.seen, true);
    if (entries.inspection && inspection) keepInspection(store, entries.inspection, inspection);
}

/** An inspection as kept: its policy list (the same for every stack of a run) is an entry of its own, named here by its key. */
type KeptInspection = Omit<StackInspection, "policies"> & { readonly policiesEntry: string };

/**
 * Keeps a stack's inspection. Its policy list — the pack's every policy with its level and text,
 * about 150 KB for the pipeline pack, equal for every stack of a run — is kept once, by its
 * digest: a hundred stacks' inspections are 0.5 MB to read again instead of 16 MB.
 */
export function keepInspection(store: ContentStore, key: string, inspection: StackInspection): void {
    const { policies, ...rest } = inspection;
    const kept: KeptInspection = { ...rest, policiesEntry: store.putAddressed("policies", policies) };
    store.put("inspection", key, kept);
}

/**
 * A kept inspection with its policy list, or undefined when either entry is missing or damaged
 * (the stack is inspected again). Both are shared (the list by every stack's inspection) and
 * frozen: parsed once while their entries are unchanged, only read, and their report parts
 * (findings, waivers) rendered once (`edf synth --watch`).
 */
export function keptInspection(store: ContentStore, key: string): StackInspection | undefined {
    const kept = store.getShared<KeptInspection | StackInspection>("inspection", key) as KeptInspection | StackInspection | undefined;
    if (!kept || !("policiesEntry" in kept)) return kept;
    const policies = store.getShared<PolicySummary[]>("policies", kept.policiesEntry);
    if (!policies) return undefined;
    const { policiesEntry: _entry, ...rest } = kept;
    return { ...rest, policies: policies as PolicySummary[] };
}
