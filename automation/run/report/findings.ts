import { compareFindings, Finding, isBlocking } from "../../../policy-packs/lib/findings";
import type { EnvironmentReport, StackReport } from "./model";

/** Findings about the environment, not one stack: every stack's inspection reports them alike. */
const ENVIRONMENT_KINDS: ReadonlySet<Finding["kind"]> = new Set(["waiver-expired", "waiver-rejected"]);

function findingKey(f: Finding): string {
    return `${f.kind}\u0000${f.policyId}\u0000${f.urn}\u0000${f.message}`;
}

/**
 * Takes the environment's findings — an expired waiver, a waiver for a policy that may not be
 * waived — out of the stacks that each reported them, and returns them once. A stack keeps its
 * status (the environment finding does block it) and its counts no longer include them.
 */
export function hoistEnvironmentFindings<S extends Pick<StackReport, "findings" | "inspection" | "status" | "reason">>(
    stacks: readonly S[],
): { stacks: S[]; environmentFindings: Finding[] } {
    const once = new Map<string, Finding>();
    const rest = stacks.map((s) => {
        const own = s.findings.filter((f) => !ENVIRONMENT_KINDS.has(f.kind));
        if (own.length === s.findings.length) return s;
        for (const f of s.findings) if (ENVIRONMENT_KINDS.has(f.kind)) once.set(findingKey(f), f);
        const hoisted = s.findings.length - own.length;
        const blockingHoisted = s.findings.filter((f) => ENVIRONMENT_KINDS.has(f.kind) && isBlocking(f)).length;
        return {
            ...s,
            findings: own,
            ...(s.inspection ? { inspection: { ...s.inspection, mandatory: Math.max(0, s.inspection.mandatory - blockingHoisted) } } : {}),
            ...(hoisted > 0 && s.status === "policy-violation" && !own.some(isBlocking)
                ? { reason: "blocked by the environment's own finding (see the environment findings): no finding of its own" }
                : {}),
        };
    });
    return { stacks: rest, environmentFindings: [...once.values()].sort(compareFindings) };
}

/** One finding as the terminal and the summaries name it. */
export interface ListedFinding {
    readonly finding: Finding;
    /** The stack, or the environment for an environment finding. */
    readonly where: string;
    /** The policy's remediation: how to comply. */
    readonly fix?: string;
}

/** Every unwaived mandatory finding of a report, environment findings first, then by stack. */
export function blockingFindings(report: EnvironmentReport): ListedFinding[] {
    const fixOf = new Map(report.policies.map((p) => [p.id, p.remediationSteps]));
    const listed = (f: Finding, where: string): ListedFinding => ({
        finding: f,
        where,
        ...(fixOf.get(f.policyId) ? { fix: fixOf.get(f.policyId)! } : {}),
    });
    return [
        ...(report.environmentFindings ?? []).filter(isBlocking).map((f) => listed(f, `environment ${report.environment}`)),
        ...report.stacks.flatMap((s) => s.findings.filter(isBlocking).map((f) => listed(f, s.stack))),
    ];
}

/** The resource a finding names, short: its name, else the last URN segment, else `(stack)`. */
export function resourceOf(f: Finding): string {
    return f.resourceName ?? (f.urn ? (f.urn.split("::").pop() ?? f.urn) : "(stack)");
}

/** How many findings the terminal lists before "and N more". */
export const TERMINAL_FINDINGS = 10;

/**
 * The unwaived mandatory findings for the terminal, as cdk-nag and Checkov print them: policy,
 * stack, resource, message and the fix, at most `cap`, then "… and N more" pointing at the report.
 */
export function terminalFindings(report: EnvironmentReport, where: string | undefined, cap = TERMINAL_FINDINGS): string[] {
    const all = blockingFindings(report);
    if (all.length === 0) return [];
    const lines = [`${all.length} mandatory finding(s) block this ${report.command === "synth" ? "environment" : report.command}:`];
    for (const { finding: f, where: at, fix } of all.slice(0, cap)) {
        const kind = f.kind === "violation" ? "" : ` (${f.kind})`;
        lines.push(`  ✗ ${f.policyId}${kind} · ${at} · ${resourceOf(f)}`);
        lines.push(`      ${f.message.replace(/\s*\n\s*/g, " ")}`);
        if (fix) lines.push(`      fix: ${fix.replace(/\s*\n\s*/g, " ")}`);
    }
    if (all.length > cap) lines.push(`  … and ${all.length - cap} more${where ? ` in ${where}` : ""}`);
    return lines;
}
