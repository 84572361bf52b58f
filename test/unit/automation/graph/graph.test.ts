import * as assert from "assert";
import { buildGraph, findCycle, selectUnits, topologicalOrder, upstreamOf } from "../../../../automation/graph/graph";
import { diamondGraph } from "../support/diamond-graph";
import { toDot, toMermaid } from "../../../../automation/graph/render";
import { EdfError } from "../../../../automation/errors";
import type { EnvironmentSpec } from "../../../../automation/spec/types";

const spec: EnvironmentSpec = {
    environment: "dev",
    units: {
        security: { path: "platform/security" },
        network: { path: "platform/network", inputs: { logsKmsKeyArn: { from: "stack", unit: "security", output: "logsKmsKeyArn" } } },
        shared: { path: "platform/shared-services", dependsOn: ["network", "security"] },
        api: { path: "services/api", dependsOn: ["shared"], inputs: { vpc: { from: "stack", unit: "network", output: "vpcId" } } },
        worker: { path: "services/worker", dependsOn: ["shared"] },
    },
};

describe("the stack graph", () => {
    it("takes edges from dependsOn and from inputs that read another stack's outputs", () => {
        const graph = buildGraph(spec);
        assert.deepStrictEqual(graph.edges.map((e) => `${e.from}->${e.to} (${e.reasons.join(", ")})`).sort(), [
            "network->api (input vpc)",
            "network->shared (dependsOn)",
            "security->network (input logsKmsKeyArn)",
            "security->shared (dependsOn)",
            "shared->api (dependsOn)",
            "shared->worker (dependsOn)",
        ]);
    });

    it("orders units dependencies first, keeping spec order among independent units", () => {
        assert.deepStrictEqual(topologicalOrder(buildGraph(spec)), ["security", "network", "shared", "api", "worker"]);
    });

    it("rejects a cycle and prints it", () => {
        const cyclic: EnvironmentSpec = {
            environment: "dev",
            units: {
                a: { path: "x/a", dependsOn: ["c"] },
                b: { path: "x/b", dependsOn: ["a"] },
                c: { path: "x/c", inputs: { v: { from: "stack", unit: "b", output: "v" } } },
            },
        };
        assert.throws(
            () => buildGraph(cyclic),
            (error: unknown) => error instanceof EdfError && error.code === "EDF_CYCLE" && /a → b → c → a/.test(error.message),
        );
        assert.strictEqual(findCycle(buildGraph(spec)), undefined);
    });

    it("selects --only units alone, with their dependencies, or with their dependents", () => {
        const graph = buildGraph(spec);
        assert.deepStrictEqual(selectUnits(graph, { only: ["shared"] }), ["shared"]);
        assert.deepStrictEqual(selectUnits(graph, { only: ["shared"], withDependencies: true }), ["security", "network", "shared"]);
        assert.deepStrictEqual(selectUnits(graph, { only: ["network"], withDependents: true }), ["network", "shared", "api", "worker"]);
        assert.deepStrictEqual(selectUnits(graph, {}), graph.units);
    });

    it("rejects an unknown --only unit and suggests the closest name", () => {
        assert.throws(
            () => selectUnits(buildGraph(spec), { only: ["netwrk"] }),
            (error: unknown) =>
                error instanceof EdfError &&
                error.code === "EDF_SELECTION_INVALID" &&
                /did you mean `network`/.test(error.problems[0]!.fix!),
        );
    });

    it("renders Mermaid and DOT with the input edges labelled", () => {
        const graph = buildGraph(spec);
        const mermaid = toMermaid(graph, { paths: { shared: "platform/shared-services" } });
        assert.match(mermaid, /^flowchart TD\n/);
        assert.match(mermaid, /security -->\|input logsKmsKeyArn\| network/);
        assert.match(mermaid, /shared\["shared<br\/>platform\/shared-services"\]/);
        const dot = toDot(graph);
        assert.match(dot, /"security" -> "network" \[label="input logsKmsKeyArn"\];/);
        assert.match(dot, /"shared" -> "worker";/);
    });

    it("lists every unit a unit needs, however far up, nearest first and each once", () => {
        assert.deepStrictEqual(upstreamOf(diamondGraph, "join"), ["left", "right", "base"]);
        assert.deepStrictEqual(upstreamOf(diamondGraph, "left"), ["base"]);
        assert.deepStrictEqual(upstreamOf(diamondGraph, "lone"), []);
    });
});
