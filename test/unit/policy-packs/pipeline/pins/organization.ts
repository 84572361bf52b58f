import type { Pin } from "./core";

/** The organisation area's policies: id → [default level, severity, waivable]. */
export const ORGANIZATION_PINS: Record<string, Pin> = {
    "organization-workload-ous-guardrails-attached": ["mandatory", "high", true],
    "organization-accounts-in-organizational-units": ["mandatory", "high", true],
    "organization-trail-multi-region-validated": ["mandatory", "high", false],
    "organization-delegated-administrators-set": ["mandatory", "high", true],
    "organization-scp-no-allow-bypass": ["mandatory", "critical", false],
};
