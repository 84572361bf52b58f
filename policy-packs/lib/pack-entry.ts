import type { Policies, PolicyPackConfig } from "@pulumi/policy";
import { buildPackConfig } from "./config";
import { waiverVerdictPolicy, withEngineWaivers } from "./engine-waivers";
import { PolicyDefinition, toPulumiPolicy } from "./model";

/**
 * What a pack's index.ts hands to `new PolicyPack`: the CrossGuard policies (each accepting
 * `waivers` in its config, plus the pack-level `edf-waivers` policy: see ./engine-waivers.ts),
 * and, when the process knows its environment (`EDF_ENVIRONMENT`, set by the driver), the
 * initial config with that environment's levels. An explicit `--policy-pack-config` still overrides it.
 */
export function packEntry(
    policies: readonly PolicyDefinition[],
    env: NodeJS.ProcessEnv,
): { policies: Policies; initialConfig?: PolicyPackConfig } {
    const environment = env.EDF_ENVIRONMENT;
    return {
        policies: [...policies.map((def) => withEngineWaivers(def, toPulumiPolicy(def))), waiverVerdictPolicy(policies)],
        ...(environment ? { initialConfig: buildPackConfig({ policies, environment }) } : {}),
    };
}
