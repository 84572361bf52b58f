import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import type { PublishableFinding } from "../securityhub/asff";
import type { InspectionStateStore } from "../state/store";

/** The inspection state document of the mandatory findings already notified. */
export const NOTIFIED_STATE = "notified.json";
/** SNS takes messages up to 256 KiB; a summary lists at most this many findings and counts the rest. */
export const MAX_LISTED_FINDINGS = 50;

interface NotifiedState {
    readonly version: 1;
    /** Fingerprints (`<unit> <fingerprint>`) of the unwaived mandatory findings of the last run. */
    readonly mandatory: readonly string[];
    readonly updatedAt: string;
}

const keyOf = (f: PublishableFinding) => `${f.unit} ${f.fingerprint}`;

/** The summary of new mandatory findings, as plain text a person reads in a mail or a chat. Pure. */
export function newFindingsSummary(
    environment: string,
    fresh: readonly PublishableFinding[],
    observedAt: string,
): { subject: string; message: string } {
    const subject = `edf inspect ${environment}: ${fresh.length} new mandatory finding${fresh.length === 1 ? "" : "s"}`.slice(0, 100);
    const byUnit = new Map<string, number>();
    for (const f of fresh) byUnit.set(f.unit, (byUnit.get(f.unit) ?? 0) + 1);
    const lines = [
        `The scheduled inspection of ${environment} (evidence collected ${observedAt}) found ${fresh.length} mandatory finding(s) the previous run did not have.`,
        "",
        ...[...byUnit].sort(([a], [b]) => a.localeCompare(b)).map(([unit, n]) => `  ${unit}: ${n}`),
        "",
        ...fresh.slice(0, MAX_LISTED_FINDINGS).map((f) => `- [${f.severity}] ${f.policyId} (${f.unit}): ${f.message}`),
        ...(fresh.length > MAX_LISTED_FINDINGS
            ? [`- … and ${fresh.length - MAX_LISTED_FINDINGS} more: see Security Hub or the run's report.`]
            : []),
    ];
    return { subject, message: lines.join("\n") };
}

/**
 * Sends one summary to the topic when the run has unwaived mandatory findings the previous run did
 * not have (nothing on a first run's silence, nothing when nothing is new), then records this run's
 * mandatory findings. The record is written only after the topic accepted the message: a run killed
 * before that notifies again on re-run rather than never.
 */
export async function notifyNewMandatoryFindings(
    sns: SNSClient,
    topicArn: string,
    store: InspectionStateStore,
    findings: readonly PublishableFinding[],
    context: {
        readonly environment: string;
        readonly observedAt: string;
        /** Units this run inspected: the record of the others (failed, interrupted, not selected) is kept. @default - every unit */
        readonly settledUnits?: ReadonlySet<string>;
    },
): Promise<{ readonly notified: number }> {
    const previous = await store.read<NotifiedState>(NOTIFIED_STATE);
    const seen = new Set(previous?.mandatory ?? []);
    const mandatory = findings.filter((f) => f.level === "mandatory" && !f.waivedBy && f.kind !== "unknown");
    const fresh = mandatory.filter((f) => !seen.has(keyOf(f))).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
    if (fresh.length > 0) {
        const { subject, message } = newFindingsSummary(context.environment, fresh, context.observedAt);
        await sns.send(new PublishCommand({ TopicArn: topicArn, Subject: subject, Message: message }));
    }
    await store.write(NOTIFIED_STATE, {
        version: 1,
        mandatory: [
            ...new Set([
                ...(previous?.mandatory ?? []).filter((key) => context.settledUnits && !context.settledUnits.has(key.split(" ")[0]!)),
                ...mandatory.map(keyOf),
            ]),
        ].sort(),
        updatedAt: context.observedAt,
    } satisfies NotifiedState);
    return { notified: fresh.length };
}
