import * as path from "path";
import type { PulumiCommand } from "@pulumi/pulumi/automation";
import { Backend, resolveBackend } from "../backend/backend";
import { ConsulClient } from "../inputs/consul";
import { InputSources } from "../inputs/resolve";
import type { Provenance } from "../inputs/types";
import { VaultClient } from "../inputs/vault";
import type { Plan } from "../plan";
import type { EnvironmentPolicy } from "../policy/environment-policy";
import type { Reporter } from "../reporter";
import type { RunInputs, StackContext, StackExecution, StackExecutor } from "../run/environment-run";
import type { StackStatus } from "../run/outcome";
import type { Redactor } from "../redact";
import type { InputOrigin, InventoryResource } from "../run/report/model";
import { isDangerous, isStateful, ResourceStep, DriftedResource, UnknownUpstream } from "../run/report/operations";
import { stackConfig } from "../run/stack-config";
import { UNIT_CONFIG_NAMESPACE } from "../../unit/define";
import { UNKNOWN_STACKS_CONFIG_KEY } from "../../unit/stack-references";
import { AheadTask, AheadWork, widestLayer } from "./ahead";
import { EngineInputs, NO_INPUTS } from "./inputs";
import { clearStaleLocks } from "./locks";
import { ProgramHosts } from "./program-host/pool";
import { CliProcesses, isolatedPulumiCommand } from "./pulumi-command";
import { DEFAULT_RETRY_POLICY, RetryPolicy } from "./retry";
import { ResidentAnalyzer } from "./policy-host/resident-analyzer";
import { PolicyRun, runStackOperation } from "./stack-operation";
import { DEFAULT_PARALLEL, Operation, PolicyViolation, ResourceChanges } from "./types";
import { EnvironmentStacks } from "./workspace";
import { prebuiltPack } from "./prebuilt-pack";
import { requirePulumiCli } from "./tools";

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
    /** The injected inputs' provenance (never values) and where each came from. */
    readonly inputs: readonly (Provenance & { readonly name: string; readonly origin: InputOrigin })[];
    /** The stack's engine log, relative to the run folder. */
    readonly log?: string;
    /** Every resource operation but `same`, dangerous first, with property diffs. */
    readonly steps: readonly ResourceStep[];
    /** `drift`: the resources whose real state differs from the recorded one. */
    readonly drift: readonly DriftedResource[];
    readonly outputs: Readonly<Record<string, unknown>>;
    readonly secretOutputs: readonly string[];
    readonly resources: readonly InventoryResource[];
    /** A preview before upstream stacks were first deployed: which of their outputs were unknown. */
    readonly unknowns: readonly UnknownUpstream[];
    /** Whether the environment's policy pack judged this stack. */
    readonly judged: boolean;
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
    /** `--target`: limit each stack's operation to these resource URNs. @default - every resource */
    readonly targets?: readonly string[];
    /** `destroy --unprotect`: remove `protect` from every resource of a stack before destroying it. @default false */
    readonly unprotect?: boolean;
    /** `destroy`: list what would be deleted (from each stack's state), change nothing. @default false */
    readonly planOnly?: boolean;
}

/**
 * The engine executor: preview, up, destroy, refresh and drift of each stack on the real
 * Pulumi engine, each stack in its own work folder, its program in a program thread of its
 * own, with the environment's policy pack and config (the policy module's `engineConfig`,
 * the very settings synth inspects with). A preview of a stack whose upstream stacks have never
 * been deployed runs with their outputs as Pulumi unknowns (`preview-with-unknowns`); `up`
 * refuses to start while a stack it needs, outside the run, has never been deployed.
 */
export class EngineExecutor implements StackExecutor<EngineStackDetail> {
    readonly reverse: boolean;
    readonly inputs: RunInputs;
    private readonly programHosts = new ProgramHosts();
    private policyRun: PolicyRun | undefined;
    private ahead: AheadWork | undefined;

    private constructor(
        private readonly plan: Plan,
        private readonly options: EngineExecutorOptions,
        private readonly backend: Backend,
        private readonly stacks: EnvironmentStacks,
        private readonly redactor: Redactor,
        private readonly engineInputs: EngineInputs | undefined,
        private readonly pulumiPath: string,
    ) {
        this.reverse = options.operation === "destroy";
        this.inputs = engineInputs ?? NO_INPUTS;
    }

    static async create(plan: Plan, options: EngineExecutorOptions, redactor: Redactor): Promise<EngineExecutor> {
        // The spec has been read, nothing written yet: a missing CLI is said now, before the backend folder or passphrase exist.
        if (!options.pulumiCommand) requirePulumiCli(options.operation, options.environment);
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
        const inputs = RUNS_PROGRAM.has(options.operation)
            ? new EngineInputs(plan, sources, options.operation, (units) => stacks.deployedUnits(units))
            : undefined;
        return new EngineExecutor(plan, options, backend, stacks, redactor, inputs, command.command);
    }

    /** The backend the stacks live on, for people. */
    get backendDescription(): string {
        return this.backend.description;
    }

    get parallel(): number {
        return this.options.parallel;
    }

    holdsBack(status: StackStatus): boolean {
        const ok = status === "succeeded" || status === "not-deployed" || status === "preview-with-unknowns";
        return !ok && HOLDS_BACK_ON_FAILURE.has(this.options.operation) && !this.options.planOnly;
    }

    describe(): string {
        const { operation, planOnly, unprotect } = this.options;
        const what = planOnly ? `${operation} (plan: nothing is changed)` : `${operation}${unprotect ? " --unprotect" : ""}`;
        return (
            `${what} ${this.plan.loaded.spec.environment}: ` +
            `${this.plan.selection.length} stack(s), parallel ${this.parallel}, ${this.backend.description}`
        );
    }

    stackName(unit: string): string {
        return this.backend.stackName(this.plan.loaded.spec.environment, unit);
    }

    idle(): EngineStackDetail {
        return {
            changes: {},
            violations: [],
            inputs: [],
            steps: [],
            drift: [],
            outputs: {},
            secretOutputs: [],
            resources: [],
            unknowns: [],
            judged: false,
        };
    }

    async run(unit: string, context: StackContext): Promise<StackExecution<EngineStackDetail>> {
        this.startAhead(unit, context);
        try {
            const execution = await this.runStack(unit, context);
            if (this.holdsBack(execution.status)) this.ahead?.holdBack(unit);
            return execution;
        } catch (error) {
            this.ahead?.holdBack(unit);
            throw error;
        }
    }

    private async runStack(unit: string, context: StackContext): Promise<StackExecution<EngineStackDetail>> {
        const { operation, reporter } = this.options;
        const spec = this.plan.loaded.spec;
        const stackName = this.stackName(unit);
        const inputs = context.inputs.map((r) => ({ name: r.name, ...r.provenance, origin: originOf(r.provenance, Boolean(r.unknown)) }));
        const unknowns = this.engineInputs?.unknownUpstreams(unit) ?? [];
        if (NEEDS_EXISTING_STACK.has(operation) && !this.options.planOnly && (await this.stacks.resourceCount(unit)) === 0) {
            // Created but never deployed (a preview, an `up` that stopped first) or destroyed: nothing to act on.
            return {
                status: "not-deployed",
                attempts: 0,
                reason: "the stack holds no resources: nothing to do",
                detail: { ...this.idle(), inputs },
            };
        }
        const stack = await this.stacks.open(unit, spec.units[unit]!.path, !NEEDS_EXISTING_STACK.has(operation));
        if (!stack)
            return { status: "not-deployed", attempts: 0, reason: "no such stack: nothing to do", detail: { ...this.idle(), inputs } };
        if (this.options.planOnly) return this.planDestroy(stack, inputs);
        if (RUNS_PROGRAM.has(operation)) {
            const config = stackConfig(spec, unit, context.inputs);
            const unknownStacks = this.engineInputs?.unknownStacks(unit) ?? [];
            if (unknownStacks.length > 0) {
                config[`${UNIT_CONFIG_NAMESPACE}:${UNKNOWN_STACKS_CONFIG_KEY}`] = { value: JSON.stringify(unknownStacks) };
            }
            await this.stacks.writeConfig(stack, config);
        }
        const clearLocks = async (): Promise<void> => {
            const backendDir = this.backend.kind === "file" && this.backend.url ? this.backend.url.slice("file://".length) : undefined;
            for (const file of backendDir ? clearStaleLocks(backendDir, stackName) : []) {
                reporter.warn(`${unit}: removed a stale lock left by a killed pulumi process (${path.basename(file)})`);
            }
        };
        await clearLocks();
        if (operation === "destroy" && this.options.unprotect) {
            // Idempotent: an interrupted destroy, run again, unprotects what is left and goes on.
            await this.stacks.unprotectAll(stack);
        }
        const logFile = context.runFolder?.logFile(stackName) ?? "/dev/null";
        const policy = RUNS_PROGRAM.has(operation) ? this.policyFor(context) : undefined;
        const targets = (this.options.targets ?? []).filter((urn) => urn.startsWith(`urn:pulumi:${stack.name.split("/").pop()}::`));
        const outcome = await runStackOperation({
            unit,
            stack,
            operation,
            ...(policy ? { policy } : {}),
            ...(targets.length ? { targets } : {}),
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
        const withUnknowns = outcome.status === "succeeded" && operation === "preview" && unknowns.length > 0;
        const unknownNote = withUnknowns
            ? `previewed with unknown outputs of ${unknowns.map((u) => `\`${u.stack}\``).join(", ")} (never deployed)`
            : undefined;
        // The engine's own words for a lost analyzer are a gRPC error; say what happened first.
        const lost = outcome.status === "failed" ? policy?.analyzer?.failure : undefined;
        const analyzerDown = lost && !outcome.reason?.includes(lost) ? lost : undefined;
        const reason = analyzerDown ? `${analyzerDown}: ${outcome.reason ?? "the stack failed"}` : (outcome.reason ?? unknownNote);
        return {
            status: withUnknowns ? "preview-with-unknowns" : outcome.status,
            attempts: outcome.attempts,
            ...(reason ? { reason } : {}),
            ...(outcome.drifted !== undefined ? { drifted: outcome.drifted } : {}),
            detail: {
                changes: outcome.changes,
                violations: outcome.violations,
                inputs,
                ...(context.runFolder ? { log: path.basename(logFile) } : {}),
                steps: outcome.steps,
                drift: outcome.drift,
                outputs: outcome.outputs,
                secretOutputs: outcome.secretOutputs,
                resources: outcome.resources,
                unknowns,
                judged: policy !== undefined,
            },
        };
    }

    async close(): Promise<void> {
        await this.ahead?.stop();
        await this.policyRun?.analyzer?.stop();
        await this.programHosts.close();
    }

    /**
     * What `destroy` would delete in this stack, read from its state (no engine operation, no
     * plugin): every resource, protected ones marked. The list a destroy confirmation shows.
     */
    private async planDestroy(
        stack: Parameters<EnvironmentStacks["stateResources"]>[0],
        inputs: EngineStackDetail["inputs"],
    ): Promise<StackExecution<EngineStackDetail>> {
        // The engine deletes in reverse registration order: list them so.
        const resources = (await this.stacks.stateResources(stack))
            .filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"))
            .reverse();
        const steps: ResourceStep[] = resources.map((r) => {
            const stateful = isStateful(r.type);
            return {
                op: "delete",
                urn: r.urn,
                type: r.type,
                name: r.urn.split("::").pop() ?? r.urn,
                ...(r.protect ? { protect: true } : {}),
                ...(stateful ? { stateful } : {}),
                ...(isDangerous({ op: "delete", protect: r.protect, stateful }) ? { dangerous: true } : {}),
                diff: [],
            };
        });
        const protectedCount = steps.filter((s) => s.protect).length;
        return {
            status: resources.length === 0 ? "not-deployed" : "succeeded",
            attempts: 1,
            reason:
                resources.length === 0
                    ? "nothing to delete"
                    : `would delete ${resources.length} resource(s)${protectedCount ? `, ${protectedCount} protected` : ""}`,
            detail: { ...this.idle(), inputs, steps, changes: resources.length ? { delete: resources.length } : {} },
        };
    }

    /**
     * Starts the work of the run that needs no stack's outputs (ahead.ts), when its first stack
     * starts — after the run's inputs were checked and, for `up`, the plan confirmed: the policy
     * analyzer; for stacks never deployed, as many program hosts as can run at once; and for
     * `up`, every selected stack created and tagged (`EnvironmentStacks.ensure`). A preview
     * creates no stack ahead: it creates only the stacks it previews, as before.
     */
    private startAhead(first: string, context: StackContext): void {
        const { operation, planOnly } = this.options;
        if (this.ahead || !RUNS_PROGRAM.has(operation) || planOnly) return;
        const spec = this.plan.loaded.spec;
        const tasks: AheadTask[] = [];
        const analyzer = this.policyFor(context)?.analyzer;
        // Started, not waited for (the process starts on its own, ≈ 1 s): the stacks' tasks go on meanwhile.
        if (analyzer) tasks.push({ run: async () => void analyzer.prepare() });
        const hosts = Math.min(this.parallel, widestLayer(this.plan.graph, this.plan.selection));
        let wanted = 1; // the first stack starts its own host
        for (const unit of this.plan.selection.filter((u) => u !== first)) {
            if (operation === "up") tasks.push({ unit, run: () => this.stacks.ensure(unit, spec.units[unit]!.path) });
            if (wanted < hosts) {
                // Only for a stack never deployed: its first `up` creates every resource, so a layer of them
                // runs side by side, each needing a thread. A redeploy's short operations reuse fewer threads
                // (measured: warming them there cost ≈ 1 CPU-s a run of 20 stacks and saved no wall time).
                const count = ++wanted;
                tasks.push({
                    unit,
                    run: async () => {
                        if (((await this.stacks.resourceCount(unit)) ?? 0) === 0) await this.programHosts.warm(count);
                    },
                });
            }
        }
        this.ahead = new AheadWork(tasks, this.plan.graph, context.signal);
    }

    /** The pack and its config file for this environment, written once into the run folder. */
    private policyFor(context: StackContext): PolicyRun | undefined {
        const policy: EnvironmentPolicy | undefined = this.plan.policy;
        if (!policy || !context.runFolder) return undefined;
        if (!this.policyRun) {
            const packDir = prebuiltPack(policy.pack.dir, this.options.edfHome, this.options.projectRoot);
            this.policyRun = {
                packDir,
                configFile: context.runFolder.write("policy-config.json", `${JSON.stringify(policy.engineConfig, null, 2)}\n`),
                analyzer: new ResidentAnalyzer({
                    packDir,
                    pulumiPath: this.pulumiPath,
                    edfHome: this.options.edfHome,
                    projectRoot: this.options.projectRoot,
                    logFile: context.runFolder.logFile("policy-analyzer"),
                    redactor: this.redactor,
                    onCrash: (reason) => this.options.reporter.warn(`${reason}: the stacks it would judge fail`),
                }),
            };
        }
        return this.policyRun;
    }
}

/** Where an engine input came from, for the report. */
function originOf(provenance: Provenance, unknown: boolean): InputOrigin {
    if (unknown) return "unknown";
    switch (provenance.source) {
        case "stack":
            return "deployed";
        case "env":
            return "environment";
        default:
            return "live";
    }
}
