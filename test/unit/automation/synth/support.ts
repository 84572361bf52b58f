import * as path from "path";
import { MemoryReporter } from "../../../../automation/reporter";
import type { EvaluationJob } from "../../../../automation/synth/evaluate";
import { InThreadEvaluator } from "../../../../automation/synth/pool";
import { synthEnvironment, SynthOptions, SynthRun } from "../../../../automation/synth/synth";
import { partitionOf, SynthWorld } from "../../../../automation/synth/synth-world";

/** The miniature project whose `services/*` units these tests evaluate. */
export const FIXTURE_PROJECT = path.resolve(__dirname, "..", "..", "..", "fixtures", "synth", "project");

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
        config: {
            "edf:unit": `services/${unit}`,
            "edf:environment": environment,
            "aws:region": "eu-west-1",
            "aws:defaultTags": JSON.stringify({ tags: { owner: "team-test" } }),
            ...(overrides.config ?? {}),
        },
        secretKeys: [],
        world: worldFor(stack),
        upstream: {},
        environmentStacks: [stack],
        ...overrides,
        ...(overrides.config ? { config: { "edf:unit": `services/${unit}`, "edf:environment": environment, ...overrides.config } } : {}),
    };
}

const ENVIRONMENTS = path.join(FIXTURE_PROJECT, "environments");
/** The day fixture runs are decided for. */
export const DAY = "2026-11-27";

/** Synth of a fixture estate (`environments/<name>.yaml` of the fixture project) in this thread, decided for {@link DAY}. */
export function synthFixture(name: string, extra: Partial<SynthOptions> = {}): Promise<SynthRun> {
    return synthEnvironment({
        env: path.join(ENVIRONMENTS, `${name}.yaml`),
        projectRoot: FIXTURE_PROJECT,
        reporter: new MemoryReporter(),
        evaluator: new InThreadEvaluator(),
        date: DAY,
        environment: {},
        ...extra,
    });
}
