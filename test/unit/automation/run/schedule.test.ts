import * as assert from "assert";
import { runSchedule } from "../../../../automation/run/schedule";
import { diamondGraph as graph } from "../support/diamond-graph";

interface Trace {
    readonly events: string[];
    maxRunning: number;
}

/** A fake stack operation: records start/end, fails the units in `failing`, yields between. */
function schedule(options: {
    parallel: number;
    failing?: string[];
    reverse?: boolean;
    abortAfterStarts?: number;
    skipOnFailure?: boolean;
}) {
    const trace: Trace = { events: [], maxRunning: 0 };
    const controller = new AbortController();
    let running = 0;
    let starts = 0;
    const results = runSchedule<string>({
        graph,
        units: graph.units,
        reverse: options.reverse ?? false,
        parallel: options.parallel,
        signal: controller.signal,
        run: async (unit) => {
            running++;
            starts++;
            trace.maxRunning = Math.max(trace.maxRunning, running);
            trace.events.push(`start ${unit}`);
            if (options.abortAfterStarts && starts === options.abortAfterStarts) {
                controller.abort();
            }
            await new Promise((r) => setImmediate(r));
            running--;
            trace.events.push(`end ${unit}`);
            const failed = options.failing?.includes(unit) ?? false;
            // A failure holds back its dependents unless the command is read-only (refresh, drift).
            return { result: failed ? "failed" : "succeeded", holdsBack: failed && (options.skipOnFailure ?? true) };
        },
        skipped: (_unit, blocker) => `skipped by ${blocker}`,
        notStarted: () => "not started",
    });
    return { results, trace };
}

function before(events: string[], a: string, b: string): boolean {
    return events.indexOf(a) >= 0 && events.indexOf(a) < events.indexOf(b);
}

describe("the graph scheduler", () => {
    it("starts a unit only after everything it depends on ended", async () => {
        const { results, trace } = schedule({ parallel: 8 });
        await results;
        for (const [from, to] of [
            ["base", "left"],
            ["base", "right"],
            ["left", "join"],
            ["right", "join"],
        ]) {
            assert.ok(before(trace.events, `end ${from}`, `start ${to}`), `${from} before ${to}: ${trace.events.join(", ")}`);
        }
    });

    it("runs independent units at once, never more than the limit", async () => {
        const wide = schedule({ parallel: 8 });
        await wide.results;
        assert.ok(wide.trace.maxRunning >= 2, "independent units overlapped");
        const two = schedule({ parallel: 2 });
        await two.results;
        assert.strictEqual(two.trace.maxRunning, 2);
        const narrow = schedule({ parallel: 1 });
        await narrow.results;
        assert.strictEqual(narrow.trace.maxRunning, 1);
    });

    it("skips everything downstream of a failure and lets the rest finish", async () => {
        const { results } = schedule({ parallel: 2, failing: ["left"] });
        const map = await results;
        assert.strictEqual(map.get("left"), "failed");
        assert.strictEqual(map.get("join"), "skipped by left");
        assert.strictEqual(map.get("right"), "succeeded");
        assert.strictEqual(map.get("lone"), "succeeded");
    });

    it("runs dependents first in reverse (destroy) order", async () => {
        const { results, trace } = schedule({ parallel: 4, reverse: true });
        await results;
        assert.ok(before(trace.events, "end join", "start left"));
        assert.ok(before(trace.events, "end left", "start base"));
        assert.ok(before(trace.events, "end right", "start base"));
    });

    it("does not skip downstream units of read-only operations", async () => {
        const map = await schedule({ parallel: 2, failing: ["base"], skipOnFailure: false }).results;
        assert.strictEqual(map.get("join"), "succeeded");
    });

    it("starts nothing new once aborted, lets running units end and marks the rest not started", async () => {
        const { results, trace } = schedule({ parallel: 1, abortAfterStarts: 1 });
        const map = await results;
        assert.deepStrictEqual(trace.events, ["start base", "end base"]);
        assert.strictEqual(map.get("base"), "succeeded");
        for (const unit of ["left", "right", "join", "lone"]) {
            assert.strictEqual(map.get(unit), "not started");
        }
    });
});
