import { compareFindings, Finding, FindingKind } from "../../policy-packs/lib/findings";
import type { PolicySummary } from "../../policy-packs/lib/inspect";
import { WAIVERS_POLICY_ID } from "../../policy-packs/lib/engine-waivers";
import type { EnvironmentPolicy } from "../policy/environment-policy";
import type { PolicyViolation } from "./types";

/** The analyzer's words for a policy that read a value unknown until deployment (@pulumi/policy's server). */
const UNKNOWN_DURING_PREVIEW = /can't run .* during preview/i;

/** The engine prefixes a violation with the policy's description; the last line is the finding. */
function findingText(message: string): string {
    const lines = message.split("\n").filter((l) => l.trim());
    return (lines[lines.length - 1] ?? message).trim();
}

/** The resource type and name a URN carries (`urn:pulumi:<stack>::<project>::<parent$type>::<name>`). */
function urnParts(urn: string | undefined): { resourceType?: string; resourceName?: string } {
    const parts = urn?.split("::");
    if (!parts || parts.length < 4) return {};
    return { resourceType: parts[2]!.split("$").pop()!, resourceName: parts.slice(3).join("::") };
}

/**
 * The engine's policy events as the report's findings, the very model synth's inspection gives:
 * severity and framework controls from the pack's policy list, `unknown` for a policy that
 * could not run on a preview-unknown value, the pack-level waiver verdicts as waiver findings.
 */
export function engineFindings(violations: readonly PolicyViolation[], policy: EnvironmentPolicy | undefined): Finding[] {
    const byId = new Map((policy?.policies ?? []).map((p) => [p.id, p]));
    const findings = violations
        .filter((v) => v.enforcementLevel !== "disabled")
        .map((v): Finding => {
            const definition = byId.get(v.policy);
            const text = findingText(v.message);
            const kind: FindingKind =
                v.policy === WAIVERS_POLICY_ID
                    ? /expired/i.test(text)
                        ? "waiver-expired"
                        : "waiver-rejected"
                    : UNKNOWN_DURING_PREVIEW.test(v.message)
                      ? "unknown"
                      : "violation";
            return {
                policyId: v.policy,
                urn: v.resourceUrn ?? "",
                ...urnParts(v.resourceUrn),
                level: v.enforcementLevel === "mandatory" ? "mandatory" : "advisory",
                severity: definition?.severity ?? "high",
                message: text,
                kind,
            };
        });
    return findings.sort(compareFindings);
}

/** The environment's policies as the report lists them, with this environment's levels. */
export function policySummaries(policy: EnvironmentPolicy | undefined): PolicySummary[] {
    if (!policy) return [];
    return policy.policies
        .map((p) => ({
            id: p.id,
            description: p.description,
            severity: p.severity,
            level: ((policy.packConfig[p.id] as { enforcementLevel?: PolicySummary["level"] } | undefined)?.enforcementLevel ??
                p.enforcementLevel) as PolicySummary["level"],
            waivable: p.waivable,
            remediationSteps: p.remediationSteps,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
}
