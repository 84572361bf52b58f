import type { Pin } from "./core";

/** The infra area's policies: id → [default level, severity, waivable, PCI DSS v4.0 requirements]. */
export const INFRA_PINS: Record<string, Pin> = {
    "alb-malformed-requests-rejected": ["mandatory", "medium", true, ["2.2.6", "6.4.1"]],
    "alb-waf-managed-rule-groups": ["mandatory", "high", true, ["6.4.2"]],
    "elb-classic-listeners-encrypted": ["mandatory", "high", true, ["4.2.1"]],
    "elb-classic-no-http-listeners": ["mandatory", "medium", true, ["6.4.2"]],
    "elb-classic-tls-policy-secure": ["mandatory", "high", true, ["4.2.1"]],
    "lb-high-availability": ["advisory", "medium", true, ["12.10.1"]],
    "lb-listener-certificate-from-acm": ["mandatory", "medium", true, ["4.2.1", "4.2.1.1"]],
    "network-deletion-protection-enabled": ["advisory", "medium", true, ["1.2.1", "12.10.1"]],
};
