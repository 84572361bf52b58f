import * as path from "path";
import { Worker } from "worker_threads";
import type { evaluateUnit as EvaluateUnit } from "./evaluate";
import { keepResult } from "./cache/keep";
import { inspectStack } from "./inspection";
import type { WorkerRequest, WorkerResponse } from "./worker/protocol";

/** The final answer for one stack. */
export type StackDone = Extract<WorkerResponse, { kind: "done" }>;

/** Runs evaluation + inspection requests somewhere: worker threads, or this thread. */
export interface StackEvaluator {
    /** How many stacks run at once. */
    readonly size: number;
    run(request: Omit<WorkerRequest, "id">, onEvaluated?: (resources: number) => void): Promise<StackDone>;
    close(): Promise<void>;
}

/** How long one stack may take before its worker is stopped and the stack failed. */
export const DEFAULT_STACK_TIMEOUT_MS = 300_000;

const ENTRY = path.join(__dirname, "worker", "entry.js");

interface Slot {
    worker: Worker;
    busy?: {
        id: number;
        resolve(done: StackDone): void;
        reject(error: Error): void;
        onEvaluated?: (n: number) => void;
        timer: NodeJS.Timeout;
    };
}

/**
 * A pool of worker threads, each with its own Pulumi runtime, reused across stacks (each
 * stack runs in a fresh runtime store, see evaluate.ts). Loading the SDK, the AWS provider
 * and the programs costs seconds per thread, so threads are started lazily, at most `size`,
 * and kept until `close()`. A thread that dies or overruns is replaced; its stack fails.
 */
export class WorkerPool implements StackEvaluator {
    private readonly slots: Slot[] = [];
    private readonly queue: {
        request: WorkerRequest;
        resolve(d: StackDone): void;
        reject(e: Error): void;
        onEvaluated?: (n: number) => void;
    }[] = [];
    private nextId = 1;
    private closed = false;

    constructor(
        readonly size: number,
        private readonly stackTimeoutMs: number = DEFAULT_STACK_TIMEOUT_MS,
        private readonly resourceLimits: { maxOldGenerationSizeMb?: number } = {},
        /** Modules each worker loads as soon as it starts. */
        private readonly preload: readonly string[] = [],
    ) {}

    /** Starts every worker now (they preload while the caller prepares the first stacks). */
    warm(): void {
        while (!this.closed && this.slots.length < this.size) this.startWorker();
    }

    run(request: Omit<WorkerRequest, "id">, onEvaluated?: (resources: number) => void): Promise<StackDone> {
        if (this.closed) return Promise.reject(new Error("synth: the worker pool is closed."));
        return new Promise<StackDone>((resolve, reject) => {
            this.queue.push({ request: { ...request, id: this.nextId++ }, resolve, reject, ...(onEvaluated ? { onEvaluated } : {}) });
            this.dispatch();
        });
    }

    async close(): Promise<void> {
        this.closed = true;
        const slots = this.slots.splice(0);
        await Promise.all(slots.map((s) => s.worker.terminate()));
    }

    private dispatch(): void {
        while (this.queue.length > 0) {
            let slot = this.slots.find((s) => !s.busy);
            if (!slot && this.slots.length < this.size) {
                slot = this.startWorker();
            }
            if (!slot) return;
            const next = this.queue.shift()!;
            const timer = setTimeout(
                () => this.fail(slot!, `stack took longer than ${this.stackTimeoutMs / 1000}s; its worker was stopped`),
                this.stackTimeoutMs,
            );
            slot.busy = {
                id: next.request.id,
                resolve: next.resolve,
                reject: next.reject,
                timer,
                ...(next.onEvaluated ? { onEvaluated: next.onEvaluated } : {}),
            };
            slot.worker.postMessage(next.request);
        }
    }

    private startWorker(): Slot {
        // A program's console output goes to stderr: stdout carries the command's result (`--json`).
        const worker = new Worker(ENTRY, {
            resourceLimits: this.resourceLimits,
            workerData: { preload: [...this.preload] },
            stdout: true,
            stderr: false,
        });
        worker.stdout.pipe(process.stderr, { end: false });
        const slot: Slot = { worker };
        worker.on("message", (message: WorkerResponse) => {
            const busy = slot.busy;
            if (!busy || busy.id !== message.id) return;
            if (message.kind === "evaluated") {
                busy.onEvaluated?.(message.resources);
                return;
            }
            clearTimeout(busy.timer);
            slot.busy = undefined;
            if (message.kind === "done") busy.resolve(message);
            else busy.reject(new Error(message.message));
            this.dispatch();
        });
        worker.on("error", (error) => this.fail(slot, `worker failed: ${error.message}`));
        worker.on("exit", (code) => {
            if (!this.closed) this.fail(slot, `worker exited with code ${code}`);
        });
        this.slots.push(slot);
        return slot;
    }

    private fail(slot: Slot, message: string): void {
        const index = this.slots.indexOf(slot);
        if (index < 0) return;
        this.slots.splice(index, 1);
        const busy = slot.busy;
        slot.busy = undefined;
        if (busy) {
            clearTimeout(busy.timer);
            busy.reject(new Error(message));
        }
        void slot.worker.terminate();
        if (!this.closed) this.dispatch();
    }
}

/**
 * Runs stacks one at a time in this thread (no worker start-up cost; for a handful of stacks,
 * tests and `--parallel 1`). Each stack still gets a fresh runtime store.
 */
export class InThreadEvaluator implements StackEvaluator {
    readonly size = 1;
    private tail: Promise<unknown> = Promise.resolve();
    private running = 0;

    /** Whether a stack is running or queued here. */
    get busy(): boolean {
        return this.running > 0;
    }

    run(request: Omit<WorkerRequest, "id">, onEvaluated?: (resources: number) => void): Promise<StackDone> {
        this.running++;
        const result = this.tail.then(async () => {
            // The evaluator (and with it the Pulumi SDK) loads with the first stack this thread
            // evaluates: a run served by the synth cache never loads it.
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
            const { evaluateUnit } = require("./evaluate") as { evaluateUnit: typeof EvaluateUnit };
            const started = Date.now();
            const evaluation = await withPlainStackTraces(() => evaluateUnit(request.evaluation));
            const evaluateMs = Date.now() - started;
            onEvaluated?.(evaluation.resources.length);
            const inspectStarted = Date.now();
            const inspection =
                request.inspection && evaluation.error === undefined
                    ? await inspectStack(request.inspection, evaluation.resources)
                    : undefined;
            keepResult(request.keep, evaluation, inspection);
            return {
                id: 0,
                kind: "done",
                evaluation,
                ...(inspection ? { inspection } : {}),
                evaluateMs,
                inspectMs: Date.now() - inspectStarted,
            } as StackDone;
        });
        this.tail = result
            .catch(() => undefined)
            .finally(() => {
                this.running--;
            });
        return result;
    }

    async close(): Promise<void> {
        await this.tail;
    }
}

/**
 * Runs an evaluation in this thread as a worker would. The Pulumi SDK formats a stack trace
 * for every resource and promise it creates. Under
 * ts-node, `source-map-support` maps each of those through source maps, which costs a third
 * of an evaluation; nothing here reads those traces, so the mapping is switched off while a
 * stack is evaluated in this thread (a worker never installs it).
 */
async function withPlainStackTraces<T>(work: () => Promise<T>): Promise<T> {
    const errors = Error as { prepareStackTrace?: ErrorConstructor["prepareStackTrace"] };
    const mapping = errors.prepareStackTrace;
    errors.prepareStackTrace = undefined;
    // A program's console output goes to stderr, as in a worker: stdout carries the result (`--json`).
    const { log, info, debug } = console;
    console.log = console.info = console.debug = console.error;
    try {
        return await work();
    } finally {
        errors.prepareStackTrace = mapping;
        Object.assign(console, { log, info, debug });
    }
}

/**
 * This thread plus a pool of workers: this thread has the SDK loaded already (the CLI loads
 * it), so it starts the first stacks at once while the workers load; on a large estate all of
 * them share the stacks. A stack goes to this thread when it is free, else to the pool.
 */
export class MixedEvaluator implements StackEvaluator {
    readonly size: number;
    private readonly local = new InThreadEvaluator();

    constructor(private readonly pool: WorkerPool) {
        this.size = pool.size + 1;
    }

    run(request: Omit<WorkerRequest, "id">, onEvaluated?: (resources: number) => void): Promise<StackDone> {
        return this.local.busy ? this.pool.run(request, onEvaluated) : this.local.run(request, onEvaluated);
    }

    async close(): Promise<void> {
        await Promise.all([this.local.close(), this.pool.close()]);
    }
}
