import { asArray, known, parseMaybeJson } from "./props";

/**
 * Resource-based policy documents (SQS queue, SNS topic, EventBridge bus, Secrets Manager secret,
 * MediaStore container policies…) analysed as documents: who is granted what, and whether
 * transport without TLS is refused. Identity policies have their own analyser in `iam.ts`.
 */

/** One statement of a resource policy, with the parts identity policies lack. */
export interface ResourceStatement {
    readonly effect: string;
    readonly principal: unknown;
    readonly notPrincipal: unknown;
    readonly actions: readonly string[];
    readonly notActions: readonly string[];
    readonly condition: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined;
}

/** The statements of a resource policy given as JSON text or object; [] when it is not one. */
export function resourceStatements(document: unknown): ResourceStatement[] {
    const doc = parseMaybeJson(document) as { Statement?: unknown } | undefined;
    if (!doc || typeof doc !== "object") return [];
    return asArray(doc.Statement as Record<string, unknown>[])
        .filter((s) => s !== null && typeof s === "object")
        .map((s) => ({
            effect: String(s.Effect ?? ""),
            principal: s.Principal,
            notPrincipal: s.NotPrincipal,
            actions: asArray(s.Action as string | string[]).map(String),
            notActions: asArray(s.NotAction as string | string[]).map(String),
            condition: isRecord(s.Condition) ? (s.Condition as ResourceStatement["condition"]) : undefined,
        }));
}

function isRecord(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** The AWS principals of a statement (`"*"` for `Principal: "*"`); service and federated principals excluded. */
export function awsPrincipals(principal: unknown): string[] {
    if (principal === "*") return ["*"];
    if (!isRecord(principal)) return [];
    return asArray(principal.AWS as string | string[]).map(String);
}

/**
 * Condition keys that, compared positively against concrete values, narrow "anyone" to known
 * callers: the caller's account, organisation, ARN or network, or the source resource of a
 * service call. Lower case: IAM condition keys are case-insensitive.
 */
const NARROWING_KEYS = new Set([
    "aws:sourcearn",
    "aws:sourceaccount",
    "aws:sourceowner",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:sourceip",
    "aws:userid",
    "aws:username",
]);

/**
 * Whether a condition block narrows the statement to known callers. A negated operator
 * (`StringNotEquals`, `ArnNotLike`…), an `…IfExists` operator (true when the key is absent),
 * `Null`, or a value that is itself a wildcard does not narrow.
 */
export function narrowsCallers(condition: ResourceStatement["condition"]): boolean {
    if (!condition) return false;
    for (const [operator, entries] of Object.entries(condition)) {
        const op = operator.toLowerCase();
        if (op.includes("not") || op.endsWith("ifexists") || op === "null" || !isRecord(entries)) continue;
        for (const [key, value] of Object.entries(entries)) {
            if (!NARROWING_KEYS.has(key.toLowerCase())) continue;
            const values = asArray(value as unknown).map(String);
            if (values.length > 0 && !values.some((v) => v === "*" || v === "")) return true;
        }
    }
    return false;
}

/** Whether an Allow statement grants access to anyone (a wildcard principal, or `NotPrincipal`) without narrowing conditions. */
export function isPublicGrant(s: ResourceStatement): boolean {
    if (s.effect !== "Allow") return false;
    const anyone = s.notPrincipal !== undefined || awsPrincipals(s.principal).some((p) => p.includes("*"));
    return anyone && !narrowsCallers(s.condition);
}

/** The Allow statements of a document that grant access to anyone. */
export function publicGrants(document: unknown): ResourceStatement[] {
    return resourceStatements(document).filter(isPublicGrant);
}

const ACCOUNT_IN_ARN = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/;

/** The 12-digit accounts named by a statement's AWS principals (as account ids or IAM/STS ARNs). */
export function principalAccounts(s: ResourceStatement): string[] {
    const out: string[] = [];
    for (const p of awsPrincipals(s.principal)) {
        if (/^\d{12}$/.test(p)) out.push(p);
        else {
            const m = ACCOUNT_IN_ARN.exec(p);
            if (m) out.push(m[1]);
        }
    }
    return out;
}

/**
 * Allow statements that grant an account outside `trusted` access without narrowing conditions.
 * Only judged when the trusted accounts are known (non-empty).
 */
export function foreignAccountGrants(document: unknown, trusted: readonly string[]): ResourceStatement[] {
    if (trusted.length === 0) return [];
    return resourceStatements(document).filter(
        (s) => s.effect === "Allow" && !narrowsCallers(s.condition) && principalAccounts(s).some((a) => !trusted.includes(a)),
    );
}

/** Whether an action pattern list covers every action of `service` (`*`, `service:*`, case-insensitive). */
export function coversAllActions(actions: readonly string[], service: string): boolean {
    const all = `${service.toLowerCase()}:*`;
    return actions.some((a) => a === "*" || a.toLowerCase() === all);
}

/** Allow statements that grant every action of `service` (`*`, `service:*` or `NotAction`). */
export function allActionGrants(document: unknown, service: string): ResourceStatement[] {
    return resourceStatements(document).filter(
        (s) => s.effect === "Allow" && (coversAllActions(s.actions, service) || s.notActions.length > 0),
    );
}

/**
 * Whether the document denies every `service` action (or every action, or one of the
 * `sufficient` actions, e.g. `sns:Publish`) to everyone when `aws:SecureTransport` is false:
 * the statement that makes a resource TLS-only.
 */
export function deniesInsecureTransport(document: unknown, service: string, sufficient: readonly string[] = []): boolean {
    const named = new Set(sufficient.map((a) => a.toLowerCase()));
    return resourceStatements(document).some((s) => {
        if (s.effect !== "Deny") return false;
        if (!coversAllActions(s.actions, service) && !s.actions.some((a) => named.has(a.toLowerCase()))) return false;
        if (!awsPrincipals(s.principal).includes("*")) return false;
        for (const [operator, entries] of Object.entries(s.condition ?? {})) {
            if (operator.toLowerCase() !== "bool" || !isRecord(entries)) continue;
            for (const [key, value] of Object.entries(entries)) {
                if (key.toLowerCase() === "aws:securetransport" && asArray(value as unknown).some((v) => String(v) === "false"))
                    return true;
            }
        }
        return false;
    });
}

/** What a resource policy exposes beyond the trusted accounts: each a short phrase for a violation message. */
export function exposures(document: unknown, trusted: readonly string[]): string[] {
    // Parsed once: a policy document is read for both kinds of exposure.
    const statements = resourceStatements(document);
    const out: string[] = [];
    if (statements.some(isPublicGrant))
        out.push("grants access to everyone (a wildcard principal without a source or organisation condition)");
    if (trusted.length > 0) {
        const foreign = new Set<string>();
        for (const s of statements) {
            if (s.effect !== "Allow" || narrowsCallers(s.condition)) continue;
            for (const a of principalAccounts(s)) if (!trusted.includes(a)) foreign.add(a);
        }
        if (foreign.size > 0)
            out.push(`grants untrusted account${foreign.size > 1 ? "s" : ""} ${[...foreign].join(", ")} access without a condition`);
    }
    return out;
}

/**
 * The accounts a stack trusts: its provider's `allowedAccountIds` (the accounts the stack may
 * deploy to) and the policy's configured extra accounts. Empty when neither is known.
 */
export function trustedAccounts(provider: { props: Record<string, unknown> } | undefined, configured: readonly string[]): string[] {
    // A default provider's inputs are the stack's `aws:` config: the list arrives as its JSON text.
    const allowed = provider ? parseMaybeJson(known(() => provider.props.allowedAccountIds)) : undefined;
    return [...new Set([...asArray(allowed as string[] | undefined).filter((a) => typeof a === "string"), ...configured])];
}
