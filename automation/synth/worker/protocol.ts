import type { EvaluationJob, StackEvaluation } from "../evaluate";
import type { WorkingTreeKeysOptions } from "../cache/entries";
import type { InspectionJob, StackInspection } from "../inspection";

/** A request to a worker: evaluate one stack, then inspect what it registered. */
export interface WorkerRequest {
    readonly id: number;
    readonly evaluation: EvaluationJob;
    /** Absent when the environment's policy enforcement is off. */
    readonly inspection?: InspectionJob;
    /**
     * Where to keep the result in the synth cache, when it may be kept: the thread that has the
     * result serializes and writes it (workers share that work instead of the main thread). A
     * failed program is never kept.
     */
    readonly keep?: CacheEntries;
    /** Kept by synth's aside thread under entries it names itself (see `SynthCache.keys`); only with one. */
    readonly keepAside?: KeepAside;
}

/** Where synth's aside thread keeps a result, naming the entries from its own fingerprints of the working tree. */
export interface KeepAside {
    /** The cache folder (`<edfHome>/cache/synth`). */
    readonly dir: string;
}

/** The synth cache entries one request's result is kept under. */
export interface CacheEntries {
    /** The cache folder (`<edfHome>/cache/synth`). */
    readonly dir: string;
    readonly evaluation: string;
    /** The unit was evaluated with these sources and settings (see SynthCacheKeys.seen). */
    readonly seen: string;
    readonly inspection?: string;
}

/** A worker's answer to one request. */
export type WorkerResponse =
    | { readonly id: number; readonly kind: "evaluated"; readonly resources: number; readonly elapsedMs: number }
    | {
          readonly id: number;
          readonly kind: "done";
          readonly evaluation: StackEvaluation;
          readonly inspection?: StackInspection;
          readonly evaluateMs: number;
          readonly inspectMs: number;
      }
    | { readonly id: number; readonly kind: "crashed"; readonly message: string }
    /** Sent once, when the worker has loaded what it preloads: a stack handed to it now starts at once. */
    | { readonly kind: "ready" };

/**
 * A request to the aside thread: inspect a stack this thread evaluated, and keep both in the
 * synth cache (see aside-inspector.ts).
 */
export interface AsideRequest {
    readonly id: number;
    /**
     * The evaluation as JSON: serialized in a fifth of the time a structured clone takes (measured on
     * the 100-service estate), and the very bytes its cache entry holds. Inspected as parsed — as
     * a cached evaluation is, and as the engine's analyzer sees properties (no `undefined` values).
     */
    readonly evaluationJson: string;
    readonly inspection?: InspectionJob;
    readonly keep?: CacheEntries;
    /** Entries to name (the thread has been told how to fingerprint: {@link AsideKeys}) from the stack's evaluation job. */
    readonly keepAside?: KeepAside & { readonly job: EvaluationJob };
}

/** Asks the aside thread to keep a stack the main thread inspected itself (`inspected`: its inspection). */
export interface AsideKeep extends Omit<AsideRequest, "id"> {
    readonly kind: "keep";
    readonly inspected?: StackInspection;
}

/** Tells the aside thread how to take the cache's keys, once, before any request with `keepAside`. */
export interface AsideKeys {
    readonly kind: "keys";
    readonly options: WorkingTreeKeysOptions;
}

/**
 * The aside thread's answer. The policy list — equal for every stack of a run, 150 KB for the
 * pipeline pack — crosses once: an inspection whose list equals the one sent last comes with
 * `policies: undefined` (the key kept in its place) and `policiesAsBefore`.
 */
export type AsideResponse =
    | {
          readonly id: number;
          readonly kind: "done";
          readonly inspection?: Omit<StackInspection, "policies"> & { readonly policies: StackInspection["policies"] | undefined };
          readonly policiesAsBefore?: true;
          readonly inspectMs: number;
      }
    | { readonly id: number; readonly kind: "crashed"; readonly message: string }
    /** Everything asked before the `drain` request is done, cache entries written. */
    | { readonly kind: "drained" }
    /** Something the user should hear that fails no stack (the cache's keys could not be taken). */
    | { readonly kind: "problem"; readonly message: string };
