import * as path from "path";
import type { RunFolder } from "../run-folder";
import { renderReportHtmlParts } from "./html";
import { renderReportJsonParts } from "./json";
import { renderReportMarkdown } from "./markdown";
import type { EnvironmentReport } from "./model";
import { renderReportSarif } from "./sarif";

/** The report files of a run folder, the same for every command. */
export interface ReportFiles {
    readonly dir: string;
    readonly json: string;
    readonly sarif: string;
    readonly markdown: string;
    readonly html: string;
}

/**
 * Writes a run's reports into its run folder (`<edfHome>/runs/<time>-<command>-<env>/`):
 * report.json, report.sarif, summary.md and report.html, every file scrubbed of the run's
 * secret values by the folder. One writer for every command: synth and the engine's commands
 * give the same files from the same model.
 */
export function writeReports(report: EnvironmentReport, folder: RunFolder): ReportFiles {
    return {
        dir: folder.dir,
        json: folder.write("report.json", renderReportJsonParts(report)),
        sarif: folder.write("report.sarif", renderReportSarif(report)),
        markdown: folder.write("summary.md", renderReportMarkdown(report)),
        html: folder.write("report.html", renderReportHtmlParts(report)),
    };
}

/** A path for people: relative to the working directory when that is shorter. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith("..") && relative.length < file.length ? relative : file;
}
