import { EdfError, Problem } from "../errors";
import { ensureWritableFolder } from "../files/folders";
import type { SelectionOptions } from "../graph/graph";
import type { ResolvedInput } from "../inputs/types";
import { Plan, planEnvironment, preflightProblems } from "../plan";
import type { EnvironmentPolicyOptions } from "../policy/environment-policy";
import type { Reporter } from "../reporter";
import { runSchedule } from "./schedule";
import { FinishedStack, RunOutcome, runOutcome, StackStatus } from "./outcome";
import { Redactor } from "../redact";
import { createRunFolder, RunFolder } from "./run-folder";
import type { PriorOutcomes } from "./prior-outcomes";
import { dependenciesOf } from "../graph/graph";

/**
 * One environment run, whatever it does to each stack: plan → inputs → schedule → the
 * executor, stack by stack → outcome. Terragrunt runs every command through one runner pool;
 * here every command (synth, preview, up, destroy, refresh, drift, and inspect to come) is an
 * executor plugged into this one skeleton. Ordering, parallelism, skipping downstream of a
 * failure, interrupts, the outcome and exit code and the run folder are the run's; what a
 * stack *is* to a command is the executor's, and that is the only code that differs.
 */

/** The inputs of a run, as an executor resolves them. */
export interface RunInputs {
    /** Resolves what can be resolved before the first stack runs; throws an `EdfError` listing every problem. */
    prepare(): Promise<void>;
    /** The inputs of `unit` as it is about to run: those resolved up front plus outputs of stacks finished in this run. */
    forUnit(unit: string): Promise<{ readonly resolved: readonly ResolvedInput[]; readonly problems: readonly Problem[] }>;
}

/** What an executor made of one stack. */
export interface StackExecution<D> {
    readonly status: StackStatus;
    /** Why it failed or was cancelled; or a short note on what it did. */
    readonly reason?: string;
    /** Attempts made (retries of transient errors included). @default 1 */
    readonly attempts?: number;
    readonly drifted?: boolean;
    /** The executor's own account of the stack (engine changes, synth inventory, ...). */
    readonly detail: D;
}

/** What a stack is to one command. */
export interface StackExecutor<D> {
    readonly inputs: RunInputs;
    /** Stacks at once. */
    readonly parallel: number;
    /** Destroy order: a stack waits for its dependents instead of its dependencies. */
    readonly reverse: boolean;
    /** Whether a stack that ended with `status` holds back the stacks waiting on it. */
    holdsBack(status: StackStatus): boolean;
    /** The run's first line of progress. */
    describe(): string;
    /** The stack name of a unit, as reports show it. */
    stackName(unit: string): string;
    run(unit: string, context: StackContext): Promise<StackExecution<D>>;
    /** The detail of a stack that did not run (skipped, cancelled, or failed before it started). */
    idle(unit: string): D;
    /** Releases what the executor holds (threads, program hosts); called once, whatever happened. */
    close(): Promise<void>;
}

/** What the skeleton hands an executor for one stack. */
export interface StackContext {
    readonly inputs: readonly ResolvedInput[];
    readonly signal: AbortSignal;
    readonly runFolder?: RunFolder;
}

/** One stack's record in a finished run. */
export interface RunStack<D> extends FinishedStack {
    readonly attempts: number;
    readonly startedAt?: string;
    readonly drifted?: boolean;
    readonly detail: D;
}

/** What a finished run hands back to its command, which writes its own report from it. */
export interface EnvironmentRun<D> {
    readonly plan: Plan;
    readonly command: string;
    readonly startedAt: Date;
    readonly finishedAt: Date;
    readonly parallel: number;
    /** Every selected stack, in dependency order. */
    readonly stacks: readonly RunStack<D>[];
    readonly outcome: RunOutcome;
    readonly exitCode: number;
    /** Every secret value met during the run: reports and logs are scrubbed with it. */
    readonly redactor: Redactor;
    readonly runFolder?: RunFolder;
}

export interface EnvironmentRunOptions extends SelectionOptions {
    /** The command, for messages and the run folder's name (`synth`, `up`, ...). */
    readonly command: string;
    /** Environment name (`environments/<env>.yaml`) or spec file. */
    readonly env: string;
    readonly projectRoot: string;
    readonly reporter: Reporter;
    /** Aborting starts nothing new; running stacks are cancelled by the executor. @default - never aborted */
    readonly signal?: AbortSignal;
    /** The policy module's options: the decision day and extra waiver files. */
    readonly policy?: EnvironmentPolicyOptions;
    /** What must exist before anything runs: the units' programs, the policy pack. */
    readonly preflight: { readonly programs: boolean; readonly policy: boolean };
    /** Said when the run stops before it started, e.g. "nothing was deployed". */
    readonly nothingDone: string;
    /** A run folder under `<edfHome>/runs/` for logs and reports. @default - none */
    readonly edfHome?: string;
    /**
     * How stacks ended in earlier jobs of a fanned-out run (`--after`): a selected stack with a
     * dependency, however far up, that ended in a way that holds back its dependents is skipped,
     * as it would have been had both run here. @default - no earlier jobs
     */
    readonly prior?: PriorOutcomes;
}

/** Plans the environment, checks what must exist, and runs every selected stack through the executor. */
export async function executeEnvironmentRun<D>(
    options: EnvironmentRunOptions,
    createExecutor: (plan: Plan, run: { readonly redactor: Redactor; readonly runFolder?: RunFolder }) => Promise<StackExecutor<D>>,
): Promise<EnvironmentRun<D>> {
    const startedAt = new Date();
    const signal = options.signal ?? new AbortController().signal;
    const plan = planEnvironment(options.env, options.projectRoot, options, options.policy);
    const environment = plan.loaded.spec.environment;
    const policyOn = options.preflight.policy && plan.policy !== undefined;
    const preflight = preflightProblems(plan, options.projectRoot, policyOn, options.preflight.programs);
    if (preflight.length > 0) {
        throw new EdfError(
            "EDF_PREFLIGHT",
            `Cannot ${options.command} \`${environment}\`: ${preflight.length} problem(s); ${options.nothingDone}.`,
            preflight,
        );
    }

    // The run's folder must be writable before the executor starts anything (a backend, threads),
    // but is not created yet: a check the executor makes (the Pulumi CLI on PATH) may still refuse.
    if (options.edfHome) ensureWritableFolder(options.edfHome, "--home", { create: false });
    const redactor = new Redactor();
    const executor = await createExecutor(plan, { redactor });
    let stacks: RunStack<D>[];
    let runFolder: RunFolder | undefined;
    try {
        await executor.inputs.prepare();
        runFolder = options.edfHome
            ? createRunFolder(options.edfHome, `${options.command}-${environment}`, redactor, startedAt)
            : undefined;
        options.reporter.info(executor.describe());
        stacks = await scheduleStacks(plan, executor, options.reporter, signal, redactor, runFolder, options.prior);
    } finally {
        await executor.close();
    }
    const { outcome, exitCode } = runOutcome(stacks, signal.aborted);
    return {
        plan,
        command: options.command,
        startedAt,
        finishedAt: new Date(),
        parallel: executor.parallel,
        stacks,
        outcome,
        exitCode,
        redactor,
        ...(runFolder ? { runFolder } : {}),
    };
}

async function scheduleStacks<D>(
    plan: Plan,
    executor: StackExecutor<D>,
    reporter: Reporter,
    signal: AbortSignal,
    redactor: Redactor,
    runFolder: RunFolder | undefined,
    prior: PriorOutcomes | undefined,
): Promise<RunStack<D>[]> {
    const finish = (record: RunStack<D>): RunStack<D> => {
        const scrubbed = record.reason ? { ...record, reason: redactor.scrub(record.reason) } : record;
        reporter.stackFinished(scrubbed);
        return scrubbed;
    };
    const idle = (unit: string, status: StackStatus, reason: string): RunStack<D> =>
        finish({ unit, stack: executor.stackName(unit), status, attempts: 0, durationMs: 0, reason, detail: executor.idle(unit) });

    const runOne = async (unit: string): Promise<RunStack<D>> => {
        const started = new Date();
        const elapsed = (): number => Date.now() - started.getTime();
        const base = { unit, stack: executor.stackName(unit), startedAt: started.toISOString() };
        try {
            const inputs = await executor.inputs.forUnit(unit);
            if (inputs.problems.length > 0) {
                const reason = inputs.problems.map((p) => `${p.message}${p.fix ? ` Fix: ${p.fix}` : ""}`).join("; ");
                return finish({ ...base, status: "failed", attempts: 0, durationMs: elapsed(), reason, detail: executor.idle(unit) });
            }
            const done = await executor.run(unit, { inputs: inputs.resolved, signal, ...(runFolder ? { runFolder } : {}) });
            return finish({
                ...base,
                status: done.status,
                attempts: done.attempts ?? 1,
                durationMs: elapsed(),
                ...(done.reason ? { reason: done.reason } : {}),
                ...(done.drifted !== undefined ? { drifted: done.drifted } : {}),
                detail: done.detail,
            });
        } catch (error) {
            // An executor reports failures as results; what still throws failed the stack (or the interrupt did).
            const reason = String((error as Error)?.message ?? error)
                .split("\n")
                .slice(0, 3)
                .join(" ");
            const status: StackStatus = signal.aborted ? "cancelled" : "failed";
            return finish({ ...base, status, attempts: 1, durationMs: elapsed(), reason, detail: executor.idle(unit) });
        }
    };

    const results = await runSchedule<RunStack<D>>({
        graph: plan.graph,
        units: plan.selection,
        reverse: executor.reverse,
        parallel: executor.parallel,
        signal,
        run: async (unit) => {
            const blocked = prior && blockedByEarlierJob(plan, unit, prior, (status) => executor.holdsBack(status));
            if (blocked) return { result: idle(unit, "skipped", blocked), holdsBack: true };
            const record = await runOne(unit);
            return { result: record, holdsBack: executor.holdsBack(record.status) };
        },
        skipped: (unit, blocker) =>
            idle(unit, "skipped", `${executor.reverse ? "dependent" : "dependency"} \`${blocker}\` did not succeed`),
        notStarted: (unit) => idle(unit, "cancelled", "not started: the run was interrupted"),
    });
    return plan.selection.map((unit) => results.get(unit)!);
}

/**
 * Why an earlier job holds `unit` back: the first dependency (walking up through stacks this run
 * does not select) whose recorded outcome holds back its dependents. Undefined when none does.
 */
function blockedByEarlierJob(
    plan: Plan,
    unit: string,
    prior: PriorOutcomes,
    holdsBack: (status: StackStatus) => boolean,
): string | undefined {
    const seen = new Set<string>();
    const queue = dependenciesOf(plan.graph, unit);
    while (queue.length > 0) {
        const dependency = queue.shift()!;
        if (seen.has(dependency)) continue;
        seen.add(dependency);
        const outcome = prior.get(plan.loaded.spec.environment, dependency);
        if (outcome && holdsBack(outcome.status)) {
            return `dependency \`${dependency}\` ended \`${outcome.status}\` in an earlier job (${outcome.report})`;
        }
        if (!plan.selection.includes(dependency)) queue.push(...dependenciesOf(plan.graph, dependency));
    }
    return undefined;
}
