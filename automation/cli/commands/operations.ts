import { DEFAULT_PARALLEL, Operation } from "../../engine/types";
import { summaryTable } from "../../engine/report";
import { CliCommand, environmentOptions, parseParallel, selectionOf } from "../context";
import { CliProcesses } from "../../engine/cli-processes";
import { handleInterrupts } from "../interrupts";

const DESCRIPTIONS: Record<Operation, string> = {
    preview: "preview every selected stack in dependency order, with the policy pack",
    up: "deploy the selected stacks in dependency order, in parallel, with the policy pack",
    destroy: "destroy the selected stacks in reverse dependency order",
    refresh: "refresh the selected stacks' state from the real resources",
    drift: "detect drift (a refresh preview); exit code 4 when anything drifted",
};

function operationCommand(operation: Operation): CliCommand {
    return {
        register(program, context) {
            environmentOptions(program.command(operation).description(DESCRIPTIONS[operation]))
                .option("-p, --parallel <n>", "stacks at once", String(DEFAULT_PARALLEL))
                .action(
                    async (options: {
                        env: string;
                        parallel: string;
                        only?: string[];
                        withDependencies?: boolean;
                        withDependents?: boolean;
                    }) => {
                        const ctx = context();
                        const parallel = parseParallel(options.parallel);
                        const selection = selectionOf(options);
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
                            });
                            ctx.reporter.result(report, summaryTable(report));
                            ctx.exit(report.exitCode);
                        } finally {
                            interrupts.dispose();
                        }
                    },
                );
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
