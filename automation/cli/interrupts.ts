import type { CliProcesses } from "../engine/cli-processes";
import type { Reporter } from "../reporter";

/**
 * SIGINT/SIGTERM handling for commands that run stacks. The first signal aborts the
 * run: nothing new starts and each running CLI gets one SIGINT, which makes it finish
 * in-flight resource operations, write the state and release the stack lock. A second
 * signal kills the CLIs outright (the next run removes their stale locks) and exits.
 * Returns the signal to pass to the driver and a disposer.
 */
export function handleInterrupts(reporter: Reporter, processes: CliProcesses): { signal: AbortSignal; dispose(): void } {
    const controller = new AbortController();
    let count = 0;
    const onSignal = (name: NodeJS.Signals): void => {
        count++;
        if (count === 1) {
            reporter.warn(`${name}: cancelling ${processes.size} running operation(s); send it again to stop immediately`);
            controller.abort();
            return;
        }
        reporter.warn(`${name} again: killing the running pulumi processes`);
        processes.signalAll("SIGKILL");
        process.exit(130);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off("SIGINT", onSignal);
            process.off("SIGTERM", onSignal);
        },
    };
}
