import type { Pin } from "./core";

/** The organisation area's policies: id → [default level, severity, waivable, PCI DSS v4.0 requirements]. */
export const ORGANIZATION_PINS: Record<string, Pin> = {
    "organization-workload-ous-guardrails-attached": ["mandatory", "high", true, ["1.2.1", "7.2.1", "10.3.2", "12.5.2"]],
    "organization-accounts-in-organizational-units": ["mandatory", "high", true, ["1.2.1", "12.5.2"]],
    "organization-trail-multi-region-validated": ["mandatory", "high", false, ["10.2.1", "10.3.2", "10.3.4", "10.5.1"]],
    "organization-delegated-administrators-set": ["mandatory", "high", true, ["10.4.1", "11.5.1", "12.10.5"]],
    "organization-scp-no-allow-bypass": ["mandatory", "critical", false, ["7.2.1", "7.2.2"]],
};
