import { asArray, parseMaybeJson } from "./props";

/**
 * Condition keys that pin a wildcard principal to known callers: an organisation, accounts,
 * principals, or a VPC endpoint. A statement narrowed by one of them is not public.
 */
const NARROWING_KEYS = new Set([
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:sourceaccount",
    "aws:sourceowner",
    "aws:sourcearn",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:sourcevpce",
    "aws:sourcevpc",
    "aws:userid",
]);

/** Operators that let through callers the values do not name: negations, and `…IfExists` (absent key = match). */
const NON_NARROWING_OPERATOR = /Not|IfExists$/;

/** Whether a principal value names anyone: `*`, `{ AWS: "*" }`, or an ARN with a wildcard account. */
function isWildcardPrincipal(principal: unknown): boolean {
    if (principal === "*") return true;
    if (!principal || typeof principal !== "object") return false;
    for (const value of Object.values(principal as Record<string, unknown>)) {
        if (asArray(value as string | string[]).some((v) => typeof v === "string" && v.includes("*"))) return true;
    }
    return false;
}

/** Whether a condition block pins the caller with a positive (not negated) operator and concrete values. */
function narrowsCaller(condition: unknown): boolean {
    if (!condition || typeof condition !== "object") return false;
    for (const [operator, clauses] of Object.entries(condition as Record<string, unknown>)) {
        // StringNotEquals & co. exclude some callers; everyone else still gets in.
        if (NON_NARROWING_OPERATOR.test(operator) || !clauses || typeof clauses !== "object") continue;
        for (const [key, values] of Object.entries(clauses as Record<string, unknown>)) {
            if (!NARROWING_KEYS.has(key.toLowerCase())) continue;
            const list = asArray(values as string | string[]);
            if (list.length > 0 && list.every((v) => typeof v === "string" && v.length > 0 && v !== "*")) return true;
        }
    }
    return false;
}

/** One statement of a resource policy that grants to anyone. */
export interface PublicGrant {
    /** The statement's `Sid`, or its position (`#0`). */
    readonly statement: string;
    readonly actions: string[];
}

/**
 * The `Allow` statements of a resource policy (JSON text or object) whose principal is anyone
 * (`*`, `{ AWS: "*" }`, a wildcard account, or everyone but a `NotPrincipal`) and that no condition pins to an organisation,
 * accounts, principals or a VPC endpoint. Pure; [] when the document is not a policy.
 */
export function publicGrants(document: unknown): PublicGrant[] {
    const doc = parseMaybeJson(document) as { Statement?: unknown } | undefined;
    if (!doc || typeof doc !== "object") return [];
    const out: PublicGrant[] = [];
    asArray(doc.Statement as Record<string, unknown>[]).forEach((s, i) => {
        if (!s || typeof s !== "object" || s.Effect !== "Allow") return;
        // `NotPrincipal` with Allow grants everyone but the few it names.
        const anyone = isWildcardPrincipal(s.Principal) || s.NotPrincipal !== undefined;
        if (!anyone || narrowsCaller(s.Condition)) return;
        out.push({ statement: typeof s.Sid === "string" && s.Sid ? s.Sid : `#${i}`, actions: asArray(s.Action as string | string[]) });
    });
    return out;
}
