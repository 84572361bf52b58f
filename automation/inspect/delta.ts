import { createHash } from "crypto";
import type { Finding } from "../../policy-packs/lib/findings";
import type { FindingRef, InspectReport } from "./report/model";

/**
 * Parts of a finding's message that change from run to run while the finding stays the same:
 * ages in days, task ids, byte counts, and image digests: a rebuilt image that still runs an
 * end-of-life distribution, or still carries the same CVE, has the same finding. A finding is the
 * same finding when its policy, its resource and the rest of its message are.
 */
const VOLATILE: readonly RegExp[] = [/\bsha256:[0-9a-f]{6,64}…?/g, /\b\d+ days?\b/g, /\btask [0-9a-f-]{8,}\b/g, /\(\d+ of \d+ bytes\)/g];

/** A finding's identity across runs. */
export function fingerprintOf(unit: string, f: Pick<Finding, "policyId" | "urn" | "kind" | "message">): string {
    let message = f.message;
    for (const volatile of VOLATILE) message = message.replace(volatile, "…");
    return `sha256:${createHash("sha256").update(`${unit}\n${f.policyId}\n${f.urn}\n${f.kind}\n${message}`).digest("hex").slice(0, 32)}`;
}

/** What the earlier runs knew of one stack: its findings, from the newest run that inspected it. */
export interface StackBaseline {
    readonly runDir?: string;
    readonly findings: readonly FindingRef[];
}

const INSPECTED = new Set(["passed", "policy-violation"]);

/**
 * The baseline of each stack: the newest earlier report (reports come newest first) in which the
 * stack was inspected (passed or had violations). A stack that failed or was skipped last time
 * keeps the run before as its baseline, so one bad night does not make every finding "new".
 */
export function baselines(
    history: readonly { readonly report: Pick<InspectReport, "stacks">; readonly runDir: string }[],
): Map<string, StackBaseline> {
    const out = new Map<string, StackBaseline>();
    for (const { report, runDir } of history) {
        for (const stack of report.stacks) {
            if (out.has(stack.unit) || !INSPECTED.has(stack.status)) continue;
            out.set(stack.unit, {
                runDir,
                findings: stack.findings.map((f) => ({
                    unit: stack.unit,
                    policyId: f.policyId,
                    urn: f.urn,
                    level: f.level,
                    message: f.message,
                    fingerprint: f.fingerprint,
                })),
            });
        }
    }
    return out;
}

/** Digests that ran in the newest earlier report that observed any. */
export function previousDigests(history: readonly { readonly report: Pick<InspectReport, "stacks"> }[]): Set<string> | undefined {
    for (const { report } of history) {
        const digests = report.stacks.flatMap((s) =>
            s.services.flatMap((svc) => svc.containers.flatMap((c) => c.running.map((r) => r.digest))),
        );
        if (digests.length > 0) return new Set(digests);
    }
    return undefined;
}
