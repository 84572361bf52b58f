import * as assert from "assert";
import { modelledWallMs } from "../../../../bench/support/schedule-model";

const near = (actual: number, expected: number): void =>
    assert.ok(Math.abs(actual - expected) <= 30, `${actual} ms, expected ≈ ${expected} ms`);

describe("the benchmark's schedule model", () => {
    it("runs a chain one stack after the other: each stack's CPU around its latency", () => {
        const stacks = [
            { name: "a", dependsOn: [], latencyMs: 1000 },
            { name: "b", dependsOn: ["a"], latencyMs: 500 },
        ];
        near(modelledWallMs({ stacks, cores: 2, cpuSeconds: 1, aheadCpuSeconds: 0 }), 3500);
    });

    it("shares the cores between stacks that can run, one core at most each", () => {
        const stacks = ["a", "b", "c", "d"].map((name) => ({ name, dependsOn: [], latencyMs: 0 }));
        near(modelledWallMs({ stacks, cores: 2, cpuSeconds: 1, aheadCpuSeconds: 0 }), 2000);
        near(modelledWallMs({ stacks: stacks.slice(0, 1), cores: 2, cpuSeconds: 1, aheadCpuSeconds: 0 }), 1000);
    });

    it("does the work ahead on the cores the stacks leave free, and what is left at the end on every core", () => {
        const one = [{ name: "a", dependsOn: [], latencyMs: 1000 }];
        near(modelledWallMs({ stacks: one, cores: 1, cpuSeconds: 0, aheadCpuSeconds: 0.8 }), 1000);
        near(modelledWallMs({ stacks: one, cores: 1, cpuSeconds: 0, aheadCpuSeconds: 1.5 }), 1500);
    });
});
