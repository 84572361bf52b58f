import { parentPort, workerData } from "worker_threads";
import { keepResult } from "../cache/keep";
import type { StackEvaluation } from "../evaluate";
import { inspectStack, StackInspection } from "../inspection";
import type { AsideRequest, AsideResponse } from "./protocol";

/**
 * Synth's aside thread: inspects the stacks the main thread evaluated and keeps each result in
 * the synth cache, while the main thread evaluates the next stack. It never loads the Pulumi SDK
 * or a program: only the policy list (preloaded now) and the cache.
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

// One stack at a time, in the order they came (the main thread awaits each answer by id). A stack's
// answer goes out as soon as it is inspected, before its cache entries are written: the stacks
// waiting on it start sooner. `drain` is answered once everything before it is written.
let queue: Promise<void> = Promise.resolve();
port.on("message", (request: AsideRequest | { readonly kind: "drain" }) => {
    queue = queue.then(() => ("kind" in request ? port.postMessage({ kind: "drained" } satisfies AsideResponse) : handle(request)));
});

async function handle(request: AsideRequest): Promise<void> {
    let inspection: StackInspection | undefined;
    let evaluation: StackEvaluation;
    try {
        const started = Date.now();
        evaluation = JSON.parse(request.evaluationJson) as StackEvaluation;
        inspection = request.inspection ? await inspectStack(request.inspection, evaluation.resources) : undefined;
        const inspectMs = Date.now() - started;
        const asBefore = inspection !== undefined && sentBefore(inspection.policies);
        port.postMessage({
            id: request.id,
            kind: "done",
            ...(inspection ? { inspection: asBefore ? { ...inspection, policies: undefined } : inspection } : {}),
            ...(asBefore ? { policiesAsBefore: true as const } : {}),
            inspectMs,
        } satisfies AsideResponse);
    } catch (error) {
        port.postMessage({ id: request.id, kind: "crashed", message: (error as Error)?.message ?? String(error) } satisfies AsideResponse);
        return;
    }
    try {
        keepResult(request.keep, evaluation, inspection, request.evaluationJson);
    } catch {
        // A result not kept costs the next run an evaluation, nothing more.
    }
}
