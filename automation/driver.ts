import * as path from "path";
import type { PulumiCommand } from "@pulumi/pulumi/automation";
import { DEFAULT_PARALLEL, EngineExecutor, EngineStackDetail, RUNS_PROGRAM } from "./engine/executor";
import type { CliProcesses } from "./engine/pulumi-command";
import type { RetryPolicy } from "./engine/retry";
import type { Operation } from "./engine/types";
import type { SelectionOptions } from "./graph/graph";
import type { Reporter } from "./reporter";
import { executeEnvironmentRun } from "./run/environment-run";
import { writeReports } from "./run/report/write";
import { EngineReport, engineReport } from "./engine/report";

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
    /** Limit each stack's operation to these resource URNs (`--target`). @default - every resource */
    readonly targets?: readonly string[];
    /** `destroy`: remove `protect` from each stack's resources before destroying it. @default false */
    readonly unprotect?: boolean;
    /** `destroy`: only list what would be deleted, from each stack's state. @default false */
    readonly planOnly?: boolean;
}

export { DEFAULT_PARALLEL };

/**
 * Runs one engine operation over an environment's stack graph (the environment run with the
 * engine executor) and returns its report — the one report model every command writes: in the
 * run folder as report.json, report.sarif, summary.md and report.html, beside one engine log per
 * stack. Everything that can be checked up front — spec, graph, selection, programs, policy
 * settings and pack, every input, upstream stacks an `up` needs — is checked before the first
 * stack is touched; problems throw an `EdfError` listing all of them, and nothing is deployed.
 */
export async function runEnvironment(options: RunOptions): Promise<EngineReport> {
    const edfHome = options.edfHome ?? path.join(options.projectRoot, ".edf");
    const runsProgram = RUNS_PROGRAM.has(options.operation);
    let executor: EngineExecutor | undefined;
    const run = await executeEnvironmentRun<EngineStackDetail>(
        {
            ...options,
            command: options.planOnly ? `${options.operation}-plan` : options.operation,
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
                    ...(options.targets?.length ? { targets: options.targets } : {}),
                    ...(options.unprotect ? { unprotect: true } : {}),
                    ...(options.planOnly ? { planOnly: true } : {}),
                },
                redactor,
            )),
    );
    const report = engineReport(run, options.operation, executor!.backendDescription, { targets: options.targets });
    if (run.runFolder) writeReports(report, run.runFolder);
    return report;
}
