import type * as sarif from "sarif";
import type { Finding } from "../findings";
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

/** The inspection as a SARIF 2.1.0 log: one rule per policy, the URN as logical location, waivers as suppressions. */
export function toSarif(result: InspectionResult, options: SarifOptions = {}): sarif.Log {
    const ruleIndex = new Map(result.policies.map((p, i) => [p.id, i]));
    const rules: sarif.ReportingDescriptor[] = result.policies.map((p) => ({
        id: p.id,
        name: pascal(p.id),
        shortDescription: { text: p.description },
        fullDescription: { text: `${p.description} Controls: PCI DSS v4.0 ${p.controls["pci-dss-v4.0"].join(", ")}.` },
        help: { text: p.remediationSteps, markdown: `**How to comply:** ${p.remediationSteps}` },
        defaultConfiguration: { level: ruleLevel(p), enabled: p.level !== "disabled" },
        properties: {
            severity: p.severity,
            "security-severity": SEVERITY_SCORE[p.severity],
            waivable: p.waivable,
            enforcementLevel: p.level,
            tags: ["security", ...p.controls["pci-dss-v4.0"].map((c) => `pci-dss-v4.0/${c}`)],
        },
    }));
    const results: sarif.Result[] = result.findings.map((f) => {
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
                results,
                properties: { environment: result.environment, stack: result.stack.name ?? "", passed: result.summary.passed },
            },
        ],
    };
}

/** SARIF text with sorted keys: identical input, identical bytes. */
export function renderSarifReport(result: InspectionResult, options: SarifOptions = {}): string {
    return `${stableStringify(toSarif(result, options))}\n`;
}
