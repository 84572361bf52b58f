import type { Provenance } from "../inputs/types";
import type { StackProgress, StackStatus } from "../run/outcome";

export type { StackProgress, StackStatus };

/** Stacks at once for the engine operations, unless `--parallel` says otherwise. */
export const DEFAULT_PARALLEL = 4;

/** What the driver does to each selected stack. */
export type Operation = "preview" | "up" | "destroy" | "refresh" | "drift";

/** One policy violation reported by the engine (`policyEvent`). */
export interface PolicyViolation {
    readonly unit: string;
    readonly stack: string;
    readonly policyPack: string;
    readonly policy: string;
    readonly enforcementLevel: "advisory" | "mandatory" | "remediate" | "disabled";
    readonly resourceUrn?: string;
    readonly message: string;
}

/** Resource counts of an operation, by operation kind (`create`, `same`, …). */
export type ResourceChanges = Readonly<Record<string, number>>;

/** What happened to one stack. */
export interface StackResult {
    readonly unit: string;
    readonly stack: string;
    readonly status: StackStatus;
    /** Attempts made (retries of transient errors included). */
    readonly attempts: number;
    readonly startedAt?: string;
    readonly durationMs: number;
    readonly changes: ResourceChanges;
    readonly violations: readonly PolicyViolation[];
    /** `drift` only: whether refresh would change the state. */
    readonly drifted?: boolean;
    /** A short reason for failure, cancellation or skipping (secrets scrubbed). */
    readonly reason?: string;
    /** The injected inputs' provenance (never values). */
    readonly inputs: readonly (Provenance & { readonly name: string })[];
    /** The full engine log of this stack, relative to the run folder. */
    readonly log?: string;
}
