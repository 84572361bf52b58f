import { parentPort, workerData } from "worker_threads";
import { evaluateUnit } from "../evaluate";
import { keepResult } from "../cache/keep";
import { inspectStack } from "../inspection";
import type { WorkerRequest, WorkerResponse } from "./protocol";

/**
 * A synth worker: evaluates stacks one at a time, each in a fresh Pulumi runtime store, and
 * inspects what each registered. The modules (SDK, providers, unit programs, policies) stay
 * loaded between stacks, which is what makes a pool cheaper than a thread per stack.
 */
if (!parentPort) {
    throw new Error("automation/synth/worker/worker.ts must run in a worker thread.");
}
const port = parentPort;
let current: number | undefined;

// Modules the pool expects this worker to need (the SDK, the unit programs, the policy list):
// loaded now, so start-up overlaps the main thread's own preparation. A module that fails to
// load here fails again, with its real error, in the stack that needs it.
for (const module of (workerData as { preload?: string[] } | undefined)?.preload ?? []) {
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the modules to preload are known only at run time
        require(module);
    } catch {
        // reported by the stack that loads it
    }
}

port.postMessage({ kind: "ready" } satisfies WorkerResponse);

// One stack at a time (a program's unhandled rejections are attributed to the stack running), in
// the order they came: the pool hands a worker its next stack before this one is done, so the
// worker goes on at once instead of waiting for a busy main thread to read its answer. The handler
// reports every failure to the pool itself; nothing is left to reject unobserved.
let queue: Promise<void> = Promise.resolve();
port.on("message", (request: WorkerRequest) => {
    queue = queue.then(() => handle(request));
});

async function handle(request: WorkerRequest): Promise<void> {
    current = request.id;
    const post = (response: WorkerResponse): void => {
        if (current === request.id) port.postMessage(response);
    };
    try {
        const started = Date.now();
        const evaluation = await evaluateUnit(request.evaluation);
        const evaluateMs = Date.now() - started;
        post({ id: request.id, kind: "evaluated", resources: evaluation.resources.length, elapsedMs: evaluateMs });
        const inspectStarted = Date.now();
        const inspection =
            request.inspection && evaluation.error === undefined ? await inspectStack(request.inspection, evaluation.resources) : undefined;
        keepResult(request.keep, evaluation, inspection);
        post({
            id: request.id,
            kind: "done",
            evaluation,
            ...(inspection ? { inspection } : {}),
            evaluateMs,
            inspectMs: Date.now() - inspectStarted,
        });
    } catch (error) {
        post({ id: request.id, kind: "crashed", message: (error as Error)?.message ?? String(error) });
    } finally {
        if (current === request.id) current = undefined;
    }
}
