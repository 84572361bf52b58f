import { buildGraph } from "../../../../automation/graph/graph";
import type { EnvironmentSpec } from "../../../../automation/spec/types";

/** base → (left, right) → join; lone is independent. The graph the scheduling tests run on. */
export const diamondSpec: EnvironmentSpec = {
    environment: "t",
    units: {
        base: { path: "x/base" },
        left: { path: "x/left", dependsOn: ["base"] },
        right: { path: "x/right", dependsOn: ["base"] },
        join: { path: "x/join", dependsOn: ["left", "right"] },
        lone: { path: "x/lone" },
    },
};

export const diamondGraph = buildGraph(diamondSpec);
