import { dependenciesOf, StackGraph, upstreamOf } from "../graph/graph";
import { inBackground } from "./pulumi-command";

/** One piece of work done ahead: what it is for (a unit, or none) and the work. */
export interface AheadTask {
    /** The stack it prepares: skipped once a stack it needs has failed. */
    readonly unit?: string;
    readonly run: () => Promise<unknown>;
}

/**
 * Work of a run that does not need any stack's outputs, done while the stacks above deploy:
 * creating and tagging the stacks still to come, starting the policy analyzer, loading program
 * hosts. The graph makes each layer's CPU wait for the layer above; this fills those waits.
 *
 * One task at a time, in the order given (the run's dependency order: the next layer first),
 * its CLI processes at a lower priority than the run's own (`inBackground`). Everything it
 * does is idempotent and shared with the stack's own run: a stack that starts before its task
 * did does the work itself, and the task then finds it done. A task that fails changes nothing
 * the run relies on — the stack's own run tries again and reports the error. No new task starts
 * after `stop`, after an interrupt, or for a stack downstream of one that failed.
 */
export class AheadWork {
    private readonly failed = new Set<string>();
    private stopped = false;
    private readonly done: Promise<void>;

    constructor(
        private readonly tasks: readonly AheadTask[],
        private readonly graph: StackGraph,
        private readonly signal: AbortSignal,
    ) {
        this.done = this.work();
    }

    /** A stack of the run ended in a way that holds back its dependents: nothing more is prepared for them. */
    holdBack(unit: string): void {
        this.failed.add(unit);
    }

    /** Starts nothing more and waits for the task under way (no CLI process outlives the run). */
    async stop(): Promise<void> {
        this.stopped = true;
        await this.done;
    }

    private async work(): Promise<void> {
        // Let the run's first stack start its own work first.
        await new Promise<void>((resolve) => setImmediate(resolve));
        for (const task of this.tasks) {
            if (this.stopped || this.signal.aborted) return;
            if (task.unit !== undefined && this.heldBack(task.unit)) continue;
            try {
                await inBackground(task.run);
            } catch {
                // The stack's own run does it again and reports what fails.
            }
        }
    }

    /** Whether a stack `unit` needs, however far up, has failed in this run. */
    private heldBack(unit: string): boolean {
        return upstreamOf(this.graph, unit).some((upstream) => this.failed.has(upstream));
    }
}

/**
 * How many stacks of `units` can run at once at most, by dependency depth: the widest layer
 * (stacks at the same depth never wait on each other). What the program hosts are warmed for.
 */
export function widestLayer(graph: StackGraph, units: readonly string[]): number {
    const selected = new Set(units);
    const depth = new Map<string, number>();
    const depthOf = (unit: string): number => {
        const known = depth.get(unit);
        if (known !== undefined) return known;
        const d =
            Math.max(
                -1,
                ...dependenciesOf(graph, unit)
                    .filter((u) => selected.has(u))
                    .map(depthOf),
            ) + 1;
        depth.set(unit, d);
        return d;
    };
    const counts = new Map<number, number>();
    for (const unit of units) counts.set(depthOf(unit), (counts.get(depthOf(unit)) ?? 0) + 1);
    return Math.max(0, ...counts.values());
}
