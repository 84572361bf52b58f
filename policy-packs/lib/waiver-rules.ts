import type { PolicyDefinition } from "./model";
import { isOnOrAfter } from "./enforcement";

// The waiver rules without the file loader (no YAML/schema dependencies), so a policy pack's
// engine entry can apply waivers with exactly the code the harness uses.

/** Which findings a waiver covers: one policy, and resources by URN glob, type and/or tags (all given must match). */
export interface WaiverSelector {
    /** URN glob: `*` matches any run of characters (including `/` and `::`), `?` one character. */
    readonly urn?: string;
    /** Exact Pulumi type token. */
    readonly type?: string;
    /** Tags that must all be present with these values. */
    readonly tags?: Readonly<Record<string, string>>;
}

/** A waiver as code: reviewed like any change, and it expires. */
export interface Waiver {
    /** Stable id, e.g. `W-2026-014`. */
    readonly id: string;
    /** The policy id waived. */
    readonly policy: string;
    readonly selector: WaiverSelector;
    readonly reason: string;
    /** Who answers for the risk (team or person). */
    readonly owner: string;
    /** The tracking ticket. */
    readonly ticket: string;
    /** Last day (YYYY-MM-DD, UTC) the waiver applies. */
    readonly expires: string;
    /** Who approved the exception (not its owner); an environment's `waiverPolicy` may require one. @default - none */
    readonly approver?: string;
    /** The day (YYYY-MM-DD) the approver signed off: where the waiver's lifetime starts. @default - none */
    readonly approved?: string;
    /** Where it was read from, for messages. */
    readonly source?: string;
    /** The 1-based line of the waiver's entry in `source`, for messages. */
    readonly line?: number;
}

/** Whether the waiver is past its last day. */
export function isExpired(waiver: Waiver, now: Date): boolean {
    const dayAfter = new Date(Date.parse(`${waiver.expires}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return isOnOrAfter(now, dayAfter);
}

const globCache = new Map<string, RegExp>();

/** Glob match where `*` spans any characters: URNs are full of `/` and `::`. */
export function globMatch(glob: string, value: string): boolean {
    let re = globCache.get(glob);
    if (!re) {
        re = new RegExp(
            `^${glob
                .replace(/[.+^${}()|[\]\\]/g, "\\$&")
                .replace(/\*/g, ".*")
                .replace(/\?/g, ".")}$`,
        );
        globCache.set(glob, re);
    }
    return re.test(value);
}

/** What a waiver's selector is matched against. */
export interface WaiverTarget {
    readonly policyId: string;
    readonly urn: string;
    readonly type?: string;
    readonly tags?: Readonly<Record<string, unknown>>;
}

/** Whether a waiver's policy and selector cover a finding. */
export function waiverMatches(waiver: Waiver, target: WaiverTarget): boolean {
    if (waiver.policy !== target.policyId) return false;
    const s = waiver.selector;
    if (s.urn !== undefined && !globMatch(s.urn, target.urn)) return false;
    if (s.type !== undefined && s.type !== target.type) return false;
    if (s.tags !== undefined) {
        for (const [k, v] of Object.entries(s.tags)) {
            if (target.tags?.[k] !== v) return false;
        }
    }
    return true;
}

/** How a waiver stands on a day: one rule, used by the harness (inspect) and the engine pack alike. */
export type WaiverStatus = "active" | "expired" | "rejected" | "unknown-policy";

/** Expired first (an expired waiver is a violation even for a non-waivable policy), then waivability. */
export function waiverStatus(waiver: Waiver, policy: PolicyDefinition | undefined, now: Date): WaiverStatus {
    if (isExpired(waiver, now)) return "expired";
    if (!policy) return "unknown-policy";
    return policy.waivable ? "active" : "rejected";
}

/** The mandatory finding an expired waiver becomes (same text in the harness and the engine). */
export function expiredWaiverMessage(waiver: Waiver): string {
    return (
        `Waiver \`${waiver.id}\` (owner ${waiver.owner}, ticket ` +
        `${waiver.ticket}) expired on ${waiver.expires}: fix the resources it ` +
        `covered, or renew it with a new expiry after review.`
    );
}

/** The mandatory finding a waiver of a non-waivable policy becomes. */
export function rejectedWaiverMessage(waiver: Waiver): string {
    return `Waiver \`${waiver.id}\` names policy \`${waiver.policy}\`, which may not be waived: remove the waiver and fix the resources.`;
}

/** The tags a waiver selector's `tags` match against: `tagsAll` (provider default tags included), else `tags`. */
export function waiverTagsOf(props: unknown): Record<string, unknown> | undefined {
    const p = props as { tags?: unknown; tagsAll?: unknown } | undefined;
    const t = p?.tagsAll ?? p?.tags;
    return t && typeof t === "object" ? (t as Record<string, unknown>) : undefined;
}
