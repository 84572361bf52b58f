import * as path from "path";
import { createRunFolder } from "../../run/run-folder";
import type { SynthRun } from "../synth";
import { renderSynthHtml } from "./html";
import { renderSynthJson } from "./json";
import { renderSynthMarkdown } from "./markdown";
import { renderSynthSarif } from "./sarif";

/** The files of a synth run folder. */
export interface SynthReportFiles {
    readonly dir: string;
    readonly json: string;
    readonly sarif: string;
    readonly markdown: string;
    readonly html: string;
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
    return {
        dir: folder.dir,
        json: folder.write("report.json", renderSynthJson(run.report)),
        sarif: folder.write("report.sarif", renderSynthSarif(run.report)),
        markdown: folder.write("summary.md", renderSynthMarkdown(run.report)),
        html: folder.write("report.html", renderSynthHtml(run.report)),
        timings: folder.write("timings.json", `${JSON.stringify(run.timings, null, 2)}\n`),
    };
}

/** A path for people: relative to the working directory when that is shorter. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith("..") && relative.length < file.length ? relative : file;
}
