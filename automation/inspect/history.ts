import * as fs from "fs";
import * as path from "path";
import type { InspectReport } from "./report/model";

/** What the delta needs of an earlier report: its stacks (findings with fingerprints, what ran). */
export type InspectBaselineReport = Pick<InspectReport, "environment" | "collectedAt" | "stacks">;

/** An earlier inspection: its report (or the part of it the delta reads) and where it was kept. */
export interface PastInspection {
    readonly report: InspectBaselineReport;
    /** Where the report lives (a run folder, an object key): said in the delta. */
    readonly runDir: string;
}

/**
 * Where earlier inspections are kept, newest first. The delta (new and resolved findings, new
 * digests) is computed against them: the run folders on this machine, or the inspection state in
 * the team backend (`state-history.ts`), which scheduled runs on other machines share.
 */
export interface InspectHistory {
    /** Where earlier inspections are kept, for people. */
    readonly description: string;
    /** Earlier inspections of `environment`, newest first (at most `limit`). */
    previous(environment: string, limit?: number): Promise<PastInspection[]>;
    /** Keeps a finished run for the next one (a run folder keeps itself: nothing to do). */
    record(report: InspectReport, runDir: string): Promise<void>;
}

/** Run folders under `<edfHome>/runs/` named `<time>-inspect-<environment>[-n]`, newest first; unreadable reports are skipped. */
export class RunFolderHistory implements InspectHistory {
    readonly description: string;

    constructor(
        private readonly edfHome: string,
        /** The current run's folder, never its own baseline. */
        private readonly exclude?: string,
    ) {
        this.description = `the run folders under ${path.join(edfHome, "runs")}`;
    }

    async record(): Promise<void> {
        // The run folder, with its report.json, is the record.
    }

    async previous(environment: string, limit = 30): Promise<PastInspection[]> {
        const runs = path.join(this.edfHome, "runs");
        if (!fs.existsSync(runs)) return [];
        const name = new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z-inspect-${environment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(-\\d+)?$`);
        const dirs = fs
            .readdirSync(runs)
            .filter((d) => name.test(d))
            .map((d) => path.join(runs, d))
            .filter((d) => !this.exclude || path.resolve(d) !== path.resolve(this.exclude))
            .sort()
            .reverse();
        const out: PastInspection[] = [];
        for (const runDir of dirs) {
            if (out.length >= limit) break;
            try {
                const report = JSON.parse(fs.readFileSync(path.join(runDir, "report.json"), "utf8")) as InspectReport;
                if (report.command === "inspect" && report.reportVersion === 1) out.push({ report, runDir });
            } catch {
                // A run killed before it wrote its report has none: it is not a baseline.
            }
        }
        return out;
    }
}
