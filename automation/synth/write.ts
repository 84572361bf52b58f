import { createRunFolder } from "../run/run-folder";
import { ReportFiles, writeReports, writeReportsOverlapped } from "../run/report/write";
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

/** {@link writeSynthReports}, each file written while the next is rendered (see writeReportsOverlapped). */
export async function writeSynthReportsOverlapped(run: SynthRun, edfHome: string, now: Date = new Date()): Promise<SynthReportFiles> {
    const folder = run.runFolder ?? createRunFolder(edfHome, `synth-${run.report.environment}`, run.redactor, now);
    const reports = writeReportsOverlapped(run.report, folder);
    const timings = folder.writeAsync("timings.json", `${JSON.stringify(run.timings, null, 2)}\n`);
    const [files, timingsFile] = await Promise.all([reports, timings]);
    return { ...files, timings: timingsFile };
}
