/**
 * The wall time a good scheduler could reach for a graph of stacks on `cores` cores, in a simple
 * model built from measured figures — a tighter yardstick than max(critical path, CPU floor),
 * which assumes every CPU-second can run at any time.
 *
 * Each stack, once every stack it needs has finished, runs its own operation: `cpuSeconds / 2`
 * of CPU on at most one core (the CLI's start, the program, the policy calls), then its
 * `latencyMs` waiting on its resources (no CPU), then the other half (the engine's last steps,
 * the checkpoint). Work that needs no stack's outputs (`aheadCpuSeconds` a stack: creating it,
 * loading what it runs) may run from the start, on whatever core the stacks' own work leaves
 * free. The cores are shared evenly by the CPU phases that can run (processor sharing), in
 * time steps of `stepMs`. The model knows no parallelism limit and no scheduling cost: what it
 * gives is a wall time to aim at, not one any real run is promised — nor a lower bound: the
 * run-wide costs (the analyzer's start, the program threads) are spread evenly over the stacks,
 * so on a graph of two stacks (the smoke) a real run can beat it.
 */
export interface ModelStack {
    readonly name: string;
    readonly dependsOn: readonly string[];
    readonly latencyMs: number;
}

export interface ScheduleModel {
    readonly stacks: readonly ModelStack[];
    readonly cores: number;
    /** A stack's own operation's CPU (an `up` of a stack that exists: the redeploy's CPU per stack). */
    readonly cpuSeconds: number;
    /** A stack's CPU that may run ahead (the first deploy's CPU per stack beyond `cpuSeconds`). */
    readonly aheadCpuSeconds: number;
    readonly stepMs?: number;
}

type Phase = "waiting" | "cpu-before" | "latency" | "cpu-after" | "done";

/** The model's wall time (ms) for the whole graph. */
export function modelledWallMs(model: ScheduleModel): number {
    const step = model.stepMs ?? 10;
    const state = new Map(
        model.stacks.map((s) => [s.name, { phase: "waiting" as Phase, cpuLeft: (model.cpuSeconds * 1000) / 2, waitLeft: s.latencyMs }]),
    );
    let ahead = model.aheadCpuSeconds * 1000 * model.stacks.length;
    let now = 0;
    const limit = 1e8;
    while ([...state.values()].some((s) => s.phase !== "done")) {
        if (now > limit) throw new Error("the schedule model did not finish (a cycle in the graph?)");
        for (const stack of model.stacks) {
            const s = state.get(stack.name)!;
            if (s.phase === "waiting" && stack.dependsOn.every((d) => state.get(d)?.phase === "done")) s.phase = "cpu-before";
        }
        const running = [...state.values()].filter((s) => s.phase === "cpu-before" || s.phase === "cpu-after");
        // Each CPU phase gets an even share of the cores, at most one core.
        const share = running.length > 0 ? Math.min(1, model.cores / running.length) : 0;
        const spare = Math.max(0, model.cores - running.length * share);
        ahead = Math.max(0, ahead - spare * step);
        for (const s of state.values()) {
            if (s.phase === "cpu-before" || s.phase === "cpu-after") {
                s.cpuLeft -= share * step;
                if (s.cpuLeft <= 1e-9) {
                    if (s.phase === "cpu-before") {
                        s.phase = "latency";
                        s.cpuLeft = (model.cpuSeconds * 1000) / 2;
                    } else {
                        s.phase = "done";
                    }
                }
            } else if (s.phase === "latency") {
                s.waitLeft -= step;
                if (s.waitLeft <= 0) s.phase = "cpu-after";
            }
        }
        now += step;
    }
    // Work ahead left at the end still has to be done, on every core.
    return now + ahead / model.cores;
}
