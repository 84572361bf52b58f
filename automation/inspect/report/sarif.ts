import type * as sarif from "sarif";
import type { InspectionResult } from "../../../policy-packs/lib/inspect";
import { stableStringify } from "../../../policy-packs/lib/reports/json";
import { toSarifResults } from "../../../policy-packs/lib/reports/sarif";
import { projectName } from "../../../unit/project";
import { emptySarifLog, environmentSarifLog, inStack, sarifRuleIndex } from "../../run/report/sarif";
import type { InspectReport, InspectStackReport } from "./model";

const NO_WAIVERS = { applied: [], expired: [], rejected: [], unused: [] } as const;

/** A stack's inspection, or (without a stack) the environment's, in the shape the shared SARIF reporter takes. */
function inspectionOf(report: InspectReport, stack?: InspectStackReport): InspectionResult {
    const waivers = stack?.waivers ?? NO_WAIVERS;
    return {
        pack: { name: report.pack.name, version: report.pack.version },
        environment: report.environment,
        stack: { name: stack?.stack ?? report.environment, project: projectName() },
        date: report.date,
        policies: [...report.policies],
        findings: (stack?.findings ?? []).map(({ fingerprint: _f, new: _n, ...finding }) => finding),
        frameworks: [...report.frameworks],
        waivers: {
            applied: [...waivers.applied],
            expired: [...waivers.expired],
            rejected: [...waivers.rejected],
            unused: [...waivers.unused],
        },
        remediations: [],
        summary: {
            resources: stack?.services.length ?? 0,
            policies: report.policies.length,
            evaluations: stack?.inspection?.evaluations ?? 0,
            mandatory: stack?.inspection?.mandatory ?? 0,
            advisory: stack?.inspection?.advisory ?? 0,
            waived: stack?.inspection?.waived ?? 0,
            passed: stack ? stack.status === "passed" : report.outcome === "passed",
        },
    };
}

/**
 * report.sarif: one SARIF 2.1.0 run for the environment (`automationDetails.id`
 * `edf-inspect/<env>/`), as synth's and the engine's: the pack's rules once, then every inspected
 * stack's results, each anchored to its unit's program and naming its stack in
 * `properties.stack`, carrying its fingerprint (`partialFingerprints`) so code-scanning UIs track a
 * finding across nights, and `baselineState` (`new` or `unchanged`) from the delta. One run per
 * stack would repeat every rule with its controls per stack, and code scanning takes at most 20
 * runs per upload.
 */
export function toInspectSarif(report: InspectReport, programOf: (unit: string) => string): sarif.Log {
    const inspected = report.stacks.filter((s) => s.inspection);
    if (inspected.length === 0) return emptySarifLog();
    const base = inspectionOf(report);
    const ruleIndex = sarifRuleIndex(base);
    const results: sarif.Result[] = [];
    for (const stack of inspected) {
        const sarifResults = toSarifResults(inspectionOf(report, stack), { artifactUri: programOf(stack.unit) }, ruleIndex);
        sarifResults.forEach((r, i) => {
            const finding = stack.findings[i]!;
            const named = inStack(r, stack.stack);
            results.push({
                ...named,
                partialFingerprints: { ...(named.partialFingerprints ?? {}), "edfInspectFinding/v1": finding.fingerprint },
                baselineState: finding.new ? "new" : "unchanged",
            });
        });
    }
    return environmentSarifLog({
        base,
        id: `edf-inspect/${report.environment}/`,
        results,
        properties: {
            environment: report.environment,
            passed: inspected.every((s) => s.status === "passed"),
            stacks: Object.fromEntries(inspected.map((s) => [s.stack, { passed: s.status === "passed" }])),
        },
    });
}

export function renderInspectSarif(report: InspectReport, programOf: (unit: string) => string): string {
    return `${stableStringify(toInspectSarif(report, programOf))}\n`;
}
