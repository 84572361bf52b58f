import type * as sarif from "sarif";
import type { Finding } from "../../../policy-packs/lib/findings";
import type { InspectionResult } from "../../../policy-packs/lib/inspect";
import { stableStringify } from "../../../policy-packs/lib/reports/json";
import { toSarif, toSarifResults } from "../../../policy-packs/lib/reports/sarif";
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
 * report.sarif: one SARIF 2.1.0 run for the environment — the pack's rules and the frameworks'
 * taxonomies once, then every inspected stack's results, each anchored to its unit's program
 * file (the environment's own findings, an expired waiver, to the spec file) and naming its stack
 * in `properties.stack`. The run is told apart by `automationDetails.id` (`edf-<command>/<env>/`);
 * its properties say whether each stack passed and, for a warm synth, which came from the cache.
 * The same for synth and for the engine's preview and up: one format, one model.
 *
 * One run rather than one per stack: every run would repeat every rule with its controls (about
 * half a megabyte), 56 MB for 100 stacks, and code scanning takes at most 20 runs per upload.
 */
export function toReportSarif(report: EnvironmentReport): sarif.Log {
    const inspected = report.stacks.filter((s) => s.inspection);
    const environmentFindings = report.environmentFindings ?? [];
    if (inspected.length === 0 && environmentFindings.length === 0) return emptySarifLog();
    const passed = inspected.every((s) => s.inspection!.passed) && environmentFindings.length === 0;
    const base = inspectionOf(report, report.environment, [], passed);
    const ruleIndex = sarifRuleIndex(base);
    const results: sarif.Result[] = [];
    for (const stack of inspected) {
        const inspection = inspectionOf(report, stack.stack, stack.findings, stack.inspection!.passed, stack);
        for (const result of toSarifResults(inspection, { artifactUri: `${stack.path}/program.ts` }, ruleIndex)) {
            results.push(inStack(result, stack.stack));
        }
    }
    if (environmentFindings.length > 0) {
        results.push(
            ...toSarifResults(
                inspectionOf(report, report.environment, environmentFindings, false),
                { artifactUri: report.spec },
                ruleIndex,
            ),
        );
    }
    const cached = Object.fromEntries(inspected.filter((s) => s.cached).map((s) => [s.stack, s.cached!]));
    return environmentSarifLog({
        base,
        id: `edf-${report.command}/${report.environment}/`,
        results,
        properties: {
            environment: report.environment,
            passed,
            stacks: Object.fromEntries(inspected.map((s) => [s.stack, { passed: s.inspection!.passed }])),
            // The one mark in which a warm synth's SARIF differs from a cold one's.
            ...(Object.keys(cached).length > 0 ? { "edf/cached": cached } : {}),
        },
    });
}

/** A SARIF log with no runs: nothing was inspected. */
export function emptySarifLog(): sarif.Log {
    return { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [] };
}

/** Each rule's index in the environment's run (the pack's policies, in order). */
export function sarifRuleIndex(base: InspectionResult): ReadonlyMap<string, number> {
    return new Map(base.policies.map((p, i) => [p.id, i]));
}

/** The parts of an environment's one SARIF run. */
export interface EnvironmentSarifRun {
    /** The environment as an inspection without findings: the pack's rules and the frameworks' taxonomies come from it. */
    readonly base: InspectionResult;
    /** `automationDetails.id`: what tells this run apart from other tools' and other environments'. */
    readonly id: string;
    /** Every stack's results, each naming its stack ({@link inStack}). */
    readonly results: readonly sarif.Result[];
    readonly properties: sarif.PropertyBag;
}

/**
 * One SARIF 2.1.0 run for an environment — the rules and taxonomies once, then every stack's results
 * — as synth, preview, up and inspect write it.
 */
export function environmentSarifLog(run: EnvironmentSarifRun): sarif.Log {
    const [shape] = toSarif(run.base).runs;
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [{ ...shape!, results: [...run.results], automationDetails: { id: run.id }, properties: run.properties }],
    };
}

/**
 * A stack's result in the environment's run: it names its stack, and a finding on the stack as a
 * whole (no URN) is fingerprinted with the stack's name, so equal findings of two stacks stay two alerts.
 */
export function inStack(result: sarif.Result, stack: string): sarif.Result {
    const fingerprint = result.partialFingerprints?.["edfFinding/v1"];
    const stackWide = fingerprint !== undefined && fingerprint.split("|")[1] === "";
    return {
        ...result,
        ...(stackWide ? { partialFingerprints: { "edfFinding/v1": fingerprint.replace("||", `|stack:${stack}|`) } } : {}),
        properties: { ...result.properties, stack },
    };
}

/** SARIF text with sorted keys, without indentation (it is read by code-scanning tools): equal reports give equal bytes. */
export function renderReportSarif(report: EnvironmentReport): string {
    return `${stableStringify(toReportSarif(report), 0)}\n`;
}
