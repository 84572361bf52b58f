import * as path from "path";
import type { PulumiCommand } from "@pulumi/pulumi/automation";
import { resolveBackend } from "./backend/backend";
import { EdfError, Problem } from "./errors";
import { clearStaleLocks } from "./engine/locks";
import { DEFAULT_POLICY_PACK, policyPackConfig } from "./engine/policy";
import { ProgramHosts } from "./engine/program-host/pool";
import { CliProcesses, isolatedPulumiCommand } from "./engine/pulumi-command";
import { DEFAULT_RETRY_POLICY, RetryPolicy } from "./engine/retry";
import { DEFAULT_PARALLEL, runSchedule } from "./engine/scheduler";
import { stackConfig } from "./engine/stack-config";
import { PolicyRun, runStackOperation } from "./engine/stack-operation";
import type { Operation, StackResult, StackStatus } from "./engine/types";
import { EnvironmentStacks } from "./engine/workspace";
import type { SelectionOptions } from "./graph/graph";
import { ConsulClient } from "./inputs/consul";
import { InputSources, resolveUnitInputs } from "./inputs/resolve";
import type { ResolvedInput } from "./inputs/types";
import { VaultClient } from "./inputs/vault";
import { planEnvironment, preflightProblems } from "./plan";
import type { Reporter } from "./reporter";
import { Redactor } from "./run/redact";
import { countStatuses, outcomeOf, RunReport } from "./run/report";
import { createRunFolder } from "./run/run-folder";

export interface RunOptions extends SelectionOptions {
    /** Environment name (`environments/<env>.yaml`) or spec file. */
    readonly env: string;
    readonly operation: Operation;
    readonly projectRoot: string;
    /** Backend, runs, passphrase and work folders. @default - `<projectRoot>/.edf` */
    readonly edfHome?: string;
    /** Stacks at once. @default 4 */
    readonly parallel?: number;
    readonly reporter: Reporter;
    /** Aborting cancels running operations and starts nothing new. */
    readonly signal: AbortSignal;
    /** @default process.env */
    readonly environment?: NodeJS.ProcessEnv;
    /** @default DEFAULT_RETRY_POLICY */
    readonly retry?: RetryPolicy;
    /** The CLI processes of this run (the CLI's interrupt handler signals them). */
    readonly processes?: CliProcesses;
    /** A preconfigured CLI (tests, benchmarks). @default - `pulumi` on PATH */
    readonly pulumiCommand?: PulumiCommand;
}

export { DEFAULT_PARALLEL };

/** Operations that change nothing when a stack is missing, and never create one. */
const NEEDS_EXISTING_STACK: ReadonlySet<Operation> = new Set(["destroy", "refresh", "drift"]);
/** Operations that run the program: they need its inputs, its config and the policy pack. */
const RUNS_PROGRAM: ReadonlySet<Operation> = new Set(["preview", "up"]);

/**
 * Runs one operation over an environment's stack graph and returns the run report.
 * Everything that can be checked up front — spec, graph, selection, programs, policy
 * pack, every input — is checked before the first stack is touched; problems throw
 * an `EdfError` listing all of them, and nothing is deployed.
 */
export async function runEnvironment(options: RunOptions): Promise<RunReport> {
    const started = new Date();
    const env = options.environment ?? process.env;
    const edfHome = options.edfHome ?? path.join(options.projectRoot, ".edf");
    const parallel = options.parallel ?? DEFAULT_PARALLEL;
    const plan = planEnvironment(options.env, options.projectRoot, options);
    const { loaded, graph, selection } = plan;
    const spec = loaded.spec;
    const usesPolicy = RUNS_PROGRAM.has(options.operation) && spec.policy?.enabled !== false;

    if (RUNS_PROGRAM.has(options.operation)) {
        const problems = preflightProblems(plan, options.projectRoot, true);
        if (problems.length > 0) {
            throw new EdfError(
                "EDF_PREFLIGHT",
                `Cannot ${options.operation} \`${spec.environment}\`: ${problems.length} problem(s); nothing was deployed.`,
                problems,
            );
        }
    }

    const redactor = new Redactor();
    const backend = resolveBackend(spec.backend, { projectRoot: options.projectRoot, edfHome, env, redactor });
    const processes = options.processes ?? new CliProcesses();
    const command = await isolatedPulumiCommand(processes, options.pulumiCommand);
    const stacks = new EnvironmentStacks(spec.environment, backend, edfHome, command);
    const unitPath = (unit: string): string => spec.units[unit]!.path;

    const sources: InputSources = {
        env,
        vault: spec.injectors?.vault ? new VaultClient(spec.injectors.vault, redactor, env) : undefined,
        consul: spec.injectors?.consul ? new ConsulClient(spec.injectors.consul, redactor, env) : undefined,
        readStackOutputs: (unit) => stacks.outputs(unit, unitPath(unit)),
        stackNameOf: (unit) => backend.stackName(spec.environment, unit),
    };

    // Every input of the run, before the first deployment. For `up`, stack inputs whose
    // producer is part of this run are read after that producer finishes.
    const inputs = new Map<string, ResolvedInput[]>();
    const deferred = new Map<string, string[]>();
    if (RUNS_PROGRAM.has(options.operation)) {
        const deferUnits = new Set(options.operation === "up" ? selection : []);
        const resolutions = await Promise.all(selection.map((unit) => resolveUnitInputs(loaded, unit, sources, deferUnits)));
        const problems: Problem[] = resolutions.flatMap((r) => r.problems);
        if (problems.length > 0) {
            throw new EdfError(
                "EDF_INPUT_UNRESOLVED",
                `${problems.length} input(s) of \`${spec.environment}\` could not be resolved; nothing was deployed.`,
                problems,
            );
        }
        selection.forEach((unit, i) => {
            inputs.set(unit, resolutions[i]!.resolved);
            deferred.set(unit, resolutions[i]!.deferred);
        });
    }

    const runFolder = createRunFolder(edfHome, options.operation, redactor, started);
    let policy: PolicyRun | undefined;
    if (usesPolicy) {
        const configFile = runFolder.write(
            "policy-config.json",
            `${JSON.stringify(policyPackConfig(spec.policy, options.projectRoot), null, 2)}\n`,
        );
        policy = { packDir: path.resolve(options.projectRoot, spec.policy?.pack ?? DEFAULT_POLICY_PACK), configFile };
    }
    const backendDir = backend.kind === "file" && backend.url ? backend.url.slice("file://".length) : undefined;
    options.reporter.info(
        `${options.operation} ${spec.environment}: ${selection.length} stack(s), parallel ${parallel}, ${backend.description}`,
    );

    // Each running preview/up gets its own program thread (docs/driver.md, "Isolation").
    const programHosts = new ProgramHosts();
    const runOne = async (unit: string): Promise<StackResult> => {
        const stackName = backend.stackName(spec.environment, unit);
        const startedAt = new Date();
        const base = {
            unit,
            stack: stackName,
            attempts: 0,
            startedAt: startedAt.toISOString(),
            changes: {},
            violations: [],
            inputs: [] as StackResult["inputs"],
        };
        const elapsed = (): number => Date.now() - startedAt.getTime();
        try {
            const stack = await stacks.open(unit, unitPath(unit), !NEEDS_EXISTING_STACK.has(options.operation));
            if (!stack) {
                return { ...base, status: "not-deployed", durationMs: elapsed(), reason: "no such stack: nothing to do" };
            }
            const resolved = [...(inputs.get(unit) ?? [])];
            const late = deferred.get(unit) ?? [];
            if (late.length > 0) {
                const result = await resolveUnitInputs(loaded, unit, sources, new Set(), late);
                if (result.problems.length > 0) {
                    return { ...base, status: "failed", durationMs: elapsed(), reason: result.problems.map((p) => p.message).join("; ") };
                }
                resolved.push(...result.resolved);
            }
            const provenance = resolved.map((r) => ({ name: r.name, ...r.provenance }));
            if (RUNS_PROGRAM.has(options.operation)) {
                await stacks.writeConfig(stack, stackConfig(spec, unit, resolved));
            }
            const clearLocks = async (): Promise<void> => {
                if (backendDir) {
                    for (const file of clearStaleLocks(backendDir, stackName)) {
                        options.reporter.warn(`${unit}: removed a stale lock left by a killed pulumi process (${path.basename(file)})`);
                    }
                }
            };
            await clearLocks();
            const outcome = await runStackOperation({
                unit,
                stack,
                operation: options.operation,
                policy,
                programHosts,
                logFile: runFolder.logFile(stackName),
                redactor,
                retry: options.retry ?? DEFAULT_RETRY_POLICY,
                signal: options.signal,
                onProgress: (p) => options.reporter.progress(p),
                onRetry: (attempt, reason, delay) =>
                    options.reporter.warn(`${unit}: transient error (${reason}); attempt ${attempt} in ${delay} ms`),
                beforeRetry: clearLocks,
                repairPending: async (write) => {
                    await stack.refresh({
                        clearPendingCreates: true,
                        color: "never",
                        onOutput: write,
                        onError: write,
                        signal: options.signal,
                    });
                },
            });
            return { ...base, ...outcome, inputs: provenance, durationMs: elapsed(), log: path.basename(runFolder.logFile(stackName)) };
        } catch (error) {
            const status: StackStatus = options.signal.aborted ? "cancelled" : "failed";
            return {
                ...base,
                status,
                durationMs: elapsed(),
                reason: redactor
                    .scrub(String((error as Error).message ?? error))
                    .split("\n")
                    .slice(0, 3)
                    .join(" "),
            };
        }
    };

    let results: Map<string, StackResult>;
    try {
        results = await runSchedule<StackResult>({
            graph,
            units: selection,
            reverse: options.operation === "destroy",
            parallel,
            skipOnFailure: options.operation === "up" || options.operation === "destroy" || options.operation === "preview",
            signal: options.signal,
            run: async (unit) => {
                const result = await runOne(unit);
                options.reporter.stackFinished(result);
                const ok = result.status === "succeeded" || result.status === "not-deployed";
                return { result, settlement: ok ? "succeeded" : "failed" };
            },
            skipped: (unit, blocker) => {
                const result: StackResult = {
                    unit,
                    stack: backend.stackName(spec.environment, unit),
                    status: "skipped",
                    attempts: 0,
                    durationMs: 0,
                    changes: {},
                    violations: [],
                    inputs: [],
                    reason: `${options.operation === "destroy" ? "dependent" : "dependency"} \`${blocker}\` did not succeed`,
                };
                options.reporter.stackFinished(result);
                return result;
            },
            notStarted: (unit) => ({
                unit,
                stack: backend.stackName(spec.environment, unit),
                status: "cancelled",
                attempts: 0,
                durationMs: 0,
                changes: {},
                violations: [],
                inputs: [],
                reason: "not started: the run was interrupted",
            }),
        });
    } finally {
        await programHosts.close();
    }

    const ordered = selection.map((unit) => results.get(unit)!);
    const finished = new Date();
    const { outcome, exitCode } = outcomeOf(options.operation, ordered, options.signal.aborted);
    const report: RunReport = {
        version: 1,
        command: options.operation,
        environment: spec.environment,
        spec: loaded.file,
        backend: backend.description,
        runDir: runFolder.dir,
        startedAt: started.toISOString(),
        finishedAt: finished.toISOString(),
        durationMs: finished.getTime() - started.getTime(),
        parallel,
        selection,
        outcome,
        exitCode,
        stacks: ordered,
        violations: ordered.flatMap((s) => s.violations),
        counts: countStatuses(ordered),
    };
    runFolder.write("report.json", `${JSON.stringify(report, null, 2)}\n`);
    return report;
}
