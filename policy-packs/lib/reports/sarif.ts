import type * as sarif from "sarif";
import type { Finding } from "../findings";
import { controlsByPolicy, FrameworkResult } from "../frameworks";
import type { InspectionResult, PolicySummary } from "../inspect";
import { stableStringify } from "./json";

export interface SarifOptions {
    /**
     * The file results are anchored to: code-scanning UIs want a physical location, and a
     * resource's true home is its program. The URN stays the logical location.
     * @default "Pulumi.yaml"
     */
    readonly artifactUri?: string;
    /** @default - none */
    readonly informationUri?: string;
}

const SEVERITY_SCORE = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" } as const;

function ruleLevel(p: PolicySummary): sarif.ReportingConfiguration["level"] {
    return p.level === "mandatory" || p.level === "remediate" ? "error" : p.level === "advisory" ? "warning" : "none";
}

function resultLevel(f: Finding): sarif.Result["level"] {
    if (f.kind === "unknown") return "note";
    return f.level === "mandatory" ? "error" : "warning";
}

function pascal(id: string): string {
    return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
}

/**
 * The chosen frameworks as SARIF taxonomies (one per framework, its applicable controls as taxa),
 * the way SARIF carries CWE: each rule names the controls it evidences as `relevant` relationships.
 */
function taxonomies(frameworks: readonly FrameworkResult[]): sarif.ToolComponent[] {
    return frameworks.map((f) => ({
        name: f.name,
        version: f.version,
        informationUri: f.source,
        organization: f.id,
        isComprehensive: false,
        taxa: f.controls.filter((c) => c.status !== "not-applicable").map((c) => ({ id: c.id, shortDescription: { text: c.title } })),
    }));
}

type Cited = ReturnType<typeof controlsByPolicy> extends ReadonlyMap<string, infer C> ? C : never;

/**
 * Rules made for a frozen policy summary, by everything else a rule reads (its controls and their
 * frameworks' names): `edf synth --watch` writes the same rules round after round, and a rule kept
 * frozen keeps its text too (stableStringify).
 */
const keptRules = new WeakMap<PolicySummary, Map<string, sarif.ReportingDescriptor>>();

/** The SARIF rule of a policy, with the controls it evidences. */
function ruleOf(p: PolicySummary, cited: Cited, frameworks: readonly FrameworkResult[]): sarif.ReportingDescriptor {
    // A frozen summary's fields (all of them plain values) can never change: its rule is kept.
    if (!Object.isFrozen(p)) return buildRule(p, cited, frameworks);
    const key = JSON.stringify(
        cited.map((c) => [
            c.framework,
            c.controls,
            frameworks[c.framework]!.name,
            frameworks[c.framework]!.version,
            frameworks[c.framework]!.id,
        ]),
    );
    let byKey = keptRules.get(p);
    if (!byKey) keptRules.set(p, (byKey = new Map()));
    let rule = byKey.get(key);
    if (!rule) byKey.set(key, (rule = freezeDeep(buildRule(p, cited, frameworks))));
    return rule;
}

function buildRule(p: PolicySummary, cited: Cited, frameworks: readonly FrameworkResult[]): sarif.ReportingDescriptor {
    const controlsText = cited.map((c) => `${frameworks[c.framework]!.name} ${frameworks[c.framework]!.version} ${c.controls.join(", ")}`);
    return {
        id: p.id,
        name: pascal(p.id),
        shortDescription: { text: p.description },
        fullDescription: { text: cited.length > 0 ? `${p.description} Controls: ${controlsText.join("; ")}.` : p.description },
        help: { text: p.remediationSteps, markdown: `**How to comply:** ${p.remediationSteps}` },
        defaultConfiguration: { level: ruleLevel(p), enabled: p.level !== "disabled" },
        ...(cited.length > 0
            ? {
                  relationships: cited.flatMap((c) =>
                      c.controls.map((control) => ({
                          target: { id: control, toolComponent: { name: frameworks[c.framework]!.name, index: c.framework } },
                      })),
                  ),
              }
            : {}),
        properties: {
            severity: p.severity,
            "security-severity": SEVERITY_SCORE[p.severity],
            waivable: p.waivable,
            enforcementLevel: p.level,
            tags: ["security", ...cited.flatMap((c) => c.controls.map((control) => `${frameworks[c.framework]!.id}/${control}`))],
        },
    };
}

function freezeDeep<T>(value: T): T {
    if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
        for (const child of Object.values(value)) freezeDeep(child);
        Object.freeze(value);
    }
    return value;
}

/**
 * The inspection as a SARIF 2.1.0 log: one rule per policy (related to the controls of the chosen
 * frameworks it evidences), the URN as logical location, waivers as suppressions.
 */
export function toSarif(result: InspectionResult, options: SarifOptions = {}): sarif.Log {
    const ruleIndex = new Map(result.policies.map((p, i) => [p.id, i]));
    const mapped = controlsByPolicy(result.frameworks);
    const rules: sarif.ReportingDescriptor[] = result.policies.map((p) => ruleOf(p, mapped.get(p.id) ?? [], result.frameworks));
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: result.pack.name,
                        version: result.pack.version,
                        ...(options.informationUri ? { informationUri: options.informationUri } : {}),
                        rules,
                    },
                },
                invocations: [{ executionSuccessful: true, properties: { environment: result.environment, date: result.date } }],
                results: toSarifResults(result, options, ruleIndex),
                ...(result.frameworks.length > 0 ? { taxonomies: taxonomies(result.frameworks) } : {}),
                properties: { environment: result.environment, stack: result.stack.name ?? "", passed: result.summary.passed },
            },
        ],
    };
}

/**
 * The inspection's findings as SARIF results (what {@link toSarif} puts in its run): each points
 * at its rule by index in `result.policies` order, its resource's URN as logical location.
 */
export function toSarifResults(
    result: InspectionResult,
    options: SarifOptions = {},
    ruleIndex: ReadonlyMap<string, number> = new Map(result.policies.map((p, i) => [p.id, i])),
): sarif.Result[] {
    return result.findings.map((f) => {
        const r: sarif.Result = {
            ruleId: f.policyId,
            ruleIndex: ruleIndex.get(f.policyId) ?? -1,
            level: resultLevel(f),
            kind: "fail",
            message: { text: f.message },
            locations: [
                {
                    physicalLocation: { artifactLocation: { uri: options.artifactUri ?? "Pulumi.yaml" } },
                    logicalLocations: [
                        f.urn
                            ? { fullyQualifiedName: f.urn, name: f.resourceName ?? f.urn.split("::").pop() ?? f.urn, kind: "resource" }
                            : {
                                  fullyQualifiedName: `stack:${result.stack.name ?? result.environment}`,
                                  name: result.stack.name ?? result.environment,
                                  kind: "module",
                              },
                    ],
                },
            ],
            partialFingerprints: { "edfFinding/v1": `${f.policyId}|${f.urn}|${f.kind}|${f.message}` },
            properties: {
                findingKind: f.kind,
                enforcementLevel: f.level,
                severity: f.severity,
                ...(f.resourceType ? { resourceType: f.resourceType } : {}),
            },
        };
        if (f.waivedBy) {
            r.suppressions = [
                {
                    kind: "external",
                    status: "accepted",
                    justification: f.waivedBy.reason,
                    properties: {
                        waiverId: f.waivedBy.id,
                        owner: f.waivedBy.owner,
                        ticket: f.waivedBy.ticket,
                        expires: f.waivedBy.expires,
                    },
                },
            ];
        }
        return r;
    });
}

/** SARIF text with sorted keys: identical input, identical bytes. */
export function renderSarifReport(result: InspectionResult, options: SarifOptions = {}): string {
    return `${stableStringify(toSarif(result, options))}\n`;
}
