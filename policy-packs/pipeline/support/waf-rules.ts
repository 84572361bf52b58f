import { asArray, parseMaybeJson } from "./props";

/**
 * WAF web ACL rules read alike from every place they are declared: the ACL's `rules` (Pulumi
 * shape, camelCase), its `ruleJson`/`rulesJson` (the WAF API's shape, PascalCase), separate
 * `aws.wafv2.WebAclRule` resources and `aws.wafv2.WebAclRuleGroupAssociation` resources.
 */
export interface WafRule {
    readonly name: string;
    /** Whether the rule says what to do with a match (`action` or `overrideAction`, or a rule group's own actions). */
    readonly hasAction: boolean;
    /** The AWS managed rule group it runs, if any. */
    readonly managedGroup?: string;
    /** Whether a rule group's verdicts are overridden to count only (`overrideAction: count`). */
    readonly countOnly: boolean;
    /** Rules of the group overridden to count (`ruleActionOverrides` with `count`, or legacy `excludedRules`). */
    readonly countedRules: readonly string[];
}

type Obj = Record<string, unknown>;

/** A key in either shape: `overrideAction` or `OverrideAction`. */
function pick(o: unknown, key: string): unknown {
    if (!o || typeof o !== "object") return undefined;
    const r = o as Obj;
    return r[key] ?? r[key[0].toUpperCase() + key.slice(1)];
}

function nonEmptyObject(v: unknown): boolean {
    return (v !== null && typeof v === "object" && Object.keys(v).length > 0) || (typeof v === "string" && v.length > 0);
}

function overridden(overrides: unknown, excluded: unknown): string[] {
    const out: string[] = [];
    for (const o of asArray(overrides as Obj[])) {
        const use = pick(o, "actionToUse");
        if (use && typeof use === "object" && pick(use, "count") !== undefined) out.push(String(pick(o, "name")));
    }
    for (const e of asArray(excluded as Obj[])) out.push(String(pick(e, "name")));
    return out;
}

/** A rule object of the ACL's `rules`, its rule JSON, or a `WebAclRule` resource's props. */
export function ruleOf(rule: unknown): WafRule {
    const statement = pick(rule, "statement");
    const managed = pick(statement, "managedRuleGroupStatement");
    const group = pick(statement, "ruleGroupReferenceStatement");
    const override = pick(rule, "overrideAction");
    return {
        // Classic WAF rules have no name, only the id of the rule they activate.
        name: String(pick(rule, "name") ?? pick(rule, "ruleId") ?? `#${String(pick(rule, "priority"))}`),
        hasAction: nonEmptyObject(pick(rule, "action")) || nonEmptyObject(override) || managed !== undefined || group !== undefined,
        managedGroup: managed ? String(pick(managed, "name")) : undefined,
        countOnly: !!override && typeof override === "object" && pick(override, "count") !== undefined,
        countedRules: managed
            ? overridden(pick(managed, "ruleActionOverrides"), pick(managed, "excludedRules") ?? pick(managed, "excludedRule"))
            : [],
    };
}

/** A `WebAclRuleGroupAssociation` resource's props as a rule. */
export function associationRuleOf(props: Obj): WafRule {
    const managed = props.managedRuleGroup as Obj | undefined;
    return {
        name: String(props.ruleName ?? ""),
        hasAction: true,
        managedGroup: managed ? String(managed.name) : undefined,
        countOnly: props.overrideAction === "count",
        countedRules: managed ? overridden(managed.ruleActionOverrides, undefined) : [],
    };
}

/** The rules declared on a web ACL or rule group itself (`rules`, `ruleJson`, `rulesJson`, classic `activatedRules`). */
export function inlineRules(props: Obj): WafRule[] {
    const json = props.ruleJson ?? props.rulesJson;
    return [
        ...asArray(props.rules as unknown[]),
        ...asArray(props.activatedRules as unknown[]),
        ...asArray(parseMaybeJson(json) as unknown[]),
    ].map(ruleOf);
}

/** Whether a managed rule group runs in blocking mode with the given rule not turned to count. */
export function blocksWith(rules: readonly WafRule[], group: string, rule?: string): boolean {
    return rules.some((r) => r.managedGroup === group && !r.countOnly && (rule === undefined || !r.countedRules.includes(rule)));
}
