import type * as sarif from "sarif";
import type { Finding } from "../../../policy-packs/lib/findings";
import type { InspectionResult } from "../../../policy-packs/lib/inspect";
import { stableStringify } from "../../../policy-packs/lib/reports/json";
import { toSarif } from "../../../policy-packs/lib/reports/sarif";
import type { EnvironmentReport, StackReport } from "./model";
import { projectName } from "../../../unit/project";

/** The findings of one stack (or of the environment) in the shape the shared SARIF reporter takes. */
function inspectionOf(
    report: EnvironmentReport,
    stack: string,
    findings: readonly Finding[],
    passed: boolean,
    s?: StackReport,
): InspectionResult {
    return {
        pack: { name: report.pack?.name ?? "edf-policies", version: report.pack?.version ?? "0.0.0" },
        environment: report.environment,
        stack: { name: stack, project: projectName() },
        date: report.date,
        policies: [...report.policies],
        findings: [...findings],
        frameworks: [...report.frameworks],
        waivers: {
            applied: [...(s?.waivers.applied ?? [])],
            expired: [...(s?.waivers.expired ?? [])],
            rejected: [...(s?.waivers.rejected ?? [])],
            unused: [...(s?.waivers.unused ?? [])],
        },
        remediations: [],
        summary: {
            resources: s?.resourceCounts.total ?? 0,
            policies: report.policies.length,
            evaluations: s?.inspection?.evaluations ?? 0,
            mandatory: s?.inspection?.mandatory ?? 0,
            advisory: s?.inspection?.advisory ?? 0,
            waived: s?.inspection?.waived ?? 0,
            passed,
        },
    };
}

/**
 * report.sarif: one SARIF 2.1.0 run per stack the policies judged (the shared reporter's run),
 * each anchored to the unit's program file and told apart by `automationDetails.id`
 * (`edf-<command>/<env>/<stack>/`), as code-scanning UIs want several runs of one tool; the
 * environment's own findings (an expired waiver) once, in a run anchored to the spec file.
 * The same for synth and for the engine's preview and up: one format, one model.
 */
export function toReportSarif(report: EnvironmentReport): sarif.Log {
    const runs: sarif.Run[] = [];
    const add = (log: sarif.Log, id: string): void => {
        for (const run of log.runs) runs.push({ ...run, automationDetails: { id } });
    };
    for (const stack of report.stacks) {
        if (!stack.inspection) continue;
        const log = toSarif(inspectionOf(report, stack.stack, stack.findings, stack.inspection.passed, stack), {
            artifactUri: `${stack.path}/program.ts`,
        });
        add(log, `edf-${report.command}/${report.environment}/${stack.stack}/`);
    }
    const environmentFindings = report.environmentFindings ?? [];
    if (environmentFindings.length > 0) {
        const log = toSarif(inspectionOf(report, report.environment, environmentFindings, false), { artifactUri: report.spec });
        add(log, `edf-${report.command}/${report.environment}/(environment)/`);
    }
    return { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs };
}

/**
 * SARIF text with sorted keys: equal runs give equal bytes. Written without indentation: it is
 * read by code-scanning tools, and every run repeats every rule with its framework controls.
 */
export function renderReportSarif(report: EnvironmentReport): string {
    return `${stableStringify(toReportSarif(report), 0)}\n`;
}
