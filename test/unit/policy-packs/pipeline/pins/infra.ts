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
    "security-group-no-unrestricted-egress": ["mandatory", "medium", true, ["1.3.2", "1.4.2"]],
    "security-group-rules-described": ["advisory", "low", true, ["1.2.5"]],
    "vpc-connections-require-acceptance": ["mandatory", "medium", true, ["1.2.1", "1.3.1"]],
    "vpc-default-routes-sanctioned": ["mandatory", "high", true, ["1.3.1", "1.3.2", "1.4.1"]],
    "vpc-default-vpc-not-used": ["mandatory", "medium", true, ["1.2.1", "1.3.1"]],
    "vpc-eip-attached": ["advisory", "low", true, ["1.2.7"]],
    "vpc-nacl-no-internet-admin-ports": ["mandatory", "high", true, ["1.3.1", "1.4.2"]],
    "vpc-network-acl-attached": ["advisory", "low", true, ["1.2.7"]],
};
