import * as fs from "fs";
import * as path from "path";
import type { InspectReport } from "./report/model";

/** An earlier inspection: its report and where it was kept. */
export interface PastInspection {
    readonly report: InspectReport;
    /** Where the report lives (a run folder, an object key): said in the delta. */
    readonly runDir: string;
}

/**
 * Where earlier inspections are kept, newest first. The delta (new and resolved findings, new
 * digests) is computed against them. Today: the run folders on this machine; a scheduled
 * inspection in the landing zone keeps them elsewhere (an S3 prefix) behind the same interface.
 */
export interface InspectHistory {
    /** Earlier inspections of `environment`, newest first (at most `limit`). */
    previous(environment: string, limit?: number): Promise<PastInspection[]>;
}

/** Run folders under `<edfHome>/runs/` named `<time>-inspect-<environment>[-n]`, newest first; unreadable reports are skipped. */
export class RunFolderHistory implements InspectHistory {
    constructor(
        private readonly edfHome: string,
        /** The current run's folder, never its own baseline. */
        private readonly exclude?: string,
    ) {}

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
