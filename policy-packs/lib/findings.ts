import type { Severity } from "./model";

/** Why a finding exists. */
export type FindingKind =
    /** The policy reported a violation. */
    | "violation"
    /** The policy read a value unknown until deployment (preview), so it could not run. */
    | "unknown"
    /** A waiver for this policy has expired: itself a violation until renewed or removed. */
    | "waiver-expired"
    /** A waiver names a policy that may not be waived. */
    | "waiver-rejected";

export interface AppliedWaiver {
    readonly id: string;
    readonly owner: string;
    readonly ticket: string;
    readonly expires: string;
    readonly reason: string;
    readonly approver?: string;
    readonly approved?: string;
    readonly source?: string;
}

/** One result of an inspection, ready for the reporters. */
export interface Finding {
    readonly policyId: string;
    /** The resource URN, or `""` for a stack-wide finding. */
    readonly urn: string;
    readonly resourceType?: string;
    readonly resourceName?: string;
    readonly level: "mandatory" | "advisory";
    readonly severity: Severity;
    readonly message: string;
    readonly kind: FindingKind;
    /** Set when an active waiver suppresses the finding. */
    readonly waivedBy?: AppliedWaiver;
}

const LEVEL_RANK = { mandatory: 0, advisory: 1 } as const;

/** The report order: unwaived before waived, mandatory first, then policy, URN, message. */
export function compareFindings(a: Finding, b: Finding): number {
    return (
        Number(a.waivedBy !== undefined) - Number(b.waivedBy !== undefined) ||
        LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
        cmp(a.policyId, b.policyId) ||
        cmp(a.urn, b.urn) ||
        cmp(a.kind, b.kind) ||
        cmp(a.message, b.message)
    );
}

function cmp(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a finding blocks a deployment. */
export function isBlocking(f: Finding): boolean {
    return f.level === "mandatory" && f.waivedBy === undefined;
}
