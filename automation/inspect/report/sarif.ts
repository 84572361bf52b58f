import type * as sarif from "sarif";
import type { InspectionResult } from "../../../policy-packs/lib/inspect";
import { stableStringify } from "../../../policy-packs/lib/reports/json";
import { toSarif } from "../../../policy-packs/lib/reports/sarif";
import { projectName } from "../../../unit/project";
import type { InspectReport, InspectStackReport } from "./model";

function inspectionOf(report: InspectReport, stack: InspectStackReport): InspectionResult {
    return {
        pack: { name: report.pack.name, version: report.pack.version },
        environment: report.environment,
        stack: { name: stack.stack, project: projectName() },
        date: report.date,
        policies: [...report.policies],
        findings: stack.findings.map(({ fingerprint: _f, new: _n, ...finding }) => finding),
        frameworks: [...report.frameworks],
        waivers: {
            applied: [...stack.waivers.applied],
            expired: [...stack.waivers.expired],
            rejected: [...stack.waivers.rejected],
            unused: [...stack.waivers.unused],
        },
        remediations: [],
        summary: {
            resources: stack.services.length,
            policies: report.policies.length,
            evaluations: stack.inspection?.evaluations ?? 0,
            mandatory: stack.inspection?.mandatory ?? 0,
            advisory: stack.inspection?.advisory ?? 0,
            waived: stack.inspection?.waived ?? 0,
            passed: stack.status === "passed",
        },
    };
}

/**
 * report.sarif: one SARIF 2.1.0 run per inspected stack (`automationDetails.id`
 * `edf-inspect/<env>/<stack>/`), results anchored to the unit's program, each carrying its
 * fingerprint (`partialFingerprints`) so code-scanning UIs track a finding across nights, and
 * `baselineState` (`new` or `unchanged`) from the delta.
 */
export function toInspectSarif(report: InspectReport, programOf: (unit: string) => string): sarif.Log {
    const runs: sarif.Run[] = [];
    for (const stack of report.stacks) {
        if (!stack.inspection) continue;
        const log = toSarif(inspectionOf(report, stack), { artifactUri: programOf(stack.unit) });
        for (const run of log.runs) {
            const results = (run.results ?? []).map((r, i) => {
                const finding = stack.findings[i]!;
                return {
                    ...r,
                    partialFingerprints: { ...(r.partialFingerprints ?? {}), "edfInspectFinding/v1": finding.fingerprint },
                    baselineState: (finding.new ? "new" : "unchanged") as sarif.Result["baselineState"],
                };
            });
            runs.push({ ...run, results, automationDetails: { id: `edf-inspect/${report.environment}/${stack.stack}/` } });
        }
    }
    return { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs };
}

export function renderInspectSarif(report: InspectReport, programOf: (unit: string) => string): string {
    return `${stableStringify(toInspectSarif(report, programOf))}\n`;
}
