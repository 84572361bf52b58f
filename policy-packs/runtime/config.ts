import type { PolicyConfigValues } from "../lib/config";
import { RuntimeEvidence, validateEvidence } from "./evidence/model";
import { runtimePolicies } from "./policy-list";

/**
 * Pack config carrying the evidence to every runtime policy (validated first: malformed
 * evidence is a clear error, never a silent pass). Merge it with other settings per policy.
 */
export function runtimeEvidenceConfig(evidence: unknown, source = "runtime evidence", extra: PolicyConfigValues = {}): PolicyConfigValues {
    const valid: RuntimeEvidence = validateEvidence(evidence, source);
    const out: Record<string, Record<string, unknown>> = {};
    for (const p of runtimePolicies) out[p.id] = { ...(extra[p.id] ?? {}), evidence: valid };
    for (const id of Object.keys(extra)) if (!out[id]) out[id] = { ...extra[id] };
    return out;
}
