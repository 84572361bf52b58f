import type { ConditionEntry, PolicyStatement } from "./policy-document";

/**
 * What a statement's `Condition` block does to its grant: whether it genuinely narrows who may
 * call or what may be reached, and which of its entries widen instead (negations, `IfExists`,
 * `ForAllValues` on a single-valued key, `*` as the value, TLS turned off).
 */

/** Keys that say nothing about who calls or what is reached: a condition on them alone scopes nothing. */
const NON_SCOPING_KEYS = new Set([
    "aws:securetransport",
    "aws:multifactorauthpresent",
    "aws:multifactorauthage",
    "aws:currenttime",
    "aws:epochtime",
    "aws:requestedregion",
    "aws:useragent",
    "aws:referer",
    "aws:tokenissuetime",
    "aws:viaawsservice",
    "aws:calledvia",
    "aws:calledviafirst",
    "aws:calledvialast",
    "aws:principalisawsservice",
    "aws:principaltype",
    "aws:tagkeys",
    "s3:tlsversion",
    "s3:signatureversion",
    "s3:signatureage",
    "s3:authtype",
]);
const NON_SCOPING_PREFIXES = ["aws:requesttag/"];

/** Keys that identify the caller (or the service acting for one): what narrows a wildcard principal. */
const PRINCIPAL_KEYS = new Set([
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:principalservicename",
    "aws:principalservicenameslist",
    "aws:sourceaccount",
    "aws:sourcearn",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:sourceowner",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:sourceip",
    "aws:vpcsourceip",
    "aws:userid",
    "aws:username",
    "kms:calleraccount",
    "sts:externalid",
    "saml:aud",
    "saml:sub",
]);
const PRINCIPAL_PREFIXES = ["aws:principaltag/"];
/** Claims of a web-identity provider (`token.actions.githubusercontent.com:sub`, `cognito-identity.amazonaws.com:aud`). */
const IDENTITY_CLAIM_SUFFIXES = [":sub", ":aud", ":amr", ":oaud"];

/** Keys that scope a resource or the path to it; with the principal keys, what a negation must not touch. */
const RESOURCE_KEYS = new Set([
    "aws:resourceaccount",
    "aws:resourceorgid",
    "aws:resourceorgpaths",
    "kms:viaservice",
    "iam:passedtoservice",
]);

/** Global keys that carry several values; `ForAllValues:` is meant for these (and service-specific ones). */
const MULTIVALUED_GLOBAL_KEYS = new Set([
    "aws:tagkeys",
    "aws:calledvia",
    "aws:principalservicenameslist",
    "aws:principalorgpaths",
    "aws:resourceorgpaths",
    "aws:sourceorgpaths",
]);

const NEGATED_LABEL: Readonly<Record<string, string>> = { notipaddress: "every address except", arnnotlike: "every ARN except" };

function startsWithAny(key: string, prefixes: readonly string[]): boolean {
    return prefixes.some((p) => key.startsWith(p));
}

function endsWithAny(key: string, suffixes: readonly string[]): boolean {
    return suffixes.some((p) => key.endsWith(p));
}

/** Whether a key identifies the caller: organisation, account, ARN, source, network, external id, or an identity claim. */
export function isPrincipalKey(key: string): boolean {
    return (
        PRINCIPAL_KEYS.has(key) ||
        startsWithAny(key, PRINCIPAL_PREFIXES) ||
        (key.includes(".") && endsWithAny(key, IDENTITY_CLAIM_SUFFIXES))
    );
}

/** Whether a key scopes who calls or what is reached (every key but the transport, time and request-shape ones). */
export function isScopingKey(key: string): boolean {
    return !NON_SCOPING_KEYS.has(key) && !startsWithAny(key, NON_SCOPING_PREFIXES);
}

/** Whether a value matches anything: `*`, or an ARN made only of wildcards. */
export function isMatchAllValue(value: string): boolean {
    if (value === "*") return true;
    if (!value.startsWith("arn:")) return false;
    for (const part of value.slice(4).split(":")) if (part !== "" && part !== "*") return false;
    return true;
}

function isSingleValuedGlobal(key: string): boolean {
    return key.startsWith("aws:") && !MULTIVALUED_GLOBAL_KEYS.has(key);
}

/**
 * Whether one entry narrows: a positive operator, applied even when the key is absent (no
 * `IfExists`, no `ForAllValues:` on a single-valued key), on a key that scopes, with values that
 * do not match everything. `Null` tests only presence and narrows nothing.
 */
export function entryNarrows(c: ConditionEntry, scope: "any" | "principal"): boolean {
    if (c.negated || c.ifExists || c.base === "null" || c.values.length === 0) return false;
    if (c.qualifier === "forallvalues" && isSingleValuedGlobal(c.key)) return false;
    if (c.values.some(isMatchAllValue)) return false;
    return scope === "principal" ? isPrincipalKey(c.key) : isScopingKey(c.key);
}

/**
 * Whether the statement's conditions narrow its grant: at least one entry narrows (conditions
 * are ANDed, so one is enough). `principal` asks for an entry that identifies the caller, as a
 * wildcard principal needs; `any` accepts any scoping key.
 */
export function isNarrowed(s: PolicyStatement, scope: "any" | "principal"): boolean {
    return s.conditions.some((c) => entryNarrows(c, scope));
}

function isIdentifying(key: string): boolean {
    return isPrincipalKey(key) || RESOURCE_KEYS.has(key);
}

/**
 * The entries of an Allow statement that widen instead of narrowing, each as a sentence naming
 * the operator and key; none for Deny statements, where negations and `IfExists` are how a
 * guardrail is written.
 */
export function wideningConditions(s: PolicyStatement): string[] {
    if (s.effect !== "Allow") return [];
    const out: string[] = [];
    for (const c of s.conditions) {
        const what = `\`${c.operator}\` on \`${c.key}\``;
        if (c.key === "aws:securetransport" && c.base === "bool" && c.values.some((v) => v.toLowerCase() === "false")) {
            out.push(`${what} allows requests without TLS`);
        } else if (c.negated && isIdentifying(c.key)) {
            out.push(`${what} allows ${NEGATED_LABEL[c.base] ?? "everything except"} the values named`);
        } else if (c.ifExists && isIdentifying(c.key)) {
            out.push(`${what} passes when the request carries no \`${c.key}\``);
        } else if (c.qualifier === "forallvalues" && !c.negated && isSingleValuedGlobal(c.key)) {
            out.push(`${what} passes when the request carries no \`${c.key}\` (use the operator without \`ForAllValues:\`)`);
        } else if (!c.negated && isIdentifying(c.key) && c.values.some(isMatchAllValue)) {
            out.push(`${what} matches every value`);
        }
    }
    return out;
}
