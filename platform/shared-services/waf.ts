/** AWS managed rule groups on the ALB's web ACL, in evaluation order. */
export const MANAGED_RULE_GROUPS = [
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
] as const;

/** Requests per 5 minutes per client IP before the rate rule blocks. */
export const DEFAULT_WAF_RATE_LIMIT = 2000;

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

/** The web ACL's rules: a per-IP rate limit first, then the managed groups. Pure. */
export function webAclRules(rateLimit: number) {
    return [
        {
            name: "rate-limit-per-ip",
            priority: 0,
            action: { block: {} },
            statement: { rateBasedStatement: { limit: rateLimit, aggregateKeyType: "IP" } },
            visibilityConfig: visibility("rate-limit-per-ip"),
        },
        ...MANAGED_RULE_GROUPS.map((group, index) => ({
            name: group,
            priority: index + 1,
            overrideAction: { none: {} },
            statement: { managedRuleGroupStatement: { name: group, vendorName: "AWS" } },
            visibilityConfig: visibility(group),
        })),
    ];
}

export { visibility as webAclVisibility };
