// Kept apart from pulumi-command.ts so the CLI can hold it before the automation API loads.

/** The CLI processes the driver has running, so an interrupt can cancel them. */
export class CliProcesses {
    private readonly running = new Set<number>();

    add(pid: number): void {
        this.running.add(pid);
    }

    delete(pid: number): void {
        this.running.delete(pid);
    }

    get size(): number {
        return this.running.size;
    }

    /** Sends `signal` to each running CLI process (the CLI itself, not its plugins). */
    signalAll(signal: NodeJS.Signals): void {
        for (const pid of this.running) {
            try {
                process.kill(pid, signal);
            } catch {
                // Already gone.
            }
        }
    }
}
