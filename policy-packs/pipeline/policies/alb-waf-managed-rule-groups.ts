import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, known, ofTypes, parseMaybeJson, refersTo } from "../support/props";
import { LB_TYPES, T } from "../support/types";

interface Config {
    requiredRuleGroups: string[];
}

/** The AWS managed rule groups that block known exploit payloads (Log4Shell, bad inputs) and the OWASP top risks. */
export const DEFAULT_REQUIRED_RULE_GROUPS = ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"];

/**
 * The managed rule groups a web ACL enforces (not overridden to count): from `rules`
 * (provider shape) or `ruleJson` (API shape). Read directly: rules unknown at preview leave the
 * policy unable to run, never passed.
 */
function enforcedRuleGroups(acl: PolicyResource): Set<string> {
    const out = new Set<string>();
    for (const r of asArray(acl.props.rules as Record<string, unknown>[])) {
        const group = (r.statement as { managedRuleGroupStatement?: { name?: string } } | undefined)?.managedRuleGroupStatement;
        const counting = (r.overrideAction as { count?: unknown } | undefined)?.count !== undefined;
        if (group?.name && !counting) out.add(group.name);
    }
    for (const r of asArray(parseMaybeJson(acl.props.ruleJson) as Record<string, unknown>[])) {
        const group = (r?.Statement as { ManagedRuleGroupStatement?: { Name?: string } } | undefined)?.ManagedRuleGroupStatement;
        const counting = (r.OverrideAction as { Count?: unknown } | undefined)?.Count !== undefined;
        if (group?.Name && !counting) out.add(group.Name);
    }
    return out;
}

/**
 * Stack policy: the web ACL, its association and the load balancer are three resources. A web
 * ACL that lives in another stack cannot be read here and is judged where it is declared.
 */
export const albWafManagedRuleGroups: StackPolicyDefinition = {
    kind: "stack",
    id: "alb-waf-managed-rule-groups",
    description:
        "Checks whether the WAF web ACL of every internet-facing application " +
        "load balancer enforces the required AWS managed rule groups (known " +
        "bad inputs such as Log4Shell, common rule set).",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add each required group to the web ACL as a rule `{ statement: { " +
        'managedRuleGroupStatement: { vendorName: "AWS", name } }, ' +
        "overrideAction: { none: {} } }`.",
    configSchema: {
        properties: {
            requiredRuleGroups: { type: "array", items: { type: "string", minLength: 1 }, default: DEFAULT_REQUIRED_RULE_GROUPS },
        },
    },
    peerChecks: { partial: ["CKV2_AWS_76"] },
    resourceTypes: [...LB_TYPES, T.webAclAssociation, T.wafv2WebAcl],
    validateStack: (args, report) => {
        const { requiredRuleGroups } = args.getConfig<Config>();
        const lbs = ofTypes(args.resources, LB_TYPES).filter(
            (lb) => known(() => lb.props.internal) !== true && (known(() => lb.props.loadBalancerType) ?? "application") === "application",
        );
        const acls = ofTypes(args.resources, [T.wafv2WebAcl]);
        if (lbs.length === 0 || acls.length === 0)
            args.notApplicable("The stack declares no internet-facing ALB with a web ACL of its own.");
        const assocs = ofTypes(args.resources, [T.webAclAssociation]);
        for (const lb of lbs) {
            for (const assoc of assocs.filter((a) => refersTo(a, "resourceArn", lb, ["arn"]))) {
                const acl = acls.find((w) => refersTo(assoc, "webAclArn", w, ["arn"]));
                if (!acl) continue;
                const enforced = enforcedRuleGroups(acl);
                const missing = requiredRuleGroups.filter((g) => !enforced.has(g));
                if (missing.length > 0)
                    report(
                        `Web ACL \`${acl.name}\` protecting load balancer \`${lb.name}\` must ` +
                            `enforce the AWS managed rule groups ` +
                            `${missing.map((m) => `\`${m}\``).join(", ")} (not in count mode).`,
                        acl.urn,
                    );
            }
        }
    },
};
