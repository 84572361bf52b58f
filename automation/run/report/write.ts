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

/**
 * {@link writeReports}, each file written by Node's thread pool while the next is rendered (the
 * rendering is this thread's work; the writes, megabytes, need not wait for each other). Resolves
 * once every file is written; rejects with the first write that failed.
 */
export async function writeReportsOverlapped(report: EnvironmentReport, folder: RunFolder): Promise<ReportFiles> {
    const writing: Promise<string>[] = [];
    try {
        writing.push(folder.writeAsync("report.json", renderReportJsonParts(report)));
        writing.push(folder.writeAsync("report.sarif", renderReportSarif(report)));
        writing.push(folder.writeAsync("summary.md", renderReportMarkdown(report)));
        writing.push(folder.writeAsync("report.html", renderReportHtmlParts(report)));
    } catch (error) {
        // A file that failed to render: the writes already started end before the error is told.
        await Promise.allSettled(writing);
        throw error;
    }
    const [json, sarif, markdown, html] = (await Promise.all(writing)) as [string, string, string, string];
    return { dir: folder.dir, json, sarif, markdown, html };
}

/** A path for people: relative to the working directory when that is shorter. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith("..") && relative.length < file.length ? relative : file;
}
