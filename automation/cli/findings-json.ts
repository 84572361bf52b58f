import type { Finding } from "../../policy-packs/lib/findings";
import type { EnvironmentReport } from "../run/report/model";

/** One finding in a `--json` document: the report's finding and where it was found. */
export type JsonFinding = Finding & { readonly stack: string; readonly fix?: string };

/** Every finding of a report, flat, environment findings first: what a machine reading `--json` looks for. */
export function flatFindings(
    report: Pick<EnvironmentReport, "environment" | "environmentFindings" | "stacks" | "policies">,
): JsonFinding[] {
    const fixOf = new Map(report.policies.map((p) => [p.id, p.remediationSteps]));
    const entry = (f: Finding, stack: string): JsonFinding => ({
        ...f,
        stack,
        ...(fixOf.get(f.policyId) ? { fix: fixOf.get(f.policyId)! } : {}),
    });
    return [
        ...(report.environmentFindings ?? []).map((f) => entry(f, `(environment ${report.environment})`)),
        ...report.stacks.flatMap((s) => s.findings.map((f) => entry(f, s.stack))),
    ];
}

/** A report as `--json` prints it: the report, plus its findings as one flat list. */
export function jsonWithFindings<R extends Pick<EnvironmentReport, "environment" | "environmentFindings" | "stacks" | "policies">>(
    report: R,
): R & { readonly findings: JsonFinding[] } {
    return { ...report, findings: flatFindings(report) };
}
