import * as assert from "assert";
import { AheadTask, AheadWork, widestLayer } from "../../../../automation/engine/ahead";
import { diamondGraph as graph } from "../support/diamond-graph";

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

/** Tasks that record when they start and end, each taking a few ticks. */
function recording(units: readonly string[], events: string[], fail: ReadonlySet<string> = new Set()): AheadTask[] {
    return units.map((unit) => ({
        unit,
        run: async () => {
            events.push(`start ${unit}`);
            await tick();
            events.push(`end ${unit}`);
            if (fail.has(unit)) throw new Error(`${unit} failed`);
        },
    }));
}

describe("work done ahead of a run's stacks", () => {
    it("runs its tasks one at a time, in the order given, a failing one not stopping the rest", async () => {
        const all: string[] = [];
        const complete = new AheadWork(recording(["left", "right", "join"], all, new Set(["left"])), graph, new AbortController().signal);
        while (all.length < 6) await tick();
        await complete.stop();
        assert.deepStrictEqual(all, ["start left", "end left", "start right", "end right", "start join", "end join"]);
    });

    it("prepares nothing for a stack downstream, however far, of a stack that failed", async () => {
        const events: string[] = [];
        const ahead = new AheadWork(recording(["left", "join", "lone"], events), graph, new AbortController().signal);
        ahead.holdBack("base");
        while (!events.includes("end lone")) await tick();
        await ahead.stop();
        assert.deepStrictEqual(events, ["start lone", "end lone"]);
    });

    it("starts nothing after the run is interrupted, and stop waits for the task under way", async () => {
        const events: string[] = [];
        const controller = new AbortController();
        const ahead = new AheadWork(recording(["left", "right", "join"], events), graph, controller.signal);
        while (!events.includes("start left")) await tick();
        controller.abort();
        await ahead.stop();
        assert.deepStrictEqual(events, ["start left", "end left"]);
    });

    it("counts the widest layer of the selected stacks: how many can run at once", () => {
        assert.strictEqual(widestLayer(graph, ["base", "left", "right", "join", "lone"]), 2);
        assert.strictEqual(widestLayer(graph, ["left", "right", "lone"]), 3, "unselected upstreams do not count");
        // The run ignores edges to stacks it does not select: these two may run side by side.
        assert.strictEqual(widestLayer(graph, ["base", "join"]), 2);
        assert.strictEqual(widestLayer(graph, []), 0);
    });
});
