import * as path from "path";
import type { PulumiCommand } from "@pulumi/pulumi/automation";
import { Backend, resolveBackend } from "../backend/backend";
import { EdfError, Problem } from "../errors";
import { ConsulClient } from "../inputs/consul";
import { InputSources, resolveUnitInputs } from "../inputs/resolve";
import type { Provenance, ResolvedInput } from "../inputs/types";
import { VaultClient } from "../inputs/vault";
import type { Plan } from "../plan";
import type { EnvironmentPolicy } from "../policy/environment-policy";
import type { Reporter } from "../reporter";
import type { RunInputs, StackContext, StackExecution, StackExecutor } from "../run/environment-run";
import type { StackStatus } from "../run/outcome";
import type { Redactor } from "../redact";
import { clearStaleLocks } from "./locks";
import { ProgramHosts } from "./program-host/pool";
import { CliProcesses, isolatedPulumiCommand } from "./pulumi-command";
import { DEFAULT_RETRY_POLICY, RetryPolicy } from "./retry";
import { stackConfig } from "../run/stack-config";
import { PolicyRun, runStackOperation } from "./stack-operation";
import { DEFAULT_PARALLEL, Operation, PolicyViolation, ResourceChanges } from "./types";
import { EnvironmentStacks } from "./workspace";

/** Stacks at once unless `--parallel` says otherwise. */
export { DEFAULT_PARALLEL };

/** Operations that change nothing when a stack is missing, and never create one. */
const NEEDS_EXISTING_STACK: ReadonlySet<Operation> = new Set(["destroy", "refresh", "drift"]);
/** Operations that run the program: they need its inputs, its config and the policy pack. */
export const RUNS_PROGRAM: ReadonlySet<Operation> = new Set(["preview", "up"]);
/** Operations after which a failed stack holds back the stacks waiting on it. */
const HOLDS_BACK_ON_FAILURE: ReadonlySet<Operation> = new Set(["preview", "up", "destroy"]);

/** What the engine did to one stack. */
export interface EngineStackDetail {
    readonly changes: ResourceChanges;
    readonly violations: readonly PolicyViolation[];
    /** The injected inputs' provenance (never values). */
    readonly inputs: readonly (Provenance & { readonly name: string })[];
    /** The stack's engine log, relative to the run folder. */
    readonly log?: string;
}

export interface EngineExecutorOptions {
    readonly operation: Operation;
    readonly projectRoot: string;
    readonly edfHome: string;
    readonly parallel: number;
    readonly reporter: Reporter;
    readonly environment: NodeJS.ProcessEnv;
    readonly retry?: RetryPolicy;
    readonly processes?: CliProcesses;
    readonly pulumiCommand?: PulumiCommand;
}

/**
 * The engine executor: preview, up, destroy, refresh and drift of each stack on the real
 * Pulumi engine, each stack in its own work folder, its program in a program thread of its
 * own, with the environment's policy pack and config (the policy module's `engineConfig`,
 * the very settings synth inspects with).
 */
export class EngineExecutor implements StackExecutor<EngineStackDetail> {
    readonly reverse: boolean;
    readonly inputs: RunInputs;
    private readonly programHosts = new ProgramHosts();
    private policyRun: PolicyRun | undefined;

    private constructor(
        private readonly plan: Plan,
        private readonly options: EngineExecutorOptions,
        private readonly backend: Backend,
        private readonly stacks: EnvironmentStacks,
        private readonly redactor: Redactor,
        sources: InputSources,
    ) {
        this.reverse = options.operation === "destroy";
        this.inputs = RUNS_PROGRAM.has(options.operation) ? new EngineInputs(plan, sources, options.operation) : NO_INPUTS;
    }

    static async create(plan: Plan, options: EngineExecutorOptions, redactor: Redactor): Promise<EngineExecutor> {
        const spec = plan.loaded.spec;
        const backend = resolveBackend(spec.backend, {
            projectRoot: options.projectRoot,
            edfHome: options.edfHome,
            env: options.environment,
            redactor,
        });
        const command = await isolatedPulumiCommand(options.processes ?? new CliProcesses(), options.pulumiCommand);
        const stacks = new EnvironmentStacks(spec.environment, backend, options.edfHome, command);
        const unitPath = (unit: string): string => spec.units[unit]!.path;
        const sources: InputSources = {
            env: options.environment,
            vault: spec.injectors?.vault ? new VaultClient(spec.injectors.vault, redactor, options.environment) : undefined,
            consul: spec.injectors?.consul ? new ConsulClient(spec.injectors.consul, redactor, options.environment) : undefined,
            readStackOutputs: (unit) => stacks.outputs(unit, unitPath(unit)),
            stackNameOf: (unit) => backend.stackName(spec.environment, unit),
        };
        return new EngineExecutor(plan, options, backend, stacks, redactor, sources);
    }

    /** The backend the stacks live on, for people. */
    get backendDescription(): string {
        return this.backend.description;
    }

    get parallel(): number {
        return this.options.parallel;
    }

    holdsBack(status: StackStatus): boolean {
        const ok = status === "succeeded" || status === "not-deployed";
        return !ok && HOLDS_BACK_ON_FAILURE.has(this.options.operation);
    }

    describe(): string {
        const { operation } = this.options;
        return (
            `${operation} ${this.plan.loaded.spec.environment}: ` +
            `${this.plan.selection.length} stack(s), parallel ${this.parallel}, ${this.backend.description}`
        );
    }

    stackName(unit: string): string {
        return this.backend.stackName(this.plan.loaded.spec.environment, unit);
    }

    idle(): EngineStackDetail {
        return { changes: {}, violations: [], inputs: [] };
    }

    async run(unit: string, context: StackContext): Promise<StackExecution<EngineStackDetail>> {
        const { operation, reporter } = this.options;
        const spec = this.plan.loaded.spec;
        const stackName = this.stackName(unit);
        const inputs = context.inputs.map((r) => ({ name: r.name, ...r.provenance }));
        const stack = await this.stacks.open(unit, spec.units[unit]!.path, !NEEDS_EXISTING_STACK.has(operation));
        if (!stack)
            return { status: "not-deployed", attempts: 0, reason: "no such stack: nothing to do", detail: { ...this.idle(), inputs } };
        if (RUNS_PROGRAM.has(operation)) await this.stacks.writeConfig(stack, stackConfig(spec, unit, context.inputs));
        const clearLocks = async (): Promise<void> => {
            const backendDir = this.backend.kind === "file" && this.backend.url ? this.backend.url.slice("file://".length) : undefined;
            for (const file of backendDir ? clearStaleLocks(backendDir, stackName) : []) {
                reporter.warn(`${unit}: removed a stale lock left by a killed pulumi process (${path.basename(file)})`);
            }
        };
        await clearLocks();
        const logFile = context.runFolder?.logFile(stackName) ?? "/dev/null";
        const policy = RUNS_PROGRAM.has(operation) ? this.policyFor(context) : undefined;
        const outcome = await runStackOperation({
            unit,
            stack,
            operation,
            ...(policy ? { policy } : {}),
            programHosts: this.programHosts,
            logFile,
            redactor: this.redactor,
            retry: this.options.retry ?? DEFAULT_RETRY_POLICY,
            signal: context.signal,
            onProgress: (p) => reporter.progress(p),
            onRetry: (attempt, reason, delay) => reporter.warn(`${unit}: transient error (${reason}); attempt ${attempt} in ${delay} ms`),
            beforeRetry: clearLocks,
            repairPending: async (write) => {
                await stack.refresh({ clearPendingCreates: true, color: "never", onOutput: write, onError: write, signal: context.signal });
            },
        });
        return {
            status: outcome.status,
            attempts: outcome.attempts,
            ...(outcome.reason ? { reason: outcome.reason } : {}),
            ...(outcome.drifted !== undefined ? { drifted: outcome.drifted } : {}),
            detail: {
                changes: outcome.changes,
                violations: outcome.violations,
                inputs,
                ...(context.runFolder ? { log: path.basename(logFile) } : {}),
            },
        };
    }

    async close(): Promise<void> {
        await this.programHosts.close();
    }

    /** The pack and its config file for this environment, written once into the run folder. */
    private policyFor(context: StackContext): PolicyRun | undefined {
        const policy: EnvironmentPolicy | undefined = this.plan.policy;
        if (!policy || !context.runFolder) return undefined;
        this.policyRun ??= {
            packDir: policy.pack.dir,
            configFile: context.runFolder.write("policy-config.json", `${JSON.stringify(policy.engineConfig, null, 2)}\n`),
        };
        return this.policyRun;
    }
}

/** Operations that do not run programs need no inputs. */
const NO_INPUTS: RunInputs = {
    prepare: async () => {},
    forUnit: async () => ({ resolved: [], problems: [] }),
};

/**
 * The inputs of preview and up: every input resolved before the first deployment. For `up`,
 * stack inputs whose producer is part of this run are read after that producer finishes.
 */
class EngineInputs implements RunInputs {
    private readonly early = new Map<string, readonly ResolvedInput[]>();
    private readonly deferred = new Map<string, readonly string[]>();

    constructor(
        private readonly plan: Plan,
        private readonly sources: InputSources,
        private readonly operation: Operation,
    ) {}

    async prepare(): Promise<void> {
        const { loaded, selection } = this.plan;
        const deferUnits = new Set(this.operation === "up" ? selection : []);
        const resolutions = await Promise.all(selection.map((unit) => resolveUnitInputs(loaded, unit, this.sources, deferUnits)));
        const problems: Problem[] = resolutions.flatMap((r) => r.problems);
        if (problems.length > 0) {
            throw new EdfError(
                "EDF_INPUT_UNRESOLVED",
                `${problems.length} input(s) of \`${loaded.spec.environment}\` could not be resolved; nothing was deployed.`,
                problems,
            );
        }
        selection.forEach((unit, i) => {
            this.early.set(unit, resolutions[i]!.resolved);
            this.deferred.set(unit, resolutions[i]!.deferred);
        });
    }

    async forUnit(unit: string): Promise<{ resolved: readonly ResolvedInput[]; problems: readonly Problem[] }> {
        const early = this.early.get(unit) ?? [];
        const late = this.deferred.get(unit) ?? [];
        if (late.length === 0) return { resolved: early, problems: [] };
        const result = await resolveUnitInputs(this.plan.loaded, unit, this.sources, new Set(), late);
        return { resolved: [...early, ...result.resolved], problems: result.problems };
    }
}
