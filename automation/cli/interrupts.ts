import { CliProcesses } from "../engine/cli-processes";
import type { Reporter } from "../reporter";

/**
 * SIGINT/SIGTERM handling for every command that runs stacks (synth, the engine operations):
 * the one place interrupts are handled. The first signal aborts the run: nothing new starts,
 * the run ends `interrupted` (exit 130), and each running Pulumi CLI gets one SIGINT, which
 * makes it finish in-flight resource operations, write the state and release the stack lock.
 * A second signal kills the CLIs outright (the next run removes their stale locks) and exits
 * 130. Returns the signal to pass to the run and a disposer.
 */
export function handleInterrupts(
    reporter: Reporter,
    processes: CliProcesses = new CliProcesses(),
): { signal: AbortSignal; dispose(): void } {
    const controller = new AbortController();
    let count = 0;
    const onSignal = (name: NodeJS.Signals): void => {
        count++;
        if (count === 1) {
            const engine = processes.size > 0 ? ` and ${processes.size} running engine operation(s)` : "";
            reporter.warn(`${name}: cancelling the run${engine}; send it again to stop immediately`);
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
