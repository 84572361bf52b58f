import type { StackEvaluation } from "../evaluate";
import type { StackInspection } from "../inspection";
import type { CacheEntries } from "../worker/protocol";
import { putInspection } from "./inspections";
import { ContentStore } from "./store";

/** Keeps a fresh result in the synth cache, in the thread that produced it; a failed program is never kept. */
export function keepResult(entries: CacheEntries | undefined, evaluation: StackEvaluation, inspection: StackInspection | undefined): void {
    if (!entries || evaluation.error !== undefined) return;
    const store = new ContentStore(entries.dir);
    store.put("evaluation", entries.evaluation, evaluation);
    store.put("evaluation", entries.seen, true);
    if (entries.inspection && inspection) putInspection(store, entries.inspection, inspection);
}
