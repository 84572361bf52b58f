import type { StackProgress, StackStatus } from "../run/outcome";

export type { StackProgress, StackStatus };

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

/** What happened to one stack: its record in the engine report. */
export type { EngineStackReport as StackResult } from "./report";
