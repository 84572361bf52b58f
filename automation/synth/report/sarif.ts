import type * as sarif from "sarif";
import type { InspectionResult } from "../../../policy-packs/lib/inspect";
import { stableStringify } from "../../../policy-packs/lib/reports/json";
import { toSarif } from "../../../policy-packs/lib/reports/sarif";
import type { SynthReport, SynthStackReport } from "./model";
import { projectName } from "../../../unit/project";

/** The inspection of one stack in the shape the shared SARIF reporter takes. */
function inspectionOf(report: SynthReport, stack: SynthStackReport): InspectionResult {
    return {
        pack: { name: report.pack?.name ?? "edf-policies", version: report.pack?.version ?? "0.0.0" },
        environment: report.environment,
        stack: { name: stack.stack, project: projectName() },
        date: report.date,
        policies: [...report.policies],
        findings: [...stack.findings],
        frameworks: [...report.frameworks],
        waivers: {
            applied: [...stack.waivers.applied],
            expired: [...stack.waivers.expired],
            rejected: [...stack.waivers.rejected],
            unused: [...stack.waivers.unused],
        },
        remediations: [],
        summary: {
            resources: stack.resourceCounts.total,
            policies: report.policies.length,
            evaluations: stack.inspection?.evaluations ?? 0,
            mandatory: stack.inspection?.mandatory ?? 0,
            advisory: stack.inspection?.advisory ?? 0,
            waived: stack.inspection?.waived ?? 0,
            passed: stack.inspection?.passed ?? true,
        },
    };
}

/**
 * report.sarif: one SARIF 2.1.0 run per inspected stack (the shared reporter's run), each
 * anchored to the unit's program file and told apart by `automationDetails.id`
 * (`edf-synth/<env>/<stack>/`), as code-scanning UIs want several runs of one tool.
 */
export function toSynthSarif(report: SynthReport): sarif.Log {
    const runs: sarif.Run[] = [];
    for (const stack of report.stacks) {
        if (!stack.inspection) continue;
        const log = toSarif(inspectionOf(report, stack), { artifactUri: `${stack.path}/program.ts` });
        for (const run of log.runs) {
            runs.push({ ...run, automationDetails: { id: `edf-synth/${report.environment}/${stack.stack}/` } });
        }
    }
    return { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs };
}

/**
 * SARIF text with sorted keys: equal runs give equal bytes. Written without indentation: it is
 * read by code-scanning tools, and every run repeats every rule with its framework controls.
 */
export function renderSynthSarif(report: SynthReport): string {
    return `${stableStringify(toSynthSarif(report), 0)}\n`;
}
