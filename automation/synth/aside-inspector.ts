import * as path from "path";
import { Worker } from "worker_threads";
import { cacheEntriesFor, workingTreeKeys, WorkingTreeKeysOptions } from "./cache/entries";
import { keepResult } from "./cache/keep";
import type { SynthCacheKeys } from "./cache/keys";
import type { EvaluationJob, StackEvaluation } from "./evaluate";
import { inspectStack, StackInspection } from "./inspection";
import type { InspectionJob } from "./inspection";
import type { AsideKeep, AsideKeys, AsideRequest, AsideResponse, CacheEntries, KeepAside } from "./worker/protocol";

const ENTRY = path.join(__dirname, "worker", "aside-entry.js");

/** What is done aside for one evaluated stack. */
export interface AsideJob {
    readonly evaluation: StackEvaluation;
    readonly inspection?: InspectionJob;
    readonly keep?: CacheEntries;
    /** Kept under entries named from the thread's own fingerprints (see {@link AsideInspector.takeKeys}). */
    readonly keepAside?: KeepAside & { readonly job: EvaluationJob };
}

/** Its result: what an in-thread inspection gives, and how long it took. */
export interface AsideResult {
    readonly inspection?: StackInspection;
    readonly inspectMs: number;
}

interface Pending {
    readonly job: AsideJob;
    resolve(result: AsideResult): void;
    reject(error: Error): void;
}

/**
 * Inspects and caches, on a thread of its own, what this thread evaluated — the second core's
 * share of a synth that evaluates on one thread (a busy machine's default, `--parallel 1`).
 * Unlike an evaluation worker it loads no SDK and no program, only the policy list: a few hundred
 * milliseconds of start-up that overlap the first stacks, where a worker costs a CPU-second. On
 * the 100-service estate it takes inspection, the cache's hashing and writing, and the garbage they
 * make off the thread every stack waits for.
 *
 * In a cold run it also fingerprints the units for the cache's keys (`takeKeys`), when it has no
 * stack to inspect: the evaluating thread starts the first stack that much sooner.
 *
 * The verdict is the one an in-thread inspection gives: the same `inspectStack` on the same
 * registrations (as parsed from their JSON, like a cached evaluation's). If the thread fails, what
 * it held and everything after is done in this thread instead, and `onProblem` says so once.
 */
export class AsideInspector {
    private worker: Worker | undefined;
    private readonly pending = new Map<number, Pending>();
    private nextId = 1;
    /** The policy list of the last answer that carried one. */
    private policies: StackInspection["policies"] | undefined;
    /** Called when the thread has done everything asked before `drain` (or is gone). */
    private drained: (() => void) | undefined;

    constructor(
        /** Modules the thread loads as soon as it starts (the pack's policy list). */
        preload: readonly string[],
        private readonly onProblem: (message: string) => void = () => undefined,
    ) {
        const worker = new Worker(ENTRY, { workerData: { preload: [...preload] }, stdout: true, stderr: false });
        // A policy's console output goes to stderr: stdout carries the command's result (`--json`).
        worker.stdout.pipe(process.stderr, { end: false });
        worker.on("message", (message: AsideResponse) => this.answer(message));
        worker.on("error", (error) => this.fail(`failed: ${error.message}`));
        worker.on("exit", (code) => this.fail(`exited with code ${code}`));
        this.worker = worker;
    }

    /** How the cache's keys are taken, for jobs with `keepAside`: by the thread, else here. */
    private keys: { readonly options: WorkingTreeKeysOptions; taken?: SynthCacheKeys | null } | undefined;

    /** Has the thread take the synth cache's keys (fingerprint the working tree), when it has nothing to inspect. */
    takeKeys(options: WorkingTreeKeysOptions): void {
        this.keys = { options };
        this.worker?.postMessage({ kind: "keys", options } satisfies AsideKeys);
    }

    /** Inspects `job.evaluation` (when there is an inspection job) and keeps the result in the synth cache. */
    run(job: AsideJob): Promise<AsideResult> {
        if (!this.worker) return this.inThread(job);
        const { evaluation, ...rest } = job;
        let evaluationJson: string;
        try {
            evaluationJson = JSON.stringify(evaluation);
        } catch {
            // Not JSON (a failed program's error may hold anything): nothing to keep, inspected here.
            return this.inThread(job);
        }
        const id = this.nextId++;
        return new Promise<AsideResult>((resolve, reject) => {
            this.pending.set(id, { job, resolve, reject });
            this.worker!.postMessage({ id, evaluationJson, ...rest } satisfies AsideRequest);
        });
    }

    /** Keeps a stack inspected in this thread (`inspection`: its result) in the synth cache, on the thread. */
    keep(job: AsideJob, inspection: StackInspection | undefined): void {
        const { evaluation, ...rest } = job;
        let evaluationJson: string | undefined;
        try {
            evaluationJson = this.worker ? JSON.stringify(evaluation) : undefined;
        } catch {
            // Not JSON: kept here, where the store says what it cannot keep.
        }
        if (this.worker && evaluationJson !== undefined) {
            this.worker.postMessage({
                kind: "keep",
                evaluationJson,
                ...rest,
                ...(inspection ? { inspected: inspection } : {}),
            } satisfies AsideKeep);
            return;
        }
        this.keepHere(job, inspection);
    }

    /** Waits until the thread has written every cache entry it was given, then stops it. */
    async close(): Promise<void> {
        const worker = this.worker;
        if (!worker) return;
        await new Promise<void>((resolve) => {
            this.drained = resolve;
            worker.postMessage({ kind: "drain" });
        });
        this.worker = undefined;
        await worker.terminate();
    }

    private answer(message: AsideResponse): void {
        if (message.kind === "drained") {
            this.drained?.();
            return;
        }
        if (message.kind === "problem") {
            this.onProblem(message.message);
            return;
        }
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        if (message.kind === "crashed") {
            pending.reject(new Error(message.message));
            return;
        }
        if (!message.inspection) {
            pending.resolve({ inspectMs: message.inspectMs });
            return;
        }
        if (!message.policiesAsBefore) this.policies = message.inspection.policies;
        const policies = this.policies;
        if (!policies) {
            pending.reject(new Error("synth: the aside thread referred to a policy list it never sent (internal error)."));
            return;
        }
        pending.resolve({ inspection: { ...message.inspection, policies }, inspectMs: message.inspectMs });
    }

    /** The thread is gone: what it held is done here, and so is everything after. */
    private fail(why: string): void {
        if (!this.worker) return;
        this.worker = undefined;
        this.onProblem(`synth's inspection thread ${why}; inspecting in the main thread instead`);
        this.drained?.();
        const held = [...this.pending.values()];
        this.pending.clear();
        for (const { job, resolve, reject } of held) this.inThread(job).then(resolve, reject);
    }

    /** The same work in this thread. */
    private async inThread(job: AsideJob): Promise<AsideResult> {
        const started = Date.now();
        const inspection = job.inspection ? await inspectStack(job.inspection, job.evaluation.resources) : undefined;
        const inspectMs = Date.now() - started;
        this.keepHere(job, inspection);
        return { ...(inspection ? { inspection } : {}), inspectMs };
    }

    private keepHere(job: AsideJob, inspection: StackInspection | undefined): void {
        try {
            keepResult(job.keep ?? this.entriesHere(job), job.evaluation, inspection);
        } catch {
            // A result not kept costs the next run an evaluation, nothing more.
        }
    }

    /** The entries of a `keepAside` job, named in this thread (the keys taken here once, if the thread could not). */
    private entriesHere(job: AsideJob): CacheEntries | undefined {
        if (!job.keepAside || !this.keys || job.evaluation.error !== undefined) return undefined;
        if (this.keys.taken === undefined) {
            try {
                this.keys.taken = workingTreeKeys(this.keys.options);
            } catch (error) {
                this.keys.taken = null;
                this.onProblem(
                    `synth cache: the units could not be fingerprinted (${(error as Error).message}): nothing of this run is kept`,
                );
            }
        }
        return this.keys.taken ? cacheEntriesFor(this.keys.taken, job.keepAside.dir, job.keepAside.job, job.inspection) : undefined;
    }
}
