import * as path from "path";
import type { PulumiCommand } from "@pulumi/pulumi/automation";
import { DEFAULT_PARALLEL, EngineExecutor, EngineStackDetail, RUNS_PROGRAM } from "./engine/executor";
import type { CliProcesses } from "./engine/pulumi-command";
import type { RetryPolicy } from "./engine/retry";
import type { Operation, StackResult } from "./engine/types";
import type { SelectionOptions } from "./graph/graph";
import type { Reporter } from "./reporter";
import { executeEnvironmentRun, RunStack } from "./run/environment-run";
import { countStatuses } from "./run/outcome";
import type { RunReport } from "./engine/report";
import { renderRunMarkdown } from "./engine/report-markdown";
import type { PriorOutcomes } from "./run/prior-outcomes";

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
    /** Outcomes of earlier jobs of a fanned-out run (`--after`): their failures skip what depends on them here. */
    readonly prior?: PriorOutcomes;
}

export { DEFAULT_PARALLEL };

/**
 * Runs one engine operation over an environment's stack graph (the environment run with the
 * engine executor) and returns the run report, also written as `report.json` in the run
 * folder. Everything that can be checked up front — spec, graph, selection, programs, policy
 * settings and pack, every input — is checked before the first stack is touched; problems
 * throw an `EdfError` listing all of them, and nothing is deployed.
 */
export async function runEnvironment(options: RunOptions): Promise<RunReport> {
    const edfHome = options.edfHome ?? path.join(options.projectRoot, ".edf");
    const runsProgram = RUNS_PROGRAM.has(options.operation);
    let executor: EngineExecutor | undefined;
    const run = await executeEnvironmentRun<EngineStackDetail>(
        {
            ...options,
            command: options.operation,
            edfHome,
            preflight: { programs: runsProgram, policy: runsProgram },
            nothingDone: "nothing was deployed",
        },
        async (plan, { redactor }) =>
            (executor = await EngineExecutor.create(
                plan,
                {
                    operation: options.operation,
                    projectRoot: options.projectRoot,
                    edfHome,
                    parallel: options.parallel ?? DEFAULT_PARALLEL,
                    reporter: options.reporter,
                    environment: options.environment ?? process.env,
                    ...(options.retry ? { retry: options.retry } : {}),
                    ...(options.processes ? { processes: options.processes } : {}),
                    ...(options.pulumiCommand ? { pulumiCommand: options.pulumiCommand } : {}),
                },
                redactor,
            )),
    );
    const stacks = run.stacks.map(stackResultOf);
    const report: RunReport = {
        version: 1,
        command: options.operation,
        environment: run.plan.loaded.spec.environment,
        spec: run.plan.loaded.file,
        backend: executor!.backendDescription,
        runDir: run.runFolder?.dir,
        startedAt: run.startedAt.toISOString(),
        finishedAt: run.finishedAt.toISOString(),
        durationMs: run.finishedAt.getTime() - run.startedAt.getTime(),
        parallel: run.parallel,
        selection: run.plan.selection,
        outcome: run.outcome,
        exitCode: run.exitCode,
        stacks,
        violations: stacks.flatMap((s) => s.violations),
        counts: countStatuses(stacks),
    };
    run.runFolder?.write("report.json", `${JSON.stringify(report, null, 2)}\n`);
    // For a pull request comment or a CI job summary.
    run.runFolder?.write("summary.md", renderRunMarkdown(report));
    return report;
}

/** The engine report's record of one stack. */
function stackResultOf(stack: RunStack<EngineStackDetail>): StackResult {
    const { detail, ...common } = stack;
    return { ...common, ...detail };
}
