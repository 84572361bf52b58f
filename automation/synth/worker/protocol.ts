import type { EvaluationJob, StackEvaluation } from "../evaluate";
import type { InspectionJob, StackInspection } from "../inspection";

/** A request to a worker: evaluate one stack, then inspect what it registered. */
export interface WorkerRequest {
    readonly id: number;
    readonly evaluation: EvaluationJob;
    /** Absent when the environment's policy enforcement is off. */
    readonly inspection?: InspectionJob;
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
    | { readonly id: number; readonly kind: "crashed"; readonly message: string };
