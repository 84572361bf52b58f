import * as fs from "fs";
import * as path from "path";
import { frameworkResults, FrameworkResult } from "../policy-packs/lib/frameworks";
import type { Finding } from "../policy-packs/lib/findings";
import type { EngineReport, EngineStackReport } from "./engine/report";
import { EdfError, Problem } from "./errors";
import { maxFileBytes, readCheckedText } from "./files/read";
import { countStatuses, runOutcome } from "./run/outcome";
import { summarize } from "./run/report/summary";

/** The largest run report merged: a job's report of many stacks and findings runs to megabytes (`EDF_MAX_FILE_BYTES` raises it). */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024;

/** A run report merged from the jobs of a fanned-out run. */
export type MergedRunReport = EngineReport & {
    /** The reports merged, in the order their jobs started. */
    readonly merged: { readonly reports: readonly string[] };
};

/**
 * Merges the run reports of a fanned-out run — one per CI job, each `edf up --only <stacks>` —
 * into one environment report, as if one runner had run every stack: the stacks of every job (a
 * stack run by two jobs, a retried one, keeps the later run), the outcome and exit code by the one
 * rule of every command (automation/run/outcome.ts), the summary, counts, findings per framework
 * control and every violation, in the one report model (automation/run/report/). The reports
 * must share their command and environment; anything else is an `EDF_USAGE` error naming the file.
 */
export function mergeRunReports(files: readonly string[], projectRoot: string = process.cwd()): MergedRunReport {
    if (files.length === 0) {
        throw new EdfError("EDF_USAGE", "`edf report merge` needs at least one run report.", [
            { path: "<reports>", message: "no report given", fix: "pass the `report.json` files (or folders holding them) of the jobs." },
        ]);
    }
    const problems: Problem[] = [];
    const reports: { file: string; report: EngineReport }[] = [];
    for (const file of files.flatMap(reportFilesOf)) {
        let text: string;
        try {
            // Read as every file edf reads: a FIFO or device is refused at once, never waited on; a link out of the project refused.
            text = readCheckedText({
                file,
                display: file,
                what: "run report",
                origin: { kind: "named", projectRoot },
                code: "EDF_USAGE",
                maxBytes: Math.max(maxFileBytes(), MAX_REPORT_BYTES),
            });
        } catch (error) {
            if (!(error instanceof EdfError)) throw error;
            problems.push(...error.problems);
            continue;
        }
        try {
            const report = JSON.parse(text) as EngineReport;
            if (report.reportVersion !== 1 || !Array.isArray(report.stacks) || typeof report.command !== "string") {
                problems.push({
                    file,
                    message: "not an `edf` run report (`reportVersion` 1)",
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
    const byUnit = new Map<string, EngineStackReport>();
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
    // An environment finding (an expired waiver) is reported by every job that met it: once here.
    const environmentFindings = [
        ...new Map(reports.flatMap((r) => r.report.environmentFindings ?? []).map((f) => [JSON.stringify(f), f])).values(),
    ];
    const units = new Set(stacks.map((s) => s.unit));
    const edges = new Map(
        reports
            .flatMap((r) => r.report.graph.edges)
            .filter((e) => units.has(e.from) && units.has(e.to))
            .map((e) => [`${e.from}\0${e.to}`, e]),
    );
    const enabled = new Set(first.policies.filter((p) => p.level !== "disabled").map((p) => p.id));
    const findings = [...environmentFindings, ...stacks.flatMap((s) => s.findings)];
    const last = reports[reports.length - 1]!.report;
    const targets = [...new Set(reports.flatMap((r) => r.report.targets ?? []))];
    return {
        reportVersion: 1,
        command: first.command,
        environment: first.environment,
        spec: first.spec,
        date: last.date,
        pack: reports.find((r) => r.report.pack)?.report.pack ?? null,
        graph: { units: [...units], edges: [...edges.values()] },
        outcome,
        exitCode,
        summary: summarize(stacks, environmentFindings, true),
        policies: first.policies,
        ...(environmentFindings.length > 0 ? { environmentFindings } : {}),
        frameworks: first.frameworks.map((f) => retally(f, findings, enabled)),
        stacks,
        backend: first.backend,
        startedAt,
        finishedAt,
        durationMs: Date.parse(finishedAt) - Date.parse(startedAt),
        parallel: reports.reduce((n, r) => n + r.report.parallel, 0),
        selection: stacks.map((s) => s.unit),
        counts: countStatuses(stacks),
        violations: stacks.flatMap((s) => s.violations),
        ...(targets.length > 0 ? { targets } : {}),
        merged: { reports: reports.map((r) => r.file) },
    };
}

/** A framework's per-control view counted again over the findings of every job (the controls and coverage are the jobs'). */
function retally(framework: FrameworkResult, findings: readonly Finding[], enabled: ReadonlySet<string>): FrameworkResult {
    const mapping = { ...framework, published: "", mapped: "", scope: "" };
    const [result] = frameworkResults([mapping], findings, enabled);
    return { ...result!, coverage: framework.coverage };
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
