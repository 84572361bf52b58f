import * as fs from "fs";
import type { EngineEvent, Stack } from "@pulumi/pulumi/automation";
import type { Redactor } from "../redact";
import type { InventoryResource } from "../run/report/model";
import type { DriftedResource, ResourceStep } from "../run/report/operations";
import { EventDigest } from "./events";
import type { ResidentAnalyzer } from "./policy-host/resident-analyzer";
import type { ProgramHosts } from "./program-host/pool";
import { backoffDelay, isTransientError, RetryPolicy, sleep } from "./retry";
import type { Operation, PolicyViolation, ResourceChanges, StackProgress, StackStatus } from "./types";

/** The policy pack of a run: its folder, the config file written for this environment, and the run's one analyzer. */
export interface PolicyRun {
    readonly packDir: string;
    readonly configFile: string;
    /** The analyzer every stack of the run is judged by (without it the engine starts one per stack). */
    readonly analyzer?: ResidentAnalyzer;
}

export interface OperationRequest {
    readonly unit: string;
    readonly stack: Stack;
    readonly operation: Operation;
    readonly policy?: PolicyRun;
    /** Limit the operation to these resources (`--target`): passed through to the engine. */
    readonly targets?: readonly string[];
    /**
     * Where the program of a preview or up runs: a worker thread of its own, so that
     * stacks running at once cannot fail each other. Without it the program runs in
     * this thread (the SDK's in-process server).
     */
    readonly programHosts?: ProgramHosts;
    /** The stack's engine log (appended to; secrets scrubbed). */
    readonly logFile: string;
    readonly redactor: Redactor;
    readonly retry: RetryPolicy;
    readonly signal: AbortSignal;
    readonly onProgress: (progress: StackProgress) => void;
    /** Called before each retry (attempt number, the reason). */
    readonly onRetry?: (attempt: number, reason: string, delayMs: number) => void;
    /** Called before a retry that follows a lock conflict (to clear a stale file-backend lock). */
    readonly beforeRetry?: (error: unknown) => Promise<void>;
    /**
     * Clears operations an interrupted CLI left pending (`refresh --clear-pending-creates`).
     * Called at most once, when the engine refuses to go on because of them.
     */
    readonly repairPending?: (write: (text: string) => void) => Promise<void>;
}

/** The engine's complaint about operations a killed CLI left pending in the state. */
const PENDING_OPERATIONS = /pending operations|clear-pending-creates/i;

export interface OperationOutcome {
    readonly status: StackStatus;
    readonly attempts: number;
    readonly changes: ResourceChanges;
    readonly violations: PolicyViolation[];
    readonly drifted?: boolean;
    readonly reason?: string;
    /** What the operation did to each resource, from the engine's events. */
    readonly steps: ResourceStep[];
    /** `drift`: the resources whose real state differs from the recorded one. */
    readonly drift: DriftedResource[];
    /** The stack's outputs as the engine reported them (secrets `[secret]`). */
    readonly outputs: Record<string, unknown>;
    readonly secretOutputs: string[];
    readonly resources: InventoryResource[];
}

/** Counts what an operation did from its engine events, and collects policy violations and errors. */
class EventTally {
    resourcesDone = 0;
    resourcesInFlight = 0;
    changes: Record<string, number> = {};
    readonly violations: PolicyViolation[] = [];
    readonly errors: string[] = [];
    readonly digest: EventDigest;

    constructor(
        private readonly unit: string,
        private readonly stack: string,
        redactor: Redactor,
        operation: Operation,
    ) {
        this.digest = new EventDigest(redactor, operation === "drift");
    }

    /** The outcome's common part: what the events said. */
    outcome(): Pick<OperationOutcome, "changes" | "violations" | "steps" | "drift" | "outputs" | "secretOutputs" | "resources"> {
        return {
            changes: this.changes,
            violations: this.violations,
            steps: this.digest.resourceSteps(),
            drift: this.digest.drifted(),
            outputs: this.digest.outputs,
            secretOutputs: this.digest.secretOutputs,
            resources: this.digest.resources(),
        };
    }

    take(event: EngineEvent): void {
        this.digest.take(event);
        if (event.resourcePreEvent && !event.resourcePreEvent.planning) {
            this.resourcesInFlight++;
        } else if (event.resOutputsEvent || event.resOpFailedEvent) {
            this.resourcesInFlight = Math.max(0, this.resourcesInFlight - 1);
            this.resourcesDone++;
        } else if (event.policyEvent) {
            const p = event.policyEvent;
            this.violations.push({
                unit: this.unit,
                stack: this.stack,
                policyPack: p.policyPackName,
                policy: p.policyName,
                enforcementLevel: normaliseLevel(p.enforcementLevel),
                resourceUrn: p.resourceUrn,
                message: p.message.trim(),
            });
        } else if (event.diagnosticEvent?.severity === "error") {
            this.errors.push(event.diagnosticEvent.message.trim());
        } else if (event.summaryEvent) {
            this.changes = { ...(event.summaryEvent.resourceChanges as Record<string, number>) };
        }
    }
}

/**
 * Runs one operation on one stack: engine log to a file, live progress from engine
 * events, policy violations collected, transient errors retried with bounded backoff,
 * cancellation through the abort signal (the CLI gets one SIGINT and stops gracefully).
 */
export async function runStackOperation(request: OperationRequest): Promise<OperationOutcome> {
    const log = fs.createWriteStream(request.logFile, { flags: "a" });
    const write = (text: string): void => {
        log.write(request.redactor.scrub(text));
    };
    const started = Date.now();
    let attempt = 0;
    let repaired = false;
    try {
        for (;;) {
            attempt++;
            const tally = new EventTally(request.unit, request.stack.name, request.redactor, request.operation);
            const report = (status: StackProgress["status"]): void =>
                request.onProgress({
                    unit: request.unit,
                    status,
                    elapsedMs: Date.now() - started,
                    resourcesDone: tally.resourcesDone,
                    resourcesInFlight: tally.resourcesInFlight,
                    attempt,
                });
            write(`\n=== edf ${request.operation} ${request.stack.name} (attempt ${attempt}) ${new Date().toISOString()}\n`);
            report("running");
            const ticker = setInterval(() => report("running"), 1000);
            try {
                const drifted = await execute(request, tally, write, report);
                const mandatory = tally.violations.some((v) => v.enforcementLevel === "mandatory");
                return {
                    status: mandatory ? "policy-violation" : "succeeded",
                    attempts: attempt,
                    ...tally.outcome(),
                    drifted,
                };
            } catch (error) {
                const message = request.redactor.scrub(String((error as Error).message ?? error));
                write(`\n=== edf: ${request.operation} failed: ${message}\n`);
                if (request.signal.aborted) {
                    return {
                        status: "cancelled",
                        attempts: attempt,
                        ...tally.outcome(),
                        reason: "interrupted: the operation was cancelled",
                    };
                }
                if (tally.violations.some((v) => v.enforcementLevel === "mandatory")) {
                    const names = [...new Set(tally.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policy))];
                    return {
                        status: "policy-violation",
                        attempts: attempt,
                        ...tally.outcome(),
                        reason: `mandatory policy violation: ${names.join(", ")}`,
                    };
                }
                if (!repaired && request.repairPending && PENDING_OPERATIONS.test(message)) {
                    repaired = true;
                    write("=== edf: the state holds operations an interrupted run left pending; clearing them with a refresh\n");
                    await request.repairPending(write);
                    continue;
                }
                if (isTransientError(error) && attempt < request.retry.attempts) {
                    const delay = backoffDelay(request.retry, attempt);
                    request.onRetry?.(attempt + 1, firstLine(message), delay);
                    write(`=== edf: transient error, retrying in ${delay} ms\n`);
                    await request.beforeRetry?.(error);
                    try {
                        await sleep(delay, request.signal);
                    } catch {
                        return {
                            status: "cancelled",
                            attempts: attempt,
                            ...tally.outcome(),
                            reason: "interrupted while waiting to retry",
                        };
                    }
                    continue;
                }
                const reason = tally.errors.length > 0 ? request.redactor.scrub(tally.errors.join("; ")) : lastLines(message);
                return {
                    status: "failed",
                    attempts: attempt,
                    ...tally.outcome(),
                    reason: isTransientError(error) ? `still failing after ${attempt} attempts: ${reason}` : reason,
                };
            } finally {
                clearInterval(ticker);
            }
        }
    } finally {
        await new Promise<void>((resolve) => log.end(resolve));
    }
}

async function execute(
    request: OperationRequest,
    tally: EventTally,
    write: (text: string) => void,
    report: (status: StackProgress["status"]) => void,
): Promise<boolean | undefined> {
    const onEvent = (event: EngineEvent): void => {
        tally.take(event);
        if (event.resOutputsEvent || event.resourcePreEvent) {
            report("running");
        }
    };
    const targets = request.targets?.length ? { target: [...request.targets] } : {};
    const common = { onOutput: write, onError: write, onEvent, signal: request.signal, color: "never" as const, ...targets };
    const policy = request.policy ? { policyPacks: [request.policy.packDir], policyPackConfigs: [request.policy.configFile] } : {};
    const stack = withoutResultQueries(request.stack);
    // Only preview and up run the program; the other operations never call its host.
    // and only they are judged: by the run's resident analyzer when there is one.
    const judged = (work: () => Promise<unknown>): Promise<unknown> =>
        request.policy?.analyzer ? request.policy.analyzer.use(work) : work();
    const hosted = (work: () => Promise<unknown>): Promise<unknown> =>
        request.programHosts ? request.programHosts.withHost(write, () => judged(work)) : judged(work);
    switch (request.operation) {
        case "preview":
            await hosted(() => stack.preview({ ...common, ...policy }));
            return undefined;
        case "up":
            await hosted(() => stack.up({ ...common, ...policy }));
            return undefined;
        case "destroy":
            await stack.destroy({ ...common });
            return undefined;
        case "refresh":
            await stack.refresh({ ...common, clearPendingCreates: true });
            return undefined;
        case "drift": {
            const result = await stack.previewRefresh({ ...common });
            const changes = result.changeSummary as Record<string, number>;
            tally.changes = { ...changes };
            return Object.entries(changes).some(([kind, count]) => kind !== "same" && count > 0);
        }
    }
}

/**
 * The stack, minus the queries the automation API makes after `up`, `destroy` and
 * `refresh` to fill in their result objects: `stack output --json`, `stack output
 * --json --show-secrets` and `stack history --page-size 1` — three more CLI processes
 * (≈ 1 CPU-s) per stack. The driver reads none of those results: changes, violations
 * and errors come from the engine events, and stack outputs are read when a consumer
 * needs them (`EnvironmentStacks.outputs`). So here they return nothing instead.
 */
function withoutResultQueries(stack: Stack): Stack {
    const lean = Object.create(stack) as Stack;
    lean.outputs = async () => ({});
    lean.info = async () => undefined;
    return lean;
}

/** The CLI's own `error:` line of a command error (its message is `code: … stdout: … stderr: …`). */
function firstLine(text: string): string {
    const lines = text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    const error = lines.find((l) => /^error:/i.test(l));
    return (error ?? lines.find((l) => !/^(code|stdout|stderr):?\s*\d*$/i.test(l)) ?? lines[0] ?? text).slice(0, 200);
}

function lastLines(text: string): string {
    const lines = text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    const errors = lines.filter((l) => /^error:/i.test(l));
    return (errors.length ? errors : lines.slice(-3)).join(" | ").slice(0, 600);
}

/** The engine reports advisory violations as `warning`. */
function normaliseLevel(level: string): PolicyViolation["enforcementLevel"] {
    if (level === "warning" || level === "advisory") {
        return "advisory";
    }
    return level === "mandatory" || level === "remediate" || level === "disabled" ? level : "advisory";
}
