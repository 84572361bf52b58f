import * as fs from "fs";
import * as path from "path";
import type { RunReport } from "./engine/report";
import type { StackResult } from "./engine/types";
import { EdfError, Problem } from "./errors";
import { countStatuses, runOutcome } from "./run/outcome";

/** A run report merged from the jobs of a fanned-out run. */
export interface MergedRunReport extends RunReport {
    /** The reports merged, in the order their jobs started. */
    readonly merged: { readonly reports: readonly string[] };
}

/**
 * Merges the run reports of a fanned-out run — one per CI job, each `edf up --only <stacks>` —
 * into one environment report, as if one runner had run every stack: the stacks of every job (a
 * stack run by two jobs, a retried one, keeps the later run), the outcome and exit code by the one
 * rule of every command (automation/run/outcome.ts), the counts and every violation. The reports
 * must share their command and environment; anything else is an `EDF_USAGE` error naming the file.
 */
export function mergeRunReports(files: readonly string[]): MergedRunReport {
    if (files.length === 0) {
        throw new EdfError("EDF_USAGE", "`edf report merge` needs at least one run report.", [
            { path: "<reports>", message: "no report given", fix: "pass the `report.json` files (or folders holding them) of the jobs." },
        ]);
    }
    const problems: Problem[] = [];
    const reports: { file: string; report: RunReport }[] = [];
    for (const file of files.flatMap(reportFilesOf)) {
        try {
            const report = JSON.parse(fs.readFileSync(file, "utf8")) as RunReport;
            if (report.version !== 1 || !Array.isArray(report.stacks) || typeof report.command !== "string") {
                problems.push({
                    file,
                    message: "not an `edf` run report (version 1)",
                    fix: "pass the `report.json` of `edf up`/`preview` jobs.",
                });
            } else if ((report.command as string) === "synth") {
                problems.push({
                    file,
                    message: "a synth report: synth runs an environment in one job",
                    fix: "merge preview/up reports only.",
                });
            } else {
                reports.push({ file, report });
            }
        } catch (error) {
            problems.push({ file, message: `cannot read it as JSON: ${(error as Error).message}`, fix: "pass run reports only." });
        }
    }
    const first = reports[0]?.report;
    for (const { file, report } of reports) {
        if (first && (report.command !== first.command || report.environment !== first.environment)) {
            problems.push({
                file,
                message: `\`${report.command}\` of \`${report.environment}\`, not \`${first.command}\` of \`${first.environment}\``,
                fix: "merge the reports of one command on one environment at a time.",
            });
        }
    }
    if (problems.length > 0 || !first) {
        throw new EdfError("EDF_USAGE", `Cannot merge the run reports: ${problems.length} problem(s).`, problems);
    }
    reports.sort((a, b) => (a.report.startedAt < b.report.startedAt ? -1 : a.report.startedAt > b.report.startedAt ? 1 : 0));
    const byUnit = new Map<string, StackResult>();
    for (const { report } of reports) {
        for (const stack of report.stacks) {
            const known = byUnit.get(stack.unit);
            // A stack skipped in one job and run in another (a retry) keeps the run.
            if (!known || known.status === "skipped" || stack.status !== "skipped") byUnit.set(stack.unit, stack);
        }
    }
    const stacks = [...byUnit.values()];
    const { outcome, exitCode } = runOutcome(
        stacks,
        reports.some((r) => r.report.outcome === "interrupted"),
    );
    const startedAt = reports[0]!.report.startedAt;
    const finishedAt = reports.map((r) => r.report.finishedAt).sort()[reports.length - 1]!;
    return {
        version: 1,
        command: first.command,
        environment: first.environment,
        spec: first.spec,
        backend: first.backend,
        startedAt,
        finishedAt,
        durationMs: Date.parse(finishedAt) - Date.parse(startedAt),
        parallel: reports.reduce((n, r) => n + r.report.parallel, 0),
        selection: stacks.map((s) => s.unit),
        outcome,
        exitCode,
        stacks,
        violations: stacks.flatMap((s) => s.violations),
        counts: countStatuses(stacks),
        merged: { reports: reports.map((r) => r.file) },
    };
}

/** A report file, or every `report.json` under a folder. */
function reportFilesOf(file: string): string[] {
    if (!fs.existsSync(file)) {
        throw new EdfError("EDF_USAGE", `No run report at \`${file}\`.`, [
            { path: file, message: "no such file or folder", fix: "check the path." },
        ]);
    }
    if (!fs.statSync(file).isDirectory()) return [file];
    return fs
        .readdirSync(file, { withFileTypes: true })
        .flatMap((e) =>
            e.isDirectory() ? reportFilesOf(path.join(file, e.name)) : e.name === "report.json" ? [path.join(file, e.name)] : [],
        )
        .sort();
}
