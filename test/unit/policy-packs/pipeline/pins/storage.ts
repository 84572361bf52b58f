import type { Pin } from "./core";

/** The storage area's policies: id → [default level, severity, waivable, PCI DSS v4.0 requirements]. */
export const STORAGE_PINS: Record<string, Pin> = {
    "glacier-vault-policy-not-public": ["mandatory", "critical", true, ["1.3.1", "7.2.1"]],
    "s3-access-point-not-public": ["mandatory", "critical", true, ["1.3.1", "1.4.4"]],
    "s3-bucket-access-logging-enabled": ["mandatory", "medium", true, ["10.2.1", "10.2.1.1"]],
    "s3-bucket-acl-not-public": ["mandatory", "critical", true, ["1.3.1", "1.4.4", "7.2.1"]],
    "s3-bucket-acls-disabled": ["mandatory", "medium", true, ["7.2.1", "7.2.2"]],
    "s3-bucket-lifecycle-configured": ["advisory", "low", true, ["3.2.1"]],
    "s3-bucket-policy-no-lockout": ["mandatory", "medium", true, ["7.2.2", "8.2.2"]],
    "s3-bucket-policy-not-public": ["mandatory", "critical", true, ["1.3.1", "1.4.4", "7.2.1"]],
    "s3-bucket-versioning-enabled": ["mandatory", "medium", true, ["10.3.2", "10.3.3"]],
    "s3-log-bucket-object-lock-enabled": ["mandatory", "high", true, ["10.3.2", "10.5.1"]],
    "s3-object-kms-encrypted": ["advisory", "low", true, ["3.5.1"]],
    "opensearch-domain-access-policy-not-public": ["mandatory", "critical", true, ["1.3.1", "7.2.1"]],
    "opensearch-domain-encrypted-at-rest": ["mandatory", "high", true, ["3.5.1"]],
    "opensearch-domain-fine-grained-access-control": ["mandatory", "high", true, ["7.2.1", "7.2.2", "8.2.1"]],
    "opensearch-domain-highly-available": ["mandatory", "medium", true, ["12.10.1"]],
    "opensearch-domain-https-enforced": ["mandatory", "high", true, ["4.2.1"]],
    "opensearch-domain-in-vpc": ["mandatory", "critical", true, ["1.3.1", "1.4.4"]],
    "opensearch-domain-logs-published": ["mandatory", "medium", true, ["10.2.1", "10.2.1.1"]],
    "opensearch-domain-node-to-node-encrypted": ["mandatory", "high", true, ["4.2.1"]],
};
