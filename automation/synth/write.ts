import { createRunFolder } from "../run/run-folder";
import { ReportFiles, writeReports } from "../run/report/write";
import type { SynthRun } from "./synth";

/** The files of a synth run folder: the reports of every command, plus synth's timings. */
export interface SynthReportFiles extends ReportFiles {
    readonly timings: string;
}

/**
 * Writes a synth run's reports into its run folder (`<edfHome>/runs/<ts>-synth-<env>/`, made
 * by the environment run; or a fresh one here when the run had none), every file scrubbed of
 * the run's secret values. report.json and report.sarif hold no time and are sorted: equal
 * inputs give equal bytes. Durations go to timings.json alone.
 */
export function writeSynthReports(run: SynthRun, edfHome: string, now: Date = new Date()): SynthReportFiles {
    const folder = run.runFolder ?? createRunFolder(edfHome, `synth-${run.report.environment}`, run.redactor, now);
    return { ...writeReports(run.report, folder), timings: folder.write("timings.json", `${JSON.stringify(run.timings, null, 2)}\n`) };
}
