import type { InspectBaselineReport, InspectHistory, PastInspection } from "../history";
import type { InspectReport } from "../report/model";
import type { InspectionStateStore } from "./store";

/** The inspection state document of earlier runs. */
export const HISTORY_STATE = "inspections.json";
/** Runs kept: the delta reads the newest run that inspected each stack, so a few bad nights in a row still find one. */
export const HISTORY_RUNS_KEPT = 12;

interface HistoryState {
    readonly version: 1;
    /** Newest first. */
    readonly runs: readonly { readonly runDir: string; readonly report: InspectBaselineReport }[];
}

/**
 * Earlier inspections kept in the inspection state (the team backend's bucket, or a folder), so
 * the delta ("new since the last run") holds across scheduled runs on throwaway containers and
 * across machines. Only what the delta reads is kept (each stack's status, findings and what ran),
 * not the images' inventories: the run folder has those. Written whole (the store's
 * write-then-rename): a run killed while recording leaves the previous history.
 */
export class StateStoreHistory implements InspectHistory {
    readonly description: string;

    constructor(private readonly store: InspectionStateStore) {
        this.description = `the inspection state (${store.description})`;
    }

    async previous(environment: string, limit = HISTORY_RUNS_KEPT): Promise<PastInspection[]> {
        const state = await this.store.read<HistoryState>(HISTORY_STATE);
        if (state?.version !== 1) return [];
        return state.runs.filter((r) => r.report.environment === environment).slice(0, limit);
    }

    async record(report: InspectReport, runDir: string): Promise<void> {
        const state = await this.store.read<HistoryState>(HISTORY_STATE);
        const kept: InspectBaselineReport = { environment: report.environment, collectedAt: report.collectedAt, stacks: report.stacks };
        const runs = [{ runDir, report: kept }, ...(state?.version === 1 ? state.runs : [])].slice(0, HISTORY_RUNS_KEPT);
        await this.store.write(HISTORY_STATE, { version: 1, runs } satisfies HistoryState);
    }
}
