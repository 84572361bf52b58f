import { EXIT_CODES } from "../errors";

/** The final state of one stack, whatever ran it (synth, an engine operation, inspection). */
export type StackStatus =
    /** Did what was asked; for synth: evaluated and inspected with nothing mandatory. */
    | "succeeded"
    /** A mandatory policy violation stopped or failed the stack. */
    | "policy-violation"
    /** The program, the engine or an input failed. */
    | "failed"
    /** Not run because a stack it waits on did not succeed. */
    | "skipped"
    /** Interrupted while running, or never started because the run was interrupted. */
    | "cancelled"
    /** `destroy`, `refresh`, `drift`: the stack does not exist, so there was nothing to do. */
    | "not-deployed"
    /**
     * `preview`: previewed before an upstream stack was ever deployed, its outputs as Pulumi
     * unknowns (the report lists which). A success: the preview a new environment's first pull
     * request gets; `up` never runs on unknowns.
     */
    | "preview-with-unknowns";

/** How a whole run ended. */
export type RunOutcome = "succeeded" | "failed" | "policy-violation" | "drifted" | "interrupted";

/** What the outcome rule reads of each stack. */
export interface StackVerdict {
    readonly status: StackStatus;
    /** `drift` only: refresh would change the state. */
    readonly drifted?: boolean;
}

/**
 * The one outcome and exit-code rule of every command (docs/driver.md, "Exit codes"), in order:
 * an interrupted run is `interrupted` (130) whichever executor ran; then any failed stack (1);
 * then any mandatory policy violation (2); then drift (4); else success (0). A skipped stack
 * always has a failed or violating stack upstream, which already decides the outcome.
 */
export function runOutcome(stacks: readonly StackVerdict[], interrupted: boolean): { outcome: RunOutcome; exitCode: number } {
    if (interrupted || stacks.some((s) => s.status === "cancelled")) return { outcome: "interrupted", exitCode: EXIT_CODES.interrupted };
    if (stacks.some((s) => s.status === "failed")) return { outcome: "failed", exitCode: EXIT_CODES.failure };
    if (stacks.some((s) => s.status === "policy-violation")) return { outcome: "policy-violation", exitCode: EXIT_CODES.policyViolation };
    if (stacks.some((s) => s.drifted)) return { outcome: "drifted", exitCode: EXIT_CODES.drift };
    return { outcome: "succeeded", exitCode: EXIT_CODES.ok };
}

/** Counts of stacks per status. */
export function countStatuses(stacks: readonly StackVerdict[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const stack of stacks) counts[stack.status] = (counts[stack.status] ?? 0) + 1;
    return counts;
}

/** A stack that reached its final state, as the reporter shows it. */
export interface FinishedStack {
    readonly unit: string;
    readonly stack: string;
    readonly status: StackStatus;
    readonly durationMs: number;
    /** Why it failed, was skipped or cancelled; or a short note on what it did (secrets scrubbed). */
    readonly reason?: string;
}

/** Live progress of a running stack. */
export interface StackProgress {
    readonly unit: string;
    readonly status: "running" | StackStatus;
    readonly elapsedMs: number;
    /** Resource steps finished. */
    readonly resourcesDone: number;
    /** Resource steps started and not finished yet. */
    readonly resourcesInFlight: number;
    readonly attempt: number;
    /** What the stack is doing, for people, when counts of resources do not say it (`inspect`: image, layers, bytes). */
    readonly detail?: string;
}
