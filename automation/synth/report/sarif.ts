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
    // The rules and taxonomies are built from the report's policies and frameworks alone, the same for
    // every stack: the first run's objects serve every run, so the text is serialized once (renderSynthSarif).
    let shared: Pick<sarif.Run, "tool" | "taxonomies"> | undefined;
    for (const stack of report.stacks) {
        if (!stack.inspection) continue;
        const log = toSarif(inspectionOf(report, stack), { artifactUri: `${stack.path}/program.ts` });
        for (const run of log.runs) {
            shared ??= { tool: run.tool, taxonomies: run.taxonomies };
            runs.push({
                ...run,
                tool: shared.tool,
                ...(shared.taxonomies ? { taxonomies: shared.taxonomies } : {}),
                automationDetails: { id: `edf-synth/${report.environment}/${stack.stack}/` },
                // The one mark in which a warm run's SARIF differs from a cold one's.
                ...(stack.cached ? { properties: { ...run.properties, "edf/cached": stack.cached } } : {}),
            });
        }
    }
    return { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs };
}

/** A stand-in for a shared value in the text being assembled: no string of a report holds NUL characters. */
const placeholder = (i: number): string => `\u0000edf-shared-${i}\u0000`;
const PLACEHOLDER_TEXT = /"\\u0000edf-shared-(\d+)\\u0000"/g;

/**
 * SARIF text with sorted keys: equal runs give equal bytes. Written without indentation: it is
 * read by code-scanning tools, and every run repeats every rule with its framework controls.
 * Each distinct `tool` and `taxonomies` object is serialized once and its text spliced into every
 * run that holds it (hundreds of KB per run, most of a warm run's time otherwise); the bytes are
 * those of `stableStringify(toSynthSarif(report), 0)`.
 */
export function renderSynthSarif(report: SynthReport): string {
    const log = toSynthSarif(report);
    const texts: string[] = [];
    const ids = new Map<unknown, number>();
    const shared = (value: unknown): string => {
        let id = ids.get(value);
        if (id === undefined) {
            id = texts.length;
            ids.set(value, id);
            texts.push(stableStringify(value, 0));
        }
        return placeholder(id);
    };
    const runs = log.runs.map((run) => ({
        ...run,
        tool: shared(run.tool),
        ...(run.taxonomies ? { taxonomies: shared(run.taxonomies) } : {}),
    }));
    const text = stableStringify({ ...log, runs }, 0).replace(PLACEHOLDER_TEXT, (_match, id: string) => texts[Number(id)]!);
    return `${text}\n`;
}
