import { dependenciesOf, dependentsOf, StackGraph } from "../graph/graph";

export interface ScheduleOptions<R> {
    readonly graph: StackGraph;
    /** The selected units; edges to unselected units are ignored. */
    readonly units: readonly string[];
    /** Destroy order: a unit waits for its dependents instead of its dependencies. */
    readonly reverse: boolean;
    /** At most this many units run at once. */
    readonly parallel: number;
    readonly signal: AbortSignal;
    /** Runs one unit; resolves with its result and whether it holds back the units waiting on it. */
    run(unit: string): Promise<{ result: R; holdsBack: boolean }>;
    /** The result of a unit skipped because `blocker` failed or was skipped. */
    skipped(unit: string, blocker: string): R;
    /** The result of a unit never started because the run was interrupted. */
    notStarted(unit: string): R;
}

/**
 * Runs units in dependency order with a parallelism limit. A unit starts once every
 * unit it waits on has finished without holding them back; when one holds them back,
 * everything downstream of it is skipped while independent units go on. After an abort nothing new starts; running units
 * finish (their operations are cancelled by the same signal).
 */
export async function runSchedule<R>(options: ScheduleOptions<R>): Promise<Map<string, R>> {
    const selected = new Set(options.units);
    const waitsOn = (unit: string): string[] =>
        (options.reverse ? dependentsOf(options.graph, unit) : dependenciesOf(options.graph, unit)).filter((u) => selected.has(u));
    const feeds = (unit: string): string[] =>
        (options.reverse ? dependenciesOf(options.graph, unit) : dependentsOf(options.graph, unit)).filter((u) => selected.has(u));

    const results = new Map<string, R>();
    const settled = new Set<string>();
    const pending = [...options.units];
    const running = new Map<string, Promise<void>>();
    const limit = Math.max(1, options.parallel);
    const aborted = abortPromise(options.signal);

    const skipDownstream = (unit: string): void => {
        for (const next of feeds(unit)) {
            if (!results.has(next) && !running.has(next)) {
                results.set(next, options.skipped(next, unit));
                settled.add(next);
                pending.splice(pending.indexOf(next), 1);
                skipDownstream(next);
            }
        }
    };

    while (pending.length > 0 || running.size > 0) {
        if (!options.signal.aborted) {
            for (const unit of [...pending]) {
                if (running.size >= limit) {
                    break;
                }
                const blockers = waitsOn(unit);
                if (blockers.every((b) => settled.has(b))) {
                    pending.splice(pending.indexOf(unit), 1);
                    const task = options.run(unit).then(
                        ({ result, holdsBack }) => {
                            results.set(unit, result);
                            settled.add(unit);
                            if (holdsBack) {
                                skipDownstream(unit);
                            }
                        },
                        (error: unknown) => {
                            // `run` reports failures as results; a rejection is a driver bug, surface it.
                            throw error;
                        },
                    );
                    running.set(
                        unit,
                        task.finally(() => running.delete(unit)),
                    );
                }
            }
        }
        if (running.size === 0) {
            // Nothing can start: either interrupted or (defensively) a blocked remainder.
            for (const unit of pending.splice(0)) {
                results.set(unit, options.notStarted(unit));
            }
            break;
        }
        await Promise.race([...running.values(), aborted]);
        if (options.signal.aborted) {
            await Promise.all(running.values());
        }
    }
    return results;
}

function abortPromise(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
        if (signal.aborted) {
            resolve();
        } else {
            signal.addEventListener("abort", () => resolve(), { once: true });
        }
    });
}
