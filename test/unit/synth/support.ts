import * as path from "path";
import type { EvaluationJob } from "../../../automation/synth/evaluate";
import { partitionOf, SynthWorld } from "../../../automation/synth/mock-cloud";

/** The miniature project whose `services/*` units these tests evaluate. */
export const FIXTURE_PROJECT = path.resolve(__dirname, "..", "..", "fixtures", "synth", "project");

export function worldFor(stack: string, region = "eu-west-1", account = "111111111111"): SynthWorld {
    return { stack, region, account, partition: partitionOf(region), defaultTags: { owner: "team-test" } };
}

/** An evaluation job for a fixture unit; config keys as the driver writes them. */
export function jobFor(unit: string, overrides: Partial<EvaluationJob> = {}): EvaluationJob {
    const environment = overrides.environment ?? "dev";
    const stack = `${environment}.${unit}`;
    return {
        unit,
        unitPath: `services/${unit}`,
        projectRoot: FIXTURE_PROJECT,
        environment,
        stack,
        config: { "edf:unit": `services/${unit}`, "edf:environment": environment, "aws:region": "eu-west-1", "aws:defaultTags": JSON.stringify({ tags: { owner: "team-test" } }), ...(overrides.config ?? {}) },
        secretKeys: [],
        world: worldFor(stack),
        upstream: {},
        environmentStacks: [stack],
        ...overrides,
        ...(overrides.config ? { config: { "edf:unit": `services/${unit}`, "edf:environment": environment, ...overrides.config } } : {}),
    };
}
