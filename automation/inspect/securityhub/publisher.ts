import { AwsSecurityFinding, BatchImportFindingsCommand, SecurityHubClient } from "@aws-sdk/client-securityhub";
import type { InspectionStateStore } from "../state/store";
import { AsffContext, findingId, PublishableFinding, toAsff } from "./asff";

/** `BatchImportFindings` takes at most 100 findings a call. */
export const SECURITY_HUB_BATCH_SIZE = 100;
/** The inspection state document of what was published. */
export const SECURITY_HUB_STATE = "securityhub.json";

/** What the inspection remembers of Security Hub between runs. */
export interface SecurityHubState {
    readonly version: 1;
    /** Findings last imported ACTIVE, by id: archived with this very document when they are resolved. */
    readonly active: Readonly<Record<string, AwsSecurityFinding>>;
    /**
     * Ids a run was about to import, written before its first batch: a run killed midway leaves them
     * here, and the next run archives those it no longer finds (nothing published is ever lost track of).
     */
    readonly pending: Readonly<Record<string, AwsSecurityFinding>>;
    readonly updatedAt: string;
}

export interface SecurityHubPublication {
    /** Findings imported ACTIVE (new or updated). */
    readonly active: number;
    /** Findings imported ARCHIVED (resolved since they were published). */
    readonly archived: number;
    /** Waived findings left out (archived if they had been published). */
    readonly waived: number;
    readonly batches: number;
}

/** Security Hub refused some findings: the ids and why, never the findings' contents. */
export class SecurityHubImportError extends Error {
    readonly code = "EDF_SECURITYHUB_IMPORT";
    constructor(readonly failures: readonly { readonly id: string; readonly code: string; readonly message: string }[]) {
        super(
            `Security Hub refused ${failures.length} finding(s): ${failures
                .slice(0, 5)
                .map((f) => `${f.id} (${f.code}: ${f.message})`)
                .join("; ")}${failures.length > 5 ? "; …" : ""}. The others were imported; the next run retries these.`,
        );
    }
}

/** Progress of a publication (one call per batch sent). */
export type PublishProgress = (event: { readonly batch: number; readonly batches: number; readonly findings: number }) => void;

/**
 * Publishes an inspection's findings to Security Hub as ASFF (`BatchImportFindings`, batches of 100):
 * every unwaived finding ACTIVE under an id made of its fingerprint (a re-run updates, never
 * duplicates), every finding published before and not found now ARCHIVED. The state store says what
 * was published; it is written before the first batch (what is about to be sent) and after the last
 * (what is now active), each time whole, so a run killed at any point is re-run from scratch and
 * converges on what an uninterrupted run publishes.
 */
export async function publishToSecurityHub(
    client: SecurityHubClient,
    store: InspectionStateStore,
    findings: readonly PublishableFinding[],
    ctx: AsffContext,
    onProgress: PublishProgress = () => undefined,
    options: {
        /**
         * The units this run settles: a published finding of another unit (a stack that failed, was
         * interrupted or not selected) is neither re-sent nor archived, and stays in the state as it was.
         * @default - every unit: what the findings do not hold is resolved
         */
        readonly settledUnits?: ReadonlySet<string>;
    } = {},
): Promise<SecurityHubPublication> {
    const previous = (await store.read<SecurityHubState>(SECURITY_HUB_STATE)) ?? { version: 1, active: {}, pending: {}, updatedAt: "" };
    const known: Record<string, AwsSecurityFinding> = { ...previous.pending, ...previous.active };

    const current = new Map<string, AwsSecurityFinding>();
    let waived = 0;
    for (const f of findings) {
        if (f.waivedBy) {
            waived++;
            continue;
        }
        const id = findingId(ctx.environment, f.unit, f.fingerprint);
        current.set(id, toAsff(f, ctx, { firstObservedAt: known[id]?.CreatedAt }));
    }
    const settled = (asff: AwsSecurityFinding): boolean =>
        !options.settledUnits || options.settledUnits.has(asff.ProductFields?.["edf/unit"] ?? "");
    // Published findings of units this run did not look at: kept, untouched, until a run inspects them.
    const kept = Object.fromEntries(Object.entries(previous.active).filter(([id, asff]) => !current.has(id) && !settled(asff)));
    const keptPending = Object.fromEntries(Object.entries(previous.pending).filter(([id, asff]) => !current.has(id) && !settled(asff)));
    const resolved = Object.entries(known)
        .filter(([id, asff]) => !current.has(id) && settled(asff))
        .map(([, asff]): AwsSecurityFinding => ({
            ...asff,
            RecordState: "ARCHIVED",
            Compliance: { ...asff.Compliance, Status: "PASSED" },
            UpdatedAt: ctx.observedAt,
        }));

    const outgoing = [...[...current.values()].sort((a, b) => a.Id!.localeCompare(b.Id!)), ...resolved];
    await store.write(SECURITY_HUB_STATE, {
        version: 1,
        active: previous.active,
        pending: { ...previous.pending, ...Object.fromEntries(current) },
        updatedAt: previous.updatedAt,
    } satisfies SecurityHubState);

    const failures: { id: string; code: string; message: string }[] = [];
    const batches = Math.ceil(outgoing.length / SECURITY_HUB_BATCH_SIZE);
    for (let i = 0; i < batches; i++) {
        const batch = outgoing.slice(i * SECURITY_HUB_BATCH_SIZE, (i + 1) * SECURITY_HUB_BATCH_SIZE);
        const answer = await client.send(new BatchImportFindingsCommand({ Findings: batch }));
        for (const failed of answer.FailedFindings ?? []) {
            failures.push({ id: failed.Id ?? "?", code: failed.ErrorCode ?? "?", message: failed.ErrorMessage ?? "" });
        }
        onProgress({ batch: i + 1, batches, findings: batch.length });
    }

    const failedIds = new Set(failures.map((f) => f.id));
    // A finding Security Hub refused stays pending (re-sent or archived next run); an archival it refused stays known.
    const active = { ...kept, ...Object.fromEntries([...current].filter(([id]) => !failedIds.has(id))) };
    const pending = Object.fromEntries([
        ...Object.entries(keptPending),
        ...[...current].filter(([id]) => failedIds.has(id)),
        ...resolved.filter((r) => failedIds.has(r.Id!)).map((r) => [r.Id!, known[r.Id!]] as const),
    ]);
    await store.write(SECURITY_HUB_STATE, { version: 1, active, pending, updatedAt: ctx.observedAt } satisfies SecurityHubState);
    if (failures.length > 0) throw new SecurityHubImportError(failures);
    return { active: current.size, archived: resolved.length, waived, batches };
}
