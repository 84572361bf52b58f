import * as path from "path";
import { Worker } from "worker_threads";
import type { evaluateUnit as EvaluateUnit, StackEvaluation } from "./evaluate";
import type { AsideInspector, AsideJob } from "./aside-inspector";
import { keepResult } from "./cache/keep";
import { inspectStack, StackInspection } from "./inspection";
import type { WorkerRequest, WorkerResponse } from "./worker/protocol";

/** The final answer for one stack. */
export type StackDone = Extract<WorkerResponse, { kind: "done" }>;

/** Runs evaluation + inspection requests somewhere: worker threads, or this thread. */
export interface StackEvaluator {
    /** How many stacks run at once. */
    readonly size: number;
    /** How many stacks it takes at once (a worker holds its next stack while it runs one). @default - `size` */
    readonly accepts?: number;
    run(request: Omit<WorkerRequest, "id">, onEvaluated?: (resources: number) => void): Promise<StackDone>;
    close(): Promise<void>;
}

/** How long one stack may take before its worker is stopped and the stack failed. */
export const DEFAULT_STACK_TIMEOUT_MS = 300_000;

const ENTRY = path.join(__dirname, "worker", "entry.js");

interface Request {
    readonly request: WorkerRequest;
    resolve(done: StackDone): void;
    reject(error: Error): void;
    onEvaluated?: (n: number) => void;
}

interface Slot {
    worker: Worker;
    /** The worker has loaded what it preloads. */
    ready?: boolean;
    /** The stacks handed to this worker, in order: the first runs, the next waits in the worker. */
    readonly busy: Request[];
    /** The running stack's deadline. */
    timer?: NodeJS.Timeout;
}

/** Stacks one thread evaluates while earlier ones it evaluated are still inspected on its aside thread. */
export const ASIDE_DEPTH = 3;

/** Stacks a worker holds at once: the one it runs and the next, so it never waits for this thread to read an answer. */
export const STACKS_PER_WORKER = 2;

/**
 * A pool of worker threads, each with its own Pulumi runtime, reused across stacks (each
 * stack runs in a fresh runtime store, see evaluate.ts). Loading the SDK, the AWS provider
 * and the programs costs seconds per thread, so threads are started lazily, at most `size`,
 * and kept until `close()`. A thread that dies or overruns is replaced; its stack fails.
 */
export class WorkerPool implements StackEvaluator {
    private readonly slots: Slot[] = [];
    private readonly queue: Request[] = [];
    private nextId = 1;
    private closed = false;

    constructor(
        readonly size: number,
        private readonly stackTimeoutMs: number = DEFAULT_STACK_TIMEOUT_MS,
        private readonly resourceLimits: { maxOldGenerationSizeMb?: number } = {},
        /** Modules each worker loads as soon as it starts. */
        private readonly preload: readonly string[] = [],
    ) {}

    get accepts(): number {
        return this.size * STACKS_PER_WORKER;
    }

    /** Called when a worker becomes ready or finishes a stack (see {@link hasRoom}). */
    onRoom?: () => void;

    /** Whether a stack run now would go to a worker that has loaded and can take it without another one waiting first. */
    hasRoom(): boolean {
        return this.queue.length === 0 && this.slots.some((s) => s.ready === true && s.busy.length < STACKS_PER_WORKER);
    }

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
        for (const slot of slots) clearTimeout(slot.timer);
        await Promise.all(slots.map((s) => s.worker.terminate()));
    }

    /**
     * Hands queued stacks to loaded workers first (idle, then with room for their next one), then to
     * workers still loading, starting one while there are fewer than `size`.
     */
    private dispatch(): void {
        while (this.queue.length > 0) {
            const slot =
                this.slots.find((s) => s.ready === true && s.busy.length === 0) ??
                this.slots.find((s) => s.ready === true && s.busy.length < STACKS_PER_WORKER) ??
                this.slots.find((s) => s.busy.length === 0) ??
                (this.slots.length < this.size ? this.startWorker() : undefined) ??
                this.slots.find((s) => s.busy.length < STACKS_PER_WORKER);
            if (!slot) return;
            const next = this.queue.shift()!;
            slot.busy.push(next);
            if (slot.busy.length === 1) this.startTimer(slot);
            slot.worker.postMessage(next.request);
        }
    }

    /** The deadline of the stack a worker runs now (one waiting in the worker has not started). */
    private startTimer(slot: Slot): void {
        slot.timer = setTimeout(
            () => this.fail(slot, `stack took longer than ${this.stackTimeoutMs / 1000}s; its worker was stopped`),
            this.stackTimeoutMs,
        );
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
        const slot: Slot = { worker, busy: [] };
        worker.on("message", (message: WorkerResponse) => {
            if (message.kind === "ready") {
                slot.ready = true;
                this.onRoom?.();
                return;
            }
            const running = slot.busy[0];
            if (!running || running.request.id !== message.id) return;
            if (message.kind === "evaluated") {
                running.onEvaluated?.(message.resources);
                return;
            }
            clearTimeout(slot.timer);
            slot.busy.shift();
            if (slot.busy.length > 0) this.startTimer(slot);
            if (message.kind === "done") running.resolve(message);
            else running.reject(new Error(message.message));
            this.dispatch();
            this.onRoom?.();
        });
        worker.on("error", (error) => this.fail(slot, `worker failed: ${error.message}`));
        worker.on("exit", (code) => {
            if (!this.closed) this.fail(slot, `worker exited with code ${code}`);
        });
        this.slots.push(slot);
        return slot;
    }

    /** Stops a worker: the stack it ran fails; one waiting in it goes back to the front of the queue. */
    private fail(slot: Slot, message: string): void {
        const index = this.slots.indexOf(slot);
        if (index < 0) return;
        this.slots.splice(index, 1);
        clearTimeout(slot.timer);
        const [running, ...waiting] = slot.busy.splice(0);
        running?.reject(new Error(message));
        this.queue.unshift(...waiting);
        void slot.worker.terminate();
        if (!this.closed) this.dispatch();
        else for (const request of this.queue.splice(0)) request.reject(new Error("synth: the worker pool is closed."));
    }
}

/**
 * Runs stacks one at a time in this thread (no worker start-up cost; for a handful of stacks,
 * tests and `--parallel 1`). Each stack still gets a fresh runtime store. With an
 * {@link AsideInspector}, each evaluated stack is inspected and cached on that thread while this
 * one evaluates the next: it then takes two stacks at once (one evaluating, one aside).
 */
export class InThreadEvaluator implements StackEvaluator {
    readonly size = 1;
    private tail: Promise<unknown> = Promise.resolve();
    private running = 0;
    /** Stacks handed to this thread whose evaluation has not started. */
    private waiting = 0;
    /** Stacks not yet done (evaluating, waiting, or being inspected aside). */
    private readonly inFlight = new Set<Promise<unknown>>();

    constructor(
        /** Where evaluated stacks are inspected and cached, when not in this thread. */
        readonly aside?: AsideInspector,
    ) {}

    /** With an aside thread, stacks evaluated while earlier ones are still inspected there. */
    get accepts(): number {
        return this.aside ? 1 + ASIDE_DEPTH : 1;
    }

    /** Whether a stack is running or queued here. */
    get busy(): boolean {
        return this.running > 0;
    }

    run(request: Omit<WorkerRequest, "id">, onEvaluated?: (resources: number) => void): Promise<StackDone> {
        this.running++;
        this.waiting++;
        const evaluated = this.tail.then(async () => {
            this.waiting--;
            // The evaluator (and with it the Pulumi SDK) loads with the first stack this thread
            // evaluates: a run served by the synth cache never loads it.
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
            const { evaluateUnit } = require("./evaluate") as { evaluateUnit: typeof EvaluateUnit };
            const started = Date.now();
            const evaluation = await withPlainStackTraces(() => evaluateUnit(request.evaluation));
            const evaluateMs = Date.now() - started;
            onEvaluated?.(evaluation.resources.length);
            return { evaluation, evaluateMs };
        });
        // The next stack evaluates as soon as this one has; its inspection may still be running aside.
        this.tail = evaluated.catch(() => undefined);
        const result = evaluated.then(({ evaluation, evaluateMs }) => this.inspectAndKeep(request, evaluation, evaluateMs));
        const settled = result
            .catch(() => undefined)
            .finally(() => {
                this.running--;
                this.inFlight.delete(settled);
            });
        this.inFlight.add(settled);
        return result;
    }

    /**
     * Inspects and keeps an evaluated stack: aside while this thread has a next stack to evaluate;
     * else here (waiting for the aside thread would leave this one idle: the first stacks, which
     * every other waits for, come while that thread is still loading), the keeping still aside.
     */
    private async inspectAndKeep(request: Omit<WorkerRequest, "id">, evaluation: StackEvaluation, evaluateMs: number): Promise<StackDone> {
        const inspection = request.inspection && evaluation.error === undefined ? request.inspection : undefined;
        const job: AsideJob = {
            evaluation,
            ...(inspection ? { inspection } : {}),
            ...(request.keep ? { keep: request.keep } : {}),
            ...(request.keepAside ? { keepAside: { ...request.keepAside, job: request.evaluation } } : {}),
        };
        const done = (result: StackInspection | undefined, inspectMs: number): StackDone => ({
            id: 0,
            kind: "done",
            evaluation,
            ...(result ? { inspection: result } : {}),
            evaluateMs,
            inspectMs,
        });
        if (this.aside && this.waiting > 0) {
            const aside = await this.aside.run(job);
            return done(aside.inspection, aside.inspectMs);
        }
        const started = Date.now();
        const result = inspection ? await inspectStack(inspection, evaluation.resources) : undefined;
        const inspectMs = Date.now() - started;
        if (this.aside) this.aside.keep(job, result);
        else keepResult(request.keep, evaluation, result);
        return done(result, inspectMs);
    }

    async close(): Promise<void> {
        await Promise.all([this.tail, ...this.inFlight]);
        await this.aside?.close();
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
 * them share the stacks. A stack waits here until this thread is free or a loaded worker has
 * room for it (one running, one waiting in the worker), and goes to whichever comes first: a
 * stack is never promised to a worker still loading while this thread could run it (the first
 * stacks are often the ones every other waits for), and a worker never waits for this thread,
 * busy with a stack of its own, to read an answer before it gets its next one.
 */
export class MixedEvaluator implements StackEvaluator {
    readonly size: number;
    private readonly local = new InThreadEvaluator();
    private localBusy = false;
    private readonly waiting: {
        request: Omit<WorkerRequest, "id">;
        onEvaluated?: (resources: number) => void;
        resolve(done: StackDone): void;
        reject(error: Error): void;
    }[] = [];

    constructor(private readonly pool: WorkerPool) {
        this.size = pool.size + 1;
        pool.onRoom = () => this.handOut();
    }

    /** This thread's stack and what the workers hold. */
    get accepts(): number {
        return this.pool.accepts + 1;
    }

    run(request: Omit<WorkerRequest, "id">, onEvaluated?: (resources: number) => void): Promise<StackDone> {
        return new Promise<StackDone>((resolve, reject) => {
            this.waiting.push({ request, resolve, reject, ...(onEvaluated ? { onEvaluated } : {}) });
            // More stacks than this thread can take: the workers start loading now.
            if (this.localBusy) this.pool.warm();
            this.handOut();
        });
    }

    private handOut(): void {
        while (this.waiting.length > 0) {
            const toLocal = !this.localBusy;
            if (!toLocal && !this.pool.hasRoom()) return;
            const next = this.waiting.shift()!;
            if (!toLocal) {
                this.pool.run(next.request, next.onEvaluated).then(next.resolve, next.reject);
                continue;
            }
            this.localBusy = true;
            this.local.run(next.request, next.onEvaluated).then(
                (done) => this.localDone(() => next.resolve(done)),
                (error: Error) => this.localDone(() => next.reject(error)),
            );
        }
    }

    /** This thread is free again: its next stack is handed out before the caller hears of this one. */
    private localDone(settle: () => void): void {
        this.localBusy = false;
        this.handOut();
        settle();
    }

    async close(): Promise<void> {
        await Promise.all([this.local.close(), this.pool.close()]);
    }
}
