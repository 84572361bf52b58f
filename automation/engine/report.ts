import { frameworkResults } from "../../policy-packs/lib/frameworks";
import type { Plan } from "../plan";
import type { EnvironmentRun, RunStack } from "../run/environment-run";
import { countStatuses, StackStatus } from "../run/outcome";
import { hoistEnvironmentFindings, terminalFindings } from "../run/report/findings";
import { formatDuration } from "../run/report/labels";
import type { EngineRunPart, EnvironmentReport, StackReport } from "../run/report/model";
import { countInventory } from "../run/report/model";
import { CHANGE_KINDS, formatChanges, PropertyDiff, ResourceStep, showValue } from "../run/report/operations";
import { summarize } from "../run/report/summary";
import type { EngineStackDetail } from "./executor";
import { engineFindings, policySummaries } from "./findings";
import type { Operation } from "./types";

/** A stack of an engine report: the engine's part is always there. */
export type EngineStackReport = Omit<StackReport, "status"> & { readonly status: StackStatus } & Required<
        Pick<StackReport, "attempts" | "durationMs" | "changes" | "violations" | "steps" | "drift" | "unknowns">
    >;

/** The report of an engine command (report.json; `--json` prints it): the one report model with the engine's part. */
export type EngineReport = Omit<EnvironmentReport, "stacks" | "command"> &
    EngineRunPart & { readonly command: Operation; readonly stacks: readonly EngineStackReport[] };

/** Former name. */
export type RunReport = EngineReport;

/** The report of an engine run, from the environment run's record. */
export function engineReport(
    run: EnvironmentRun<EngineStackDetail>,
    operation: Operation,
    backend: string,
    options: { readonly targets?: readonly string[] } = {},
): EngineReport {
    const plan: Plan = run.plan;
    const policy = plan.policy;
    const { stacks, environmentFindings } = hoistEnvironmentFindings(run.stacks.map((s) => stackReportOf(s, plan)));
    const engineStacks = stacks;
    const violations = engineStacks.flatMap((s) => s.violations);
    return {
        reportVersion: 1,
        command: operation,
        environment: plan.loaded.spec.environment,
        spec: plan.loaded.file,
        date: policy?.date ?? new Date().toISOString().slice(0, 10),
        pack:
            policy && engineStacks.some((s) => s.inspection)
                ? { name: policy.pack.name, version: policy.pack.version, path: policy.pack.display }
                : null,
        graph: {
            units: [...plan.selection],
            edges: plan.graph.edges.filter((e) => plan.selection.includes(e.from) && plan.selection.includes(e.to)),
        },
        outcome: run.outcome,
        exitCode: run.exitCode,
        summary: summarize(stacks, environmentFindings, true),
        policies: policySummaries(policy),
        ...(environmentFindings.length > 0 ? { environmentFindings } : {}),
        // The same per-control view as synth's, from the engine's findings: one verdict, one report.
        frameworks: frameworkResults(
            policy?.frameworks ?? [],
            [...environmentFindings, ...stacks.flatMap((s) => s.findings)],
            new Set(
                policySummaries(policy)
                    .filter((p) => p.level !== "disabled")
                    .map((p) => p.id),
            ),
        ),
        stacks: engineStacks,
        backend,
        ...(run.runFolder ? { runDir: run.runFolder.dir } : {}),
        startedAt: run.startedAt.toISOString(),
        finishedAt: run.finishedAt.toISOString(),
        durationMs: run.finishedAt.getTime() - run.startedAt.getTime(),
        parallel: run.parallel,
        selection: plan.selection,
        counts: countStatuses(stacks),
        violations,
        ...(options.targets?.length ? { targets: options.targets } : {}),
    };
}

/** One stack's record: the run's fields, the engine's detail, the findings made of its policy events. */
function stackReportOf(stack: RunStack<EngineStackDetail>, plan: Plan): EngineStackReport {
    const { detail } = stack;
    const findings = engineFindings(detail.violations, plan.policy);
    const unwaived = findings.filter((f) => !f.waivedBy);
    const mandatory = unwaived.filter((f) => f.level === "mandatory").length;
    return {
        unit: stack.unit,
        stack: stack.stack,
        path: plan.loaded.spec.units[stack.unit]!.path,
        status: stack.status,
        ...(stack.reason ? { reason: stack.reason } : {}),
        dependsOn: plan.graph.edges
            .filter((e) => e.to === stack.unit && plan.selection.includes(e.from))
            .map((e) => e.from)
            .sort(),
        inputs: detail.inputs,
        outputs: detail.outputs,
        secretOutputs: detail.secretOutputs,
        invokes: {},
        resourceCounts: countInventory(detail.resources),
        resources: detail.resources,
        findings,
        waivers: { applied: [], expired: [], rejected: [], unused: [] },
        ...(detail.judged
            ? {
                  inspection: {
                      evaluations: 0,
                      mandatory,
                      advisory: unwaived.length - mandatory,
                      waived: 0,
                      passed: mandatory === 0 && stack.status !== "policy-violation",
                  },
              }
            : {}),
        attempts: stack.attempts,
        ...(stack.startedAt ? { startedAt: stack.startedAt } : {}),
        durationMs: stack.durationMs,
        changes: detail.changes,
        steps: detail.steps,
        drift: detail.drift,
        ...(stack.drifted !== undefined ? { drifted: stack.drifted } : {}),
        unknowns: detail.unknowns,
        violations: detail.violations,
        ...(detail.log ? { log: detail.log } : {}),
    };
}

/** The human summary table of a report: every stack, then the blocking findings with their fix, then where the reports are. */
export function summaryTable(report: EngineReport): string {
    const rows = report.stacks.map((s) => [
        s.unit,
        s.status + (s.drifted ? " (drifted)" : ""),
        `${(s.durationMs / 1000).toFixed(1)}s`,
        formatChanges(s.changes),
        s.attempts > 1 ? String(s.attempts) : "",
        s.reason ?? "",
    ]);
    const header = ["STACK", "STATUS", "TIME", "RESOURCES", "TRIES", "NOTE"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => Math.min(60, r[i]!.length))));
    const line = (cells: string[]): string =>
        cells
            .map((c, i) => (i === cells.length - 1 ? c : c.slice(0, 60).padEnd(widths[i]!)))
            .join("  ")
            .trimEnd();
    const out = [line(header), ...rows.map(line)];
    const blocking = terminalFindings(report, report.runDir ? `${report.runDir}/report.html` : undefined);
    if (blocking.length > 0) out.push("", ...blocking);
    const advisory = report.summary.advisory;
    if (advisory > 0) out.push("", `${advisory} advisory finding(s): see summary.md or report.html`);
    const counts = Object.entries(report.counts)
        .map(([status, n]) => `${n} ${status}`)
        .join(", ");
    out.push(
        "",
        `${report.command} ${report.environment}: ${report.outcome} ` +
            `(${counts}) in ${(report.durationMs / 1000).toFixed(1)}s — exit ${report.exitCode}`,
    );
    if (report.runDir) {
        out.push(`reports: ${report.runDir}/  (report.html, summary.md, report.json, report.sarif, one log per stack)`);
    }
    return out.join("\n");
}

/** The plan a confirmation shows: per stack, creates / updates / replaces / deletes, and every dangerous operation by name. */
export function planTable(report: EngineReport): string {
    const out: string[] = [];
    for (const s of report.stacks) {
        const changes = Object.fromEntries(CHANGE_KINDS.map((k) => [k, s.changes[k] ?? 0]));
        const text = formatChanges(changes) || "no changes";
        out.push(
            `  ${s.unit.padEnd(24)} ${text}${s.status === "preview-with-unknowns" ? "  (upstream outputs unknown until deployed)" : ""}`,
        );
        if (s.status !== "succeeded" && s.status !== "preview-with-unknowns" && s.status !== "not-deployed") {
            out.push(`    ${s.status}: ${s.reason ?? ""}`);
        }
        for (const step of s.steps.filter((st) => st.dangerous || st.protect)) {
            out.push(
                `    ! ${step.op} ${step.name} (${step.type})${step.protect ? " — protected" : ""}${step.stateful ? " — holds data" : ""}`,
            );
        }
    }
    return out.join("\n");
}

/** What `destroy` will delete, stack by stack in the order it deletes them, protected resources named. */
export function destroyListing(report: EngineReport): string {
    const order = [...report.stacks].reverse();
    const out: string[] = [];
    for (const s of order) {
        if (s.steps.length === 0) {
            out.push(`  ${s.unit}: nothing to delete`);
            continue;
        }
        const protectedSteps = s.steps.filter((st) => st.protect);
        out.push(`  ${s.unit}: ${s.steps.length} resource(s)${protectedSteps.length ? `, ${protectedSteps.length} protected` : ""}`);
        for (const step of s.steps) {
            out.push(`    - ${step.name} (${step.type})${step.protect ? "  PROTECTED" : ""}${step.stateful ? "  holds data" : ""}`);
        }
    }
    return out.join("\n");
}

function diffLine(d: PropertyDiff): string {
    if (d.before === undefined) return `        + ${d.path}: ${showValue(d.after)}`;
    if (d.after === undefined) return `        - ${d.path}: ${showValue(d.before)}`;
    return `        ~ ${d.path}: ${showValue(d.before)} → ${showValue(d.after)}${d.secret ? " (secret: changed)" : ""}`;
}

function stepLines(step: ResourceStep): string[] {
    const flags = [step.protect ? "protected" : "", step.stateful ? "holds data" : "", step.failed ? "failed" : ""].filter(Boolean);
    const keys = step.replaceKeys?.length ? ` [replace because of ${step.replaceKeys.join(", ")}]` : "";
    return [`    ${step.op.padEnd(8)} ${step.urn}${keys}${flags.length ? `  (${flags.join(", ")})` : ""}`, ...step.diff.map(diffLine)];
}

/** `preview --diff`: every operation of every stack with its property diff (secrets masked), dangerous ones first. */
export function diffListing(report: EngineReport): string {
    const out: string[] = [];
    for (const s of report.stacks) {
        if (s.steps.length === 0 && s.drift.length === 0) continue;
        out.push(`${s.stack} (${formatDuration(s.durationMs)}):`);
        for (const step of s.steps) out.push(...stepLines(step));
        for (const d of s.drift) {
            out.push(`    drifted  ${d.urn}${d.op === "delete" ? "  (gone from the cloud)" : ""}`);
            out.push(...d.diff.map((p) => `        ${p.path}: expected ${showValue(p.before)}, actual ${showValue(p.after)}`));
        }
    }
    return out.length ? out.join("\n") : "no resource changes";
}
