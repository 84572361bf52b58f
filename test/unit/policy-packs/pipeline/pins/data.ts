import type { Pin } from "./core";

/** The data area's policies: id → [default level, severity, waivable, PCI DSS v4.0 requirements]. */
export const DATA_PINS: Record<string, Pin> = {
    "database-non-default-port": ["disabled", "low", true, ["2.2.1"]],
    "rds-aurora-mysql-backtrack": ["advisory", "low", true, ["12.10.1"]],
    "rds-auto-minor-version-upgrade": ["mandatory", "medium", true, ["6.3.3"]],
    "rds-ca-certificate-current": ["mandatory", "medium", true, ["4.2.1"]],
    "rds-cluster-backup-plan": ["disabled", "medium", true, ["12.10.1"]],
    "rds-copy-tags-to-snapshot": ["advisory", "low", true, ["12.5.1"]],
    "rds-customer-managed-key": ["mandatory", "medium", true, ["3.5.1", "3.6.1"]],
    "rds-deletion-protection-in-production": ["mandatory", "medium", true, ["12.10.1"]],
    "rds-engine-version-patched": ["mandatory", "high", true, ["6.3.3"]],
    "rds-iam-authentication": ["mandatory", "medium", true, ["8.3.1", "8.6.3"]],
    "rds-instance-monitoring": ["advisory", "low", true, ["10.7.2"]],
    "rds-log-exports": ["mandatory", "medium", true, ["10.2.1", "10.3.3"]],
    "rds-postgres-query-logging": ["advisory", "medium", true, ["10.2.1", "10.2.2"]],
    "rds-proxy-tls-required": ["mandatory", "high", true, ["4.2.1"]],
    "rds-snapshot-not-public": ["mandatory", "critical", false, ["1.4.4", "7.2.1"]],
    "rds-tls-enforced": ["mandatory", "high", true, ["4.2.1"]],
};
