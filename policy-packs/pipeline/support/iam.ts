import { globMatch } from "../../lib/waiver-rules";
import { ESCALATION_METHODS, EscalationMethod, UNSCOPABLE_ACTIONS } from "./iam-action-sets";
import { isNarrowed } from "./policy-conditions";
import {
    appliesToEveryResource,
    coversAction,
    isAllow,
    parsePolicyDocument,
    PolicyDocument,
    PolicyStatement,
    reachesBroadResources,
    statementsIn,
    wildcardMatch,
} from "./policy-document";
import { asArray, parseMaybeJson } from "./props";
import { T } from "./types";

/** One IAM statement, normalized: actions and resources as lists (the shape the first policies were written against). */
export interface Statement {
    readonly effect: string;
    readonly actions: string[];
    readonly notActions: string[];
    readonly resources: string[];
    readonly notResources: string[];
}

/** The statements of a policy document given as JSON text or object; [] when it is not one. */
export function statementsOf(document: unknown): Statement[] {
    return statementsIn(document).map((s) => ({
        effect: s.effect,
        actions: [...(s.actions ?? [])],
        notActions: [...(s.notActions ?? [])],
        resources: [...(s.resources ?? [])],
        notResources: [...(s.notResources ?? [])],
    }));
}

/** Whether an Allow statement grants `action` (case-insensitive, wildcards honoured). */
export function allowsAction(s: Statement, action: string): boolean {
    if (s.effect !== "Allow") return false;
    const a = action.toLowerCase();
    const matches = (patterns: string[]) => patterns.some((p) => wildcardMatch(p.toLowerCase(), a));
    if (s.notActions.length > 0) return !matches(s.notActions);
    return matches(s.actions);
}

/** Whether the statement applies to every resource. */
export function onAnyResource(s: Statement): boolean {
    return s.resources.includes("*") || (s.notResources.length > 0 && s.resources.length === 0);
}

/** Allow of every action on every resource: administrator access. */
export function isAdminStatement(s: Statement): boolean {
    return s.effect === "Allow" && onAnyResource(s) && (s.actions.includes("*") || (s.notActions.length > 0 && s.actions.length === 0));
}

/** AWS managed policies that amount to administrator access. */
export const ADMIN_POLICY_ARNS = [
    "arn:aws:iam::aws:policy/AdministratorAccess",
    "arn:aws:iam::aws:policy/PowerUserAccess",
    "arn:aws:iam::aws:policy/IAMFullAccess",
];

export function isAdminPolicyArn(arn: unknown): boolean {
    return typeof arn === "string" && ADMIN_POLICY_ARNS.some((a) => arn.endsWith(a.slice("arn:aws".length)));
}

/** Whether an ARN names an AWS managed policy (`arn:<partition>:iam::aws:policy/...`). */
export function isAwsManagedPolicyArn(arn: string): boolean {
    return arn.startsWith("arn:") && arn.split(":")[4] === "aws" && arn.includes(":policy/");
}

/** The policy documents a resource carries inline: `policy` (policies) or `inlinePolicies[].policy` (roles). */
export function inlineDocuments(props: Record<string, unknown>): unknown[] {
    const docs: unknown[] = [];
    if (props.policy !== undefined) docs.push(props.policy);
    for (const p of asArray(props.inlinePolicies as Record<string, unknown>[])) docs.push(p.policy);
    return docs;
}

/** The AWS service principals a role's trust policy allows to assume it. */
export function servicePrincipals(assumeRolePolicy: unknown): string[] {
    const doc = parseMaybeJson(assumeRolePolicy) as { Statement?: unknown } | undefined;
    if (!doc || typeof doc !== "object") return [];
    const out: string[] = [];
    for (const s of asArray(doc.Statement as Record<string, unknown>[])) {
        const principal = s.Principal as { Service?: string | string[] } | undefined;
        out.push(...asArray(principal?.Service));
    }
    return out;
}

// ---- identity-based documents, analysed as documents ----

/** Resources that carry identity-based policy documents (what a principal may do). */
export const IDENTITY_POLICY_TYPES = [
    T.iamPolicy,
    T.iamRolePolicy,
    T.iamUserPolicy,
    T.iamGroupPolicy,
    T.iamRole,
    T.ssoPermissionSetInlinePolicy,
] as const;

/** The default name pattern of the landing zone's permissions boundary (as `iam-role-permissions-boundary` matches it). */
export const DEFAULT_BOUNDARY_ARN_PATTERN = "arn:aws:iam::*:policy/*boundary*";

/** One identity document of a resource, with the words that name it in a message. */
export interface IdentityDocument {
    readonly where: string;
    readonly document: PolicyDocument;
}

/**
 * Whether an `aws.iam.Policy` is the permissions boundary: a ceiling that grants nothing by
 * itself, so the grant checks do not apply to it. Recognised by the ARN its name and path give,
 * against the same pattern the roles' boundaries are checked with; `iam-boundary-not-attached`
 * makes sure a policy so named is never attached as a grant.
 */
export function isBoundaryPolicy(type: string, props: Record<string, unknown>, boundaryArnPattern: string): boolean {
    if (type !== T.iamPolicy || boundaryArnPattern === "") return false;
    const name = props.name;
    if (typeof name !== "string" || name === "") return false;
    const path = typeof props.path === "string" && props.path !== "" ? props.path : "/";
    return globMatch(boundaryArnPattern, `arn:aws:iam::000000000000:policy${path}${name}`);
}

/**
 * The identity documents a resource carries: a managed or inline policy's `policy`, a role's
 * `inlinePolicies[].policy`, an Identity Center permission set's `inlinePolicy`. The
 * permissions boundary yields none (see {@link isBoundaryPolicy}).
 */
export function identityDocumentsOf(
    type: string,
    name: string,
    props: Record<string, unknown>,
    boundaryArnPattern = DEFAULT_BOUNDARY_ARN_PATTERN,
): IdentityDocument[] {
    const out: IdentityDocument[] = [];
    const add = (where: string, doc: unknown) => {
        const document = parsePolicyDocument(doc);
        if (document) out.push({ where, document });
    };
    switch (type) {
        case T.iamRole:
            for (const p of asArray(props.inlinePolicies as Record<string, unknown>[])) {
                add(`Inline policy ${p.name === undefined ? "" : `\`${String(p.name)}\` `}of role \`${name}\``, p.policy);
            }
            break;
        case T.ssoPermissionSetInlinePolicy:
            add(`Inline policy of permission set \`${name}\``, props.inlinePolicy);
            break;
        case T.iamPolicy:
            if (!isBoundaryPolicy(type, props, boundaryArnPattern)) add(`IAM policy \`${name}\``, props.policy);
            break;
        default:
            add(`IAM policy \`${name}\``, props.policy);
    }
    return out;
}

/** An unconditional Deny of `action` on every resource: nothing else in the document can grant it. */
export function unconditionallyDenies(doc: PolicyDocument, action: string): boolean {
    return doc.statements.some(
        (s) => s.effect === "Deny" && s.conditions.length === 0 && appliesToEveryResource(s) && coversAction(s, action),
    );
}

/** Whether a statement grants without constraint: Allow, on whole kinds of resources, with no condition that narrows. */
export function isUnconstrainedGrant(s: PolicyStatement): boolean {
    return isAllow(s) && reachesBroadResources(s) && !isNarrowed(s, "any");
}

/** Whether the document grants `action` without constraint (and does not deny it outright). */
export function grantsUnconstrained(doc: PolicyDocument, action: string): boolean {
    return doc.statements.some((s) => isUnconstrainedGrant(s) && coversAction(s, action)) && !unconditionallyDenies(doc, action);
}

/** The escalation paths the document opens: every action of the method granted without constraint. */
export function escalationsIn(doc: PolicyDocument): EscalationMethod[] {
    return ESCALATION_METHODS.filter((m) => m.actions.every((a) => grantsUnconstrained(doc, a)));
}

const UNSCOPABLE = new Set(UNSCOPABLE_ACTIONS.map((a) => a.toLowerCase()));

/**
 * What an Allow statement grants on `Resource: "*"` (or through `NotResource`) without a
 * narrowing condition, other than actions that cannot be scoped to a resource: the action
 * patterns as written, or `every action except …` for a `NotAction` statement. Patterns an
 * unconditional Deny on every resource covers are left out.
 */
export function unscopedGrants(doc: PolicyDocument, s: PolicyStatement, extraUnscopable: ReadonlySet<string> = new Set()): string[] {
    if (!isAllow(s) || !appliesToEveryResource(s) || isNarrowed(s, "any")) return [];
    if (s.actions === undefined) {
        return s.notActions === undefined ? [] : [`every action except ${s.notActions.map((a) => `\`${a}\``).join(", ")}`];
    }
    const denied = doc.statements.filter((d) => d.effect === "Deny" && d.conditions.length === 0 && appliesToEveryResource(d));
    return s.actions.filter((_, i) => {
        const p = s.actionPatterns[i];
        if (UNSCOPABLE.has(p) || extraUnscopable.has(p)) return false;
        // A deny pattern that matches this pattern's text covers every action the pattern can grant.
        return !denied.some((d) => d.actionPatterns.some((dp) => wildcardMatch(dp, p)));
    });
}
