import { policyDocument } from "../../security/policy-document";
import type { Guardrail } from "./model";

/**
 * Global services, exempt from the region guardrail: their endpoints live in one region (most in
 * us-east-1) whatever region a workload uses. AWS's documented example list, without discontinued services.
 */
export const GLOBAL_SERVICE_ACTIONS = [
    "account:*",
    "acm:*",
    "aws-marketplace-management:*",
    "aws-marketplace:*",
    "aws-portal:*",
    "budgets:*",
    "ce:*",
    "chime:*",
    "cloudfront:*",
    "config:*",
    "cur:*",
    "directconnect:*",
    "ec2:DescribeRegions",
    "ec2:DescribeTransitGateways",
    "ec2:DescribeVpnGateways",
    "fms:*",
    "globalaccelerator:*",
    "health:*",
    "iam:*",
    "kms:*",
    "networkmanager:*",
    "organizations:*",
    "pricing:*",
    "route53-recovery-cluster:*",
    "route53-recovery-control-config:*",
    "route53-recovery-readiness:*",
    "route53:*",
    "route53domains:*",
    "s3:GetAccountPublic*",
    "s3:ListAllMyBuckets",
    "s3:ListMultiRegionAccessPoints",
    "s3:PutAccountPublic*",
    "shield:*",
    "sts:*",
    "support:*",
    "trustedadvisor:*",
    "waf-regional:*",
    "waf:*",
    "wafv2:*",
    "wellarchitected:*",
] as const;

/** Nothing happens outside the configured regions, except in global services. */
export const denyRegionsOutsideAllowList: Guardrail = {
    id: "deny-regions-outside-allow-list",
    description: "EDF baseline: every action outside the allowed regions is denied, global services excepted.",
    rationale:
        "Cardholder data and its logs stay where the organisation can see and scope them: a region nobody watches " +
        "(no trail copy, no Config, no GuardDuty there) is where an attacker would run. The allow-list comes from the " +
        "organization unit's `allowedRegions`. PCI DSS 1.2.1, 12.5.2.",
    level: "ou",
    document: (context) =>
        policyDocument([
            {
                Sid: "DenyOutsideAllowedRegions",
                Effect: "Deny",
                NotAction: [...GLOBAL_SERVICE_ACTIONS],
                Resource: "*",
                Condition: { StringNotEquals: { "aws:RequestedRegion": [...context.allowedRegions] } },
            },
        ]),
};
