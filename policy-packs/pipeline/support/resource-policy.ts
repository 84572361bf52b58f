import { asArray, isWorldCidr, parseMaybeJson } from "./props";

/**
 * Analysis of resource-based policies (bucket, vault, domain, file-system policies): who a
 * document lets in. A statement is public when it allows everyone (`"*"`, `{"AWS": "*"}`) without
 * a condition that pins the caller to an account, organization, network or source ARN, or when
 * it allows with `NotPrincipal` ("everyone except ...").
 */

/** Condition keys that, compared with fixed values, confine "everyone" to someone known. */
export const NARROWING_CONDITION_KEYS: readonly string[] = [
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOwner",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:VpceAccount",
    "aws:VpceOrgID",
    "aws:VpceOrgPaths",
];

/** One way a statement lets in more than it should. */
export interface PublicGrant {
    /** The statement's `Sid`, or its position (`#2`) when it has none. */
    readonly statement: string;
    readonly reason: "everyone" | "not-principal";
    /** The statement's actions as written (`NotAction` prefixed `not `). */
    readonly actions: readonly string[];
}

type Json = Record<string, unknown>;

/** The statements of a policy document given as JSON text or object, raw; [] when it is not one. */
export function rawStatements(document: unknown): Json[] {
    const doc = parseMaybeJson(document) as { Statement?: unknown } | undefined;
    if (!doc || typeof doc !== "object") return [];
    return asArray(parseMaybeJson(doc.Statement) as Json | Json[]).filter((s): s is Json => typeof s === "object" && s !== null);
}

/** Whether a `Principal` means every AWS caller, authenticated or not. */
export function isEveryone(principal: unknown): boolean {
    if (principal === "*") return true;
    if (!principal || typeof principal !== "object") return false;
    return asArray((principal as { AWS?: unknown }).AWS as string | string[]).some((p) => p === "*");
}

// Operators that hold when the key is absent (`...IfExists`, `ForAllValues:`) or that exclude
// rather than select (`...Not...`) widen a grant; `Null` only tests presence.
function narrowingOperator(op: string): boolean {
    const o = op.toLowerCase();
    return !o.endsWith("ifexists") && !o.startsWith("forallvalues:") && !o.includes("not") && o !== "null";
}

const ARN_KEYS = new Set(["aws:sourcearn", "aws:principalarn"]);

function fixedValue(key: string, value: unknown): boolean {
    if (typeof value !== "string" || value.length === 0) return false;
    if (key === "aws:sourceip") return !isWorldCidr(value);
    // An ARN may use wildcards in its resource part, never in its account: `arn:aws:iam::*:role/x` is anyone's role.
    if (ARN_KEYS.has(key)) {
        const account = value.split(":")[4];
        return account !== undefined && account.length > 0 && !/[*?]/.test(account);
    }
    return !/[*?]/.test(value);
}

/** Whether a statement's `Condition` confines the caller through one of `keys` (lower-cased). */
export function isNarrowed(condition: unknown, keys: ReadonlySet<string>): boolean {
    if (!condition || typeof condition !== "object") return false;
    for (const [op, block] of Object.entries(condition as Json)) {
        if (!narrowingOperator(op) || !block || typeof block !== "object") continue;
        for (const [key, values] of Object.entries(block as Json)) {
            const k = key.toLowerCase();
            if (!keys.has(k)) continue;
            const list = asArray(values as unknown);
            if (list.length > 0 && list.every((v) => fixedValue(k, v))) return true;
        }
    }
    return false;
}

/** Lower-cases condition keys once, for {@link publicGrants}. */
export function narrowingKeySet(keys: readonly string[]): ReadonlySet<string> {
    return new Set(keys.map((k) => k.toLowerCase()));
}

function actionsOf(s: Json): string[] {
    const actions = asArray(s.Action as string | string[]).map(String);
    const not = asArray(s.NotAction as string | string[]).map((a) => `not ${String(a)}`);
    return [...actions, ...not];
}

/** The statements of `document` that allow everyone without narrowing, or allow with `NotPrincipal`. */
export function publicGrants(document: unknown, keys: ReadonlySet<string>): PublicGrant[] {
    const out: PublicGrant[] = [];
    rawStatements(document).forEach((s, i) => {
        if (s.Effect !== "Allow") return;
        const statement = typeof s.Sid === "string" && s.Sid.length > 0 ? s.Sid : `#${i + 1}`;
        if (s.NotPrincipal !== undefined) out.push({ statement, reason: "not-principal", actions: actionsOf(s) });
        else if (isEveryone(s.Principal) && !isNarrowed(s.Condition, keys))
            out.push({ statement, reason: "everyone", actions: actionsOf(s) });
    });
    return out;
}

/** A sentence for a finding: "statement `Public` allows everyone (`s3:GetObject`)". */
export function describeGrant(g: PublicGrant): string {
    const what = g.actions.length > 0 ? ` (${g.actions.map((a) => `\`${a}\``).join(", ")})` : "";
    return g.reason === "not-principal"
        ? `statement \`${g.statement}\` allows with \`NotPrincipal\`, i.e. everyone else${what}`
        : `statement \`${g.statement}\` allows everyone without a narrowing condition${what}`;
}

const patternCache = new Map<string, RegExp>();

/** Whether an IAM action pattern (`s3:Put*`, `*`) covers `action`, case-insensitively. */
export function actionPatternCovers(pattern: string, action: string): boolean {
    let re = patternCache.get(pattern);
    if (!re) {
        re = new RegExp(
            `^${pattern
                .replace(/[.+^${}()|[\]\\]/g, "\\$&")
                .replace(/\*/g, ".*")
                .replace(/\?/g, ".")}$`,
            "i",
        );
        patternCache.set(pattern, re);
    }
    return re.test(action);
}

/** Whether a raw statement's actions (`Action` or `NotAction`) include `action`. */
export function statementCovers(s: Json, action: string): boolean {
    if (s.NotAction !== undefined) return !asArray(s.NotAction as string | string[]).some((p) => actionPatternCovers(String(p), action));
    return asArray(s.Action as string | string[]).some((p) => actionPatternCovers(String(p), action));
}

const keySets = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * The narrowing keys of a policy's config as a lower-cased set, computed once per config array
 * (the analyzer hands every call the same array), so a policy pays for it once per run.
 */
export function configuredKeys(keys: readonly string[] | undefined): ReadonlySet<string> {
    const list = keys ?? NARROWING_CONDITION_KEYS;
    let set = keySets.get(list);
    if (!set) {
        set = narrowingKeySet(list);
        keySets.set(list, set);
    }
    return set;
}

/** The config schema property for a policy's narrowing keys, with the default list. */
export function narrowingKeysSchema(defaults: readonly string[] = NARROWING_CONDITION_KEYS) {
    return {
        type: "array" as const,
        items: { type: "string" as const },
        default: [...defaults],
        description: "Condition keys that, compared with fixed values, make a grant to everyone non-public.",
    };
}
