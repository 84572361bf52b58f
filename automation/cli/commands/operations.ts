import { DEFAULT_PARALLEL, Operation } from "../../engine/types";
import { summaryTable } from "../../engine/report";
import { affectedOption, commandSelection } from "../affected-selection";
import { CliCommand, environmentOptions, parseParallel } from "../context";
import { CliProcesses } from "../../engine/cli-processes";
import { handleInterrupts } from "../interrupts";

const DESCRIPTIONS: Record<Operation, string> = {
    preview: "preview every selected stack in dependency order, with the policy pack",
    up: "deploy the selected stacks in dependency order, in parallel, with the policy pack",
    destroy: "destroy the selected stacks in reverse dependency order",
    refresh: "refresh the selected stacks' state from the real resources",
    drift: "detect drift (a refresh preview); exit code 4 when anything drifted",
};

/** The operations a pipeline runs on what changed, job by job: `--affected` and `--after` apply to them. */
const PIPELINE_OPERATIONS: readonly Operation[] = ["preview", "up"];

interface OperationFlags {
    env: string;
    parallel: string;
    only?: string[];
    withDependencies?: boolean;
    withDependents?: boolean;
    affected?: string;
    after?: string;
}

function operationCommand(operation: Operation): CliCommand {
    return {
        register(program, context) {
            let command = environmentOptions(program.command(operation).description(DESCRIPTIONS[operation])).option(
                "-p, --parallel <n>",
                "stacks at once",
                String(DEFAULT_PARALLEL),
            );
            if (PIPELINE_OPERATIONS.includes(operation)) {
                command = affectedOption(command).option(
                    "--after <dir>",
                    "run reports of earlier jobs of a fanned-out run: a stack whose dependency failed there is skipped here",
                );
            }
            command.action(async (options: OperationFlags) => {
                const ctx = context();
                const parallel = parseParallel(options.parallel);
                // Deployed stacks feed their dependents from the backend: `--affected` selects only what changed.
                const selection = await commandSelection(ctx, options, { withDependencies: false });
                if (!selection) {
                    ctx.reporter.result(
                        {
                            command: operation,
                            environment: options.env,
                            affectedSince: options.affected,
                            outcome: "succeeded",
                            exitCode: 0,
                            stacks: [],
                        },
                        `${operation} ${options.env}: nothing is affected since \`${options.affected}\`: nothing to do (exit 0)`,
                    );
                    ctx.exit(0);
                    return;
                }
                const { readPriorOutcomes } = await import("../../run/prior-outcomes");
                const prior = options.after !== undefined ? readPriorOutcomes(options.after, operation) : undefined;
                // Signals are handled before anything heavy loads, so an early Ctrl-C also ends
                // the run through the cancellation path (exit 130, nothing new started).
                const processes = new CliProcesses();
                const interrupts = handleInterrupts(ctx.reporter, processes);
                // Loaded here, not at the top: the automation API is heavy and `validate`/`graph` never need it.
                const { runEnvironment } = await import("../../driver");
                try {
                    const report = await runEnvironment({
                        ...selection,
                        env: options.env,
                        operation,
                        projectRoot: ctx.projectRoot,
                        edfHome: ctx.edfHome,
                        parallel,
                        reporter: ctx.reporter,
                        signal: interrupts.signal,
                        processes,
                        ...(prior ? { prior } : {}),
                    });
                    ctx.reporter.result(report, summaryTable(report));
                    ctx.exit(report.exitCode);
                } finally {
                    interrupts.dispose();
                }
            });
        },
    };
}

/** `edf preview|up|destroy|refresh|drift`. */
export const commands: CliCommand[] = [
    operationCommand("preview"),
    operationCommand("up"),
    operationCommand("destroy"),
    operationCommand("refresh"),
    operationCommand("drift"),
];
