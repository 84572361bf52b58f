import { asArray, parseMaybeJson } from "./props";

/** One IAM statement, normalized: actions and resources as lists. */
export interface Statement {
    readonly effect: string;
    readonly actions: string[];
    readonly notActions: string[];
    readonly resources: string[];
    readonly notResources: string[];
}

/** The statements of a policy document given as JSON text or object; [] when it is not one. */
export function statementsOf(document: unknown): Statement[] {
    const doc = parseMaybeJson(document) as { Statement?: unknown } | undefined;
    if (!doc || typeof doc !== "object") return [];
    return asArray(doc.Statement as Record<string, unknown>[]).map((s: Record<string, unknown>) => ({
        effect: String(s.Effect ?? ""),
        actions: asArray(s.Action as string | string[]).map(String),
        notActions: asArray(s.NotAction as string | string[]).map(String),
        resources: asArray(s.Resource as string | string[]).map(String),
        notResources: asArray(s.NotResource as string | string[]).map(String),
    }));
}

function actionCovers(pattern: string, action: string): boolean {
    const re = new RegExp(
        `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
        "i",
    );
    return re.test(action);
}

/** Whether an Allow statement grants `action` (case-insensitive, wildcards honoured). */
export function allowsAction(s: Statement, action: string): boolean {
    if (s.effect !== "Allow") return false;
    if (s.notActions.length > 0) return !s.notActions.some((p) => actionCovers(p, action));
    return s.actions.some((p) => actionCovers(p, action));
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
