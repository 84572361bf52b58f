import { Finding, isBlocking } from "../../../policy-packs/lib/findings";
import { isSuccess } from "./labels";
import type { ReportSummary, StackReport } from "./model";
import { CHANGE_KINDS } from "./operations";

/**
 * The report's counts, the same rule for every command: stacks by status, resources, and
 * findings — each environment finding (an expired waiver) once, not once per stack. For the
 * engine commands also the resource operations by kind, drifted stacks and stacks previewed
 * with unknowns.
 */
export function summarize(stacks: readonly StackReport[], environmentFindings: readonly Finding[], engine: boolean): ReportSummary {
    const count = (status: StackReport["status"]): number => stacks.filter((s) => s.status === status).length;
    const sum = (read: (s: StackReport) => number): number => stacks.reduce((n, s) => n + read(s), 0);
    const environmentMandatory = environmentFindings.filter(isBlocking).length;
    const environmentAdvisory = environmentFindings.filter((f) => !f.waivedBy && f.level === "advisory").length;
    const base: ReportSummary = {
        stacks: stacks.length,
        passed: stacks.filter((s) => isSuccess(s.status)).length,
        policyViolation: count("policy-violation"),
        failed: count("failed"),
        skipped: count("skipped"),
        cancelled: count("cancelled"),
        resources: sum((s) => s.resourceCounts.total),
        evaluations: sum((s) => s.inspection?.evaluations ?? 0),
        mandatory: sum((s) => s.inspection?.mandatory ?? 0) + environmentMandatory,
        advisory: sum((s) => s.inspection?.advisory ?? 0) + environmentAdvisory,
        waived: sum((s) => s.inspection?.waived ?? 0),
    };
    if (!engine) return base;
    // Counted from the operations the report lists (the engine's own summary leaves out a step it
    // refused, such as the delete of a protected resource in a preview).
    const operations: Record<string, number> = {};
    for (const kind of CHANGE_KINDS) operations[kind] = sum((s) => (s.steps ?? []).filter((step) => step.op === kind).length);
    return {
        ...base,
        operations,
        drifted: stacks.filter((s) => s.drifted).length,
        previewWithUnknowns: count("preview-with-unknowns"),
    };
}
