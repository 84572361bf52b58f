import * as assert from "assert";
import { buildGraph, dependenciesOf, selectUnits, topologicalOrder } from "../../../../automation/graph/graph";
import { EdfError } from "../../../../automation/errors";
import type { EnvironmentSpec } from "../../../../automation/spec/types";

/** A chain of `n` units, each depending on the one before (`u0 → u1 → …`), optionally closed into a cycle. */
function chain(n: number, closed = false): EnvironmentSpec {
    const units: Record<string, EnvironmentSpec["units"][string]> = {};
    for (let i = 0; i < n; i++) {
        const dependsOn = i > 0 ? [`u${i - 1}`] : closed ? [`u${n - 1}`] : [];
        units[`u${i}`] = { path: "platform/network", ...(dependsOn.length ? { dependsOn } : {}) };
    }
    return { environment: "bench", units };
}

// Sizes, not times: a graph of 10,000 units is walked without recursion 10,000 deep (main's
// recursive cycle search exhausted the stack on this chain). Times are bench/spec-load.ts's.
describe("a stack graph of 10,000 units", () => {
    it("orders a 10,000-unit chain, dependencies first, without exhausting the stack", () => {
        const graph = buildGraph(chain(10_000));
        const order = topologicalOrder(graph);
        assert.strictEqual(order.length, 10_000);
        assert.strictEqual(order[0], "u0");
        assert.strictEqual(order[9_999], "u9999");
        assert.deepStrictEqual(dependenciesOf(graph, "u5000"), ["u4999"]);
        assert.strictEqual(selectUnits(graph, { only: ["u9999"], withDependencies: true }).length, 10_000);
    });

    it("names the whole cycle when the chain is closed", () => {
        assert.throws(
            () => buildGraph(chain(10_000, true)),
            (error: unknown) => error instanceof EdfError && error.code === "EDF_CYCLE" && error.message.split(" → ").length === 10_001,
        );
    });
});
