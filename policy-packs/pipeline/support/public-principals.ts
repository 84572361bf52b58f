import { asArray, parseMaybeJson } from "./props";

/**
 * Condition keys that tie a wildcard principal to the caller's own organization, account,
 * network or source: a statement carrying one of them is not open to the world.
 */
const NARROWING_KEYS = new Set(
    [
        "aws:PrincipalAccount",
        "aws:PrincipalArn",
        "aws:PrincipalOrgID",
        "aws:PrincipalOrgPaths",
        "aws:SourceAccount",
        "aws:SourceArn",
        "aws:SourceOrgID",
        "aws:SourceOrgPaths",
        "aws:SourceOwner",
        "aws:SourceVpc",
        "aws:SourceVpce",
        "aws:SourceIp",
        "aws:userid",
    ].map((k) => k.toLowerCase()),
);

function isWildcardPrincipal(principal: unknown): boolean {
    if (principal === "*") return true;
    if (!principal || typeof principal !== "object") return false;
    return asArray((principal as { AWS?: unknown }).AWS as string | string[] | undefined).some((p) => p === "*");
}

function narrows(condition: unknown): boolean {
    if (!condition || typeof condition !== "object") return false;
    return Object.values(condition as Record<string, unknown>).some(
        (byKey) => byKey !== null && typeof byKey === "object" && Object.keys(byKey).some((k) => NARROWING_KEYS.has(k.toLowerCase())),
    );
}

/** The `Sid`s (or positions) of a resource policy's statements that allow anyone at all: `Principal: "*"` without a narrowing condition. */
export function publicStatements(document: unknown): string[] {
    const doc = parseMaybeJson(document) as { Statement?: unknown } | undefined;
    if (!doc || typeof doc !== "object") return [];
    return asArray(doc.Statement as Record<string, unknown>[])
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => s.Effect === "Allow" && isWildcardPrincipal(s.Principal) && !narrows(s.Condition))
        .map(({ s, i }) => (typeof s.Sid === "string" && s.Sid ? s.Sid : `#${i + 1}`));
}
