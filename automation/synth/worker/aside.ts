import { parentPort, workerData } from "worker_threads";
import { cacheEntriesFor, workingTreeKeys } from "../cache/entries";
import { keepResult } from "../cache/keep";
import type { SynthCacheKeys } from "../cache/keys";
import type { StackEvaluation } from "../evaluate";
import { inspectStack, StackInspection } from "../inspection";
import type { AsideKeep, AsideKeys, AsideRequest, AsideResponse, CacheEntries } from "./protocol";

/**
 * Synth's aside thread: inspects the stacks the main thread evaluated and keeps each result in
 * the synth cache, while the main thread evaluates the next stack. It never loads the Pulumi SDK
 * or a program: only the policy list (preloaded now), the cache and, in a cold run, what
 * fingerprints the units for the cache's keys.
 *
 * The main thread waits for inspections (a stack is done when it is inspected), never for cache
 * entries: a stack to inspect always goes first; entries are written, and the keys taken, when
 * nothing waits to be inspected.
 */
if (!parentPort) {
    throw new Error("automation/synth/worker/aside.ts must run in a worker thread.");
}
const port = parentPort;

for (const module of (workerData as { preload?: string[] } | undefined)?.preload ?? []) {
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the policy module is known only at run time
        require(module);
    } catch {
        // reported by the stack whose inspection loads it
    }
}

/** The policy list last sent, and its JSON: an equal one is not sent again. */
let policiesSent: { readonly list: unknown; readonly json: string } | undefined;

/** Whether `list` equals the list sent last (the harness hands out one list per pack and settings: mostly the very same array). */
function sentBefore(list: unknown): boolean {
    if (policiesSent?.list === list) return true;
    const json = JSON.stringify(list);
    const equal = policiesSent?.json === json;
    policiesSent = { list, json };
    return equal;
}

/** How to take the cache's keys (told once by the main thread), and the keys once taken (null: they could not be). */
let keys: { readonly options: AsideKeys["options"]; taken?: SynthCacheKeys | null } | undefined;

/** Stacks to inspect, in the order they came. */
const toInspect: AsideRequest[] = [];
/** Results to keep, in the order they were inspected (the evaluation parsed here when it was inspected here). */
const toKeep: { readonly request: AsideRequest; readonly evaluation?: StackEvaluation; readonly inspection?: StackInspection }[] = [];
/** The main thread asked to hear when everything before is done. */
let drainAsked = false;
let pumping = false;

port.on("message", (message: AsideRequest | AsideKeep | AsideKeys | { readonly kind: "drain" }) => {
    if (!("kind" in message)) toInspect.push(message);
    else if (message.kind === "keep")
        toKeep.push({ request: { id: 0, ...message }, ...(message.inspected ? { inspection: message.inspected } : {}) });
    else if (message.kind === "keys") keys = { options: message.options };
    else drainAsked = true;
    pump();
});

/**
 * Does one thing at a time, then lets messages in (a `setImmediate` between steps): the oldest
 * stack to inspect if there is one, else one result to keep (the keys taken first, if they are
 * to be), else the keys, else answers a drain.
 */
function pump(): void {
    if (pumping) return;
    pumping = true;
    void step().finally(() => {
        pumping = false;
        if (toInspect.length > 0 || toKeep.length > 0 || drainAsked || (keys && keys.taken === undefined)) setImmediate(pump);
    });
}

async function step(): Promise<void> {
    const request = toInspect.shift();
    if (request) return inspectOne(request);
    const kept = toKeep.shift();
    if (kept) return keepOne(kept.request, kept.evaluation, kept.inspection);
    if (keys && keys.taken === undefined) {
        takeKeys();
        return;
    }
    if (drainAsked) {
        drainAsked = false;
        port.postMessage({ kind: "drained" } satisfies AsideResponse);
    }
}

async function inspectOne(request: AsideRequest): Promise<void> {
    try {
        const started = Date.now();
        const evaluation = JSON.parse(request.evaluationJson) as StackEvaluation;
        const inspection = request.inspection ? await inspectStack(request.inspection, evaluation.resources) : undefined;
        const inspectMs = Date.now() - started;
        const asBefore = inspection !== undefined && sentBefore(inspection.policies);
        port.postMessage({
            id: request.id,
            kind: "done",
            ...(inspection ? { inspection: asBefore ? { ...inspection, policies: undefined } : inspection } : {}),
            ...(asBefore ? { policiesAsBefore: true as const } : {}),
            inspectMs,
        } satisfies AsideResponse);
        if (request.keep || request.keepAside) toKeep.push({ request, evaluation, ...(inspection ? { inspection } : {}) });
    } catch (error) {
        port.postMessage({ id: request.id, kind: "crashed", message: (error as Error)?.message ?? String(error) } satisfies AsideResponse);
    }
}

function keepOne(request: AsideRequest, parsed: StackEvaluation | undefined, inspection: StackInspection | undefined): void {
    try {
        const evaluation = parsed ?? (JSON.parse(request.evaluationJson) as StackEvaluation);
        keepResult(request.keep ?? entriesAside(request, evaluation), evaluation, inspection, request.evaluationJson);
    } catch {
        // A result not kept costs the next run an evaluation, nothing more.
    }
}

/** The entries of a `keepAside` request, from this thread's keys. */
function entriesAside(request: AsideRequest, evaluation: StackEvaluation): CacheEntries | undefined {
    const taken = takeKeys();
    if (!request.keepAside || !taken || evaluation.error !== undefined) return undefined;
    return cacheEntriesFor(taken, request.keepAside.dir, request.keepAside.job, request.inspection);
}

/** The cache's keys, taken once; none when this thread was not told how, or they could not be taken (said once). */
function takeKeys(): SynthCacheKeys | undefined {
    if (!keys) return undefined;
    if (keys.taken === undefined) {
        try {
            keys.taken = workingTreeKeys(keys.options);
        } catch (error) {
            keys.taken = null;
            const message = `synth cache: the units could not be fingerprinted (${(error as Error)?.message ?? String(error)}): nothing of this run is kept`;
            port.postMessage({ kind: "problem", message } satisfies AsideResponse);
        }
    }
    return keys.taken ?? undefined;
}
