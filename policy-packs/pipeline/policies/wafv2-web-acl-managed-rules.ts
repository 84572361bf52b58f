import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes } from "../support/props";
import { linksByTarget } from "../support/stack-links";
import { T } from "../support/types";
import { associationRuleOf, blocksWith, inlineRules, ruleOf } from "../support/waf-rules";

/** Core protections (OWASP top 10) and known-bad inputs, which carries the Log4j (CVE-2021-44228) rule. */
export const DEFAULT_REQUIRED_RULE_GROUPS = ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"];

interface Config {
    requiredRuleGroups: string[];
}

export const wafv2WebAclManagedRules: StackPolicyDefinition = {
    kind: "stack",
    id: "wafv2-web-acl-managed-rules",
    description:
        "Checks whether every WAFv2 web ACL runs the required AWS managed rule groups in blocking mode, including the Log4j rule of the " +
        "known-bad-inputs group.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add a rule per required group with " +
        '`statement.managedRuleGroupStatement { vendorName: "AWS", name }` and ' +
        "`overrideAction: { none: {} }`, and " +
        "do not override `Log4JRCE` to count.",
    configSchema: {
        properties: { requiredRuleGroups: { type: "array", items: { type: "string" }, default: DEFAULT_REQUIRED_RULE_GROUPS } },
    },
    // The graph checks also require the anonymous-IP group on ACLs attached to API Gateway, AppSync and CloudFront; add it to the config to
    // match them.
    peerChecks: { full: ["CKV_AWS_192"], partial: ["CKV2_AWS_47", "CKV2_AWS_77", "CKV2_AWS_78"] },
    resourceTypes: [T.wafv2WebAcl, T.wafv2WebAclRule, T.wafv2WebAclRuleGroupAssociation],
    validateStack: (args, report) => {
        const acls = ofTypes(args.resources, [T.wafv2WebAcl]);
        if (acls.length === 0) args.notApplicable("The stack declares no WAFv2 web ACL.");
        const { requiredRuleGroups } = args.getConfig<Config>();
        const separate = linksByTarget(ofTypes(args.resources, [T.wafv2WebAclRule]), "webAclArn", acls, ["arn"]);
        const associated = linksByTarget(ofTypes(args.resources, [T.wafv2WebAclRuleGroupAssociation]), "webAclArn", acls, ["arn"]);
        for (const acl of acls) {
            const rules = [
                ...inlineRules(acl.props),
                ...(separate.get(acl.urn) ?? []).map((r) => ruleOf(r.props)),
                ...(associated.get(acl.urn) ?? []).map((r) => associationRuleOf(r.props)),
            ];
            for (const group of requiredRuleGroups) {
                const rule = group === "AWSManagedRulesKnownBadInputsRuleSet" ? "Log4JRCE" : undefined;
                if (!blocksWith(rules, group, rule))
                    report(
                        `WAF web ACL \`${acl.name}\` must run \`${group}\` in blocking mode${rule ? ` (with \`${rule}\` not set to count)` : ""}.`,
                        acl.urn,
                    );
            }
        }
    },
};
