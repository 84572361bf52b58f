import { parseMaybeJson } from "./props";

/**
 * The policy-document analyser: any IAM-grammar document (identity policies, role trust
 * policies, KMS key policies, and the S3/SNS/SQS resource policies other policies read) parsed
 * once into a normalised statement model, with case-insensitive action-pattern matching.
 *
 * Parsing goes through the values exactly as the policy receives them: a document that is an
 * output of another resource throws the analyzer's unknown-value error on first read, which the
 * engine reports as "can't run during preview". Nothing here catches it.
 */

/** The principals a statement names (`Principal` or `NotPrincipal`). */
export interface Principals {
    /** `"*"` or `{ "AWS": "*" }`: everyone, in every account, and anonymous callers. */
    readonly wildcard: boolean;
    /** `AWS` entries: account ids, account roots, role/user ARNs. */
    readonly aws: readonly string[];
    /** `Service` entries, e.g. `ecs-tasks.amazonaws.com`. */
    readonly service: readonly string[];
    /** `Federated` entries: OIDC/SAML providers, `cognito-identity.amazonaws.com`. */
    readonly federated: readonly string[];
    readonly canonicalUser: readonly string[];
}

/** One entry of a `Condition` block: operator, key and values, with the operator taken apart. */
export interface ConditionEntry {
    /** The operator as written, e.g. `ForAllValues:StringNotEqualsIfExists`. */
    readonly operator: string;
    /** The base operator in lower case without set qualifier and `IfExists`, e.g. `stringnotequals`. */
    readonly base: string;
    readonly qualifier: "forallvalues" | "foranyvalue" | undefined;
    readonly ifExists: boolean;
    /** `StringNotEquals`, `ArnNotLike`, `NotIpAddress`…: matches everything except the values. */
    readonly negated: boolean;
    /** The condition key in lower case (keys are case-insensitive in IAM). */
    readonly key: string;
    /** The values as strings (`true`, not `true` the boolean). */
    readonly values: readonly string[];
}

/** One statement, normalised: every element a list, absent elements `undefined`. */
export interface PolicyStatement {
    readonly index: number;
    readonly sid: string | undefined;
    /** `Allow`, `Deny`, or whatever else was written (IAM is case-sensitive here). */
    readonly effect: string;
    /** `Action` as written; `undefined` when the statement uses `NotAction` (or neither). */
    readonly actions: readonly string[] | undefined;
    readonly notActions: readonly string[] | undefined;
    readonly resources: readonly string[] | undefined;
    readonly notResources: readonly string[] | undefined;
    readonly principal: Principals | undefined;
    readonly notPrincipal: Principals | undefined;
    readonly conditions: readonly ConditionEntry[];
    /** Lower-cased `Action` / `NotAction` patterns, for matching. */
    readonly actionPatterns: readonly string[];
    readonly notActionPatterns: readonly string[];
}

export interface PolicyDocument {
    readonly statements: readonly PolicyStatement[];
}

const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_ROOT = /^arn:aws[a-z-]*:iam::\d{12}:root$/;
const ARN_RESOURCE_SEPARATOR = /[/:]/;

const NEGATED_OPERATORS = new Set([
    "stringnotequals",
    "stringnotequalsignorecase",
    "stringnotlike",
    "numericnotequals",
    "datenotequals",
    "notipaddress",
    "arnnotequals",
    "arnnotlike",
]);

function list(value: unknown): string[] | undefined {
    if (value === undefined || value === null) return undefined;
    return (Array.isArray(value) ? (value as unknown[]) : [value]).map(String);
}

function principalsOf(value: unknown): Principals | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") {
        return { wildcard: value === "*", aws: value === "*" ? [] : [value], service: [], federated: [], canonicalUser: [] };
    }
    const p = value as Record<string, unknown>;
    const aws = list(p.AWS) ?? [];
    return {
        wildcard: aws.includes("*"),
        aws: aws.filter((a) => a !== "*"),
        service: list(p.Service) ?? [],
        federated: list(p.Federated) ?? [],
        canonicalUser: list(p.CanonicalUser) ?? [],
    };
}

function conditionsOf(value: unknown): ConditionEntry[] {
    if (value === undefined || value === null || typeof value !== "object") return [];
    const out: ConditionEntry[] = [];
    for (const [operator, block] of Object.entries(value as Record<string, unknown>)) {
        if (block === null || typeof block !== "object") continue;
        let rest = operator.toLowerCase();
        let qualifier: ConditionEntry["qualifier"];
        for (const q of ["forallvalues", "foranyvalue"] as const) {
            if (rest.startsWith(`${q}:`)) {
                qualifier = q;
                rest = rest.slice(q.length + 1);
            }
        }
        const ifExists = rest.endsWith("ifexists");
        const base = ifExists ? rest.slice(0, -"ifexists".length) : rest;
        for (const [key, values] of Object.entries(block as Record<string, unknown>)) {
            out.push({
                operator,
                base,
                qualifier,
                ifExists,
                negated: NEGATED_OPERATORS.has(base),
                key: key.toLowerCase(),
                values: list(values) ?? [],
            });
        }
    }
    return out;
}

function statementOf(raw: Record<string, unknown>, index: number): PolicyStatement {
    const actions = list(raw.Action);
    const notActions = list(raw.NotAction);
    return {
        index,
        sid: raw.Sid === undefined ? undefined : String(raw.Sid),
        effect: String(raw.Effect ?? ""),
        actions,
        notActions,
        resources: list(raw.Resource),
        notResources: list(raw.NotResource),
        principal: principalsOf(raw.Principal),
        notPrincipal: principalsOf(raw.NotPrincipal),
        conditions: conditionsOf(raw.Condition),
        actionPatterns: (actions ?? []).map((a) => a.toLowerCase()),
        notActionPatterns: (notActions ?? []).map((a) => a.toLowerCase()),
    };
}

function parse(doc: unknown): PolicyDocument | undefined {
    const parsed = parseMaybeJson(doc);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
    const raw = (parsed as { Statement?: unknown }).Statement;
    const statements = raw === undefined || raw === null ? [] : Array.isArray(raw) ? (raw as unknown[]) : [raw];
    // A malformed entry stays as an empty statement, so indexes line up with the raw document.
    return {
        statements: statements.map((s, i) => statementOf(s !== null && typeof s === "object" ? (s as Record<string, unknown>) : {}, i)),
    };
}

// The same document text reaches many policies (every IAM policy reads a role's inline policy):
// parse each text once. Bounded so a long-running pack server cannot grow without limit.
const CACHE_LIMIT = 4096;
const cache = new Map<string, PolicyDocument | undefined>();

/**
 * A policy document, given as JSON text or as an object (`aws.iam.PolicyDocument`), parsed into
 * statements; `undefined` when the value is not a document at all (unset, or text that is not
 * JSON). A document with no `Statement` has no statements.
 */
export function parsePolicyDocument(doc: unknown): PolicyDocument | undefined {
    if (typeof doc !== "string") return parse(doc);
    if (cache.has(doc)) return cache.get(doc);
    const result = parse(doc);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(doc, result);
    return result;
}

/** The statements of a document (none when it is not one). */
export function statementsIn(doc: unknown): readonly PolicyStatement[] {
    return parsePolicyDocument(doc)?.statements ?? [];
}

/**
 * Whether an IAM wildcard pattern (`*` any run, `?` one character) matches `text`. Both sides
 * must already be lower case: IAM matches actions case-insensitively. No regex per call.
 */
export function wildcardMatch(pattern: string, text: string): boolean {
    let p = 0;
    let t = 0;
    let star = -1;
    let mark = 0;
    while (t < text.length) {
        const c = pattern.charCodeAt(p);
        if (p < pattern.length && (c === 63 /* ? */ || c === text.charCodeAt(t))) {
            p++;
            t++;
        } else if (p < pattern.length && c === 42 /* * */) {
            star = p++;
            mark = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.length && pattern.charCodeAt(p) === 42) p++;
    return p === pattern.length;
}

/** Whether any of the lower-cased patterns matches the action (any case). */
export function matchesAnyAction(patterns: readonly string[], action: string): boolean {
    const a = action.toLowerCase();
    for (const p of patterns) if (wildcardMatch(p, a)) return true;
    return false;
}

export function isAllow(s: PolicyStatement): boolean {
    return s.effect === "Allow";
}

/**
 * Whether the statement covers `action` (any case): through `Action`, or through `NotAction`
 * (every action the list does not name). Effect is not considered.
 */
export function coversAction(s: PolicyStatement, action: string): boolean {
    if (s.actions !== undefined) return matchesAnyAction(s.actionPatterns, action);
    if (s.notActions !== undefined) return !matchesAnyAction(s.notActionPatterns, action);
    return false;
}

/** Whether an Allow statement grants `action` (wildcards honoured, case-insensitive). */
export function allowsAction(s: PolicyStatement, action: string): boolean {
    return isAllow(s) && coversAction(s, action);
}

/** Whether the statement applies to every resource: `Resource: "*"`, or only a `NotResource` list. */
export function appliesToEveryResource(s: PolicyStatement): boolean {
    if (s.resources !== undefined) return s.resources.includes("*");
    return s.notResources !== undefined;
}

/** Resource-type words that open an ARN's resource part (`role/…`, `function:…`). */
const RESOURCE_TYPES = new Set([
    "role",
    "user",
    "group",
    "policy",
    "instance-profile",
    "oidc-provider",
    "saml-provider",
    "function",
    "layer",
    "key",
    "alias",
    "secret",
    "parameter",
    "document",
    "table",
    "stream",
    "deliverystream",
    "instance",
    "volume",
    "snapshot",
    "image",
    "launch-template",
    "security-group",
    "network-interface",
    "subnet",
    "vpc",
    "cluster",
    "service",
    "task",
    "task-definition",
    "container-instance",
    "repository",
    "log-group",
    "trail",
    "stack",
    "stackset",
    "stateMachine",
    "db",
    "domain",
    "project",
    "job",
    "pipeline",
    "devendpoint",
    "notebook-instance",
    "training-job",
    "processing-job",
    "distribution",
    "hostedzone",
    "certificate",
    "loadbalancer",
    "targetgroup",
]);

/**
 * Whether a resource entry names every resource of a kind rather than particular ones: `*`, or an
 * ARN whose resource part is a wildcard or a resource type and a wildcard
 * (`arn:aws:iam::123456789012:role/*`, `arn:aws:lambda:*:*:function:*`, every object of every bucket).
 */
export function isBroadResource(resource: string): boolean {
    if (resource === "*") return true;
    const parts = resource.split(":");
    if (parts.length < 6 || parts[0] !== "arn") return false;
    const rest = parts.slice(5).join(":");
    if (rest === "*" || rest === "*/*") return true;
    const cut = rest.search(ARN_RESOURCE_SEPARATOR);
    return cut > 0 && rest.slice(cut + 1) === "*" && RESOURCE_TYPES.has(rest.slice(0, cut));
}

/** Whether the statement reaches a whole kind of resource: every resource, or a wildcard-named one. */
export function reachesBroadResources(s: PolicyStatement): boolean {
    if (s.resources !== undefined) return s.resources.some(isBroadResource);
    return s.notResources !== undefined;
}

/** Full-service wildcards among the statement's actions: `*` or `service:*`. */
export function serviceWildcards(s: PolicyStatement): string[] {
    return (s.actions ?? []).filter((a) => a === "*" || (a.endsWith(":*") && a.indexOf(":") === a.length - 2));
}

/** Whether a principal set lets in everyone (`*`, `{AWS: "*"}`), or is a `NotPrincipal` of an Allow. */
export function admitsAnyPrincipal(s: PolicyStatement): boolean {
    return s.principal?.wildcard === true || (isAllow(s) && s.notPrincipal !== undefined);
}

/** `AWS` principals that stand for a whole account (`123456789012`, `arn:aws:iam::123456789012:root`). */
export function accountPrincipals(p: Principals | undefined): string[] {
    return (p?.aws ?? []).filter((a) => ACCOUNT_ID.test(a) || ACCOUNT_ROOT.test(a));
}

/** The account id of an account principal. */
export function accountOfPrincipal(principal: string): string {
    return ACCOUNT_ID.test(principal) ? principal : principal.split(":")[4];
}
