import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes } from "../support/props";
import { linksByTarget } from "../support/stack-links";
import { T } from "../support/types";
import { associationRuleOf, inlineRules, ruleOf, WafRule } from "../support/waf-rules";

const ACLS = [T.wafv2WebAcl, T.wafClassicWebAcl, T.wafRegionalWebAcl];
const GROUPS = [T.wafv2RuleGroup, T.wafClassicRuleGroup, T.wafRegionalRuleGroup];

export const wafWebAclRulesEffective: StackPolicyDefinition = {
    kind: "stack",
    id: "waf-web-acl-rules-effective",
    description: "Checks whether every WAF web ACL and rule group has rules, and every rule says what to do with a match.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Give the web ACL rules (at least the AWS managed rule groups) and " +
        "give every rule an `action` (`block`, `count`, `captcha`…) or, for a " +
        "rule " +
        "group, an `overrideAction`.",
    peerChecks: { full: ["CKV_AWS_175", "CKV_AWS_342"] },
    resourceTypes: [...ACLS, ...GROUPS, T.wafv2WebAclRule, T.wafv2WebAclRuleGroupAssociation],
    validateStack: (args, report) => {
        const acls = ofTypes(args.resources, ACLS);
        const groups = ofTypes(args.resources, GROUPS);
        if (acls.length === 0 && groups.length === 0) args.notApplicable("The stack declares no WAF web ACL or rule group.");
        const v2 = acls.filter((a) => a.type === T.wafv2WebAcl);
        const separate = linksByTarget(ofTypes(args.resources, [T.wafv2WebAclRule]), "webAclArn", v2, ["arn"]);
        const associated = linksByTarget(ofTypes(args.resources, [T.wafv2WebAclRuleGroupAssociation]), "webAclArn", v2, ["arn"]);
        const judge = (what: string, name: string, urn: string, rules: WafRule[]) => {
            if (rules.length === 0) report(`${what} \`${name}\` must have rules.`, urn);
            for (const r of rules.filter((x) => !x.hasAction))
                report(`Rule \`${r.name}\` of ${what} \`${name}\` must have an \`action\` or \`overrideAction\`.`, urn);
        };
        for (const acl of acls) {
            const rules = [
                ...inlineRules(acl.props),
                ...(separate.get(acl.urn) ?? []).map((r) => ruleOf(r.props)),
                ...(associated.get(acl.urn) ?? []).map((r) => associationRuleOf(r.props)),
            ];
            judge("WAF web ACL", acl.name, acl.urn, rules);
        }
        for (const g of groups) judge("WAF rule group", g.name, g.urn, inlineRules(g.props));
    },
};
