import type { PolicySpec } from "../spec/types";

/** The pack every preview and up runs when the spec names none. */
export const DEFAULT_POLICY_PACK = "policy-packs/pipeline";

/**
 * The policy pack config document the CLI reads with `--policy-pack-config`:
 * `{ "all": <level>, "<policy>": { "enforcementLevel": <level>, ...properties } }`.
 * Built from the environment's `policy.enforcement` overrides and `policy.config`.
 */
export function policyPackConfig(policy: PolicySpec | undefined): Record<string, unknown> {
    const document: Record<string, unknown> = {};
    for (const [id, level] of Object.entries(policy?.enforcement ?? {})) {
        document[id] = id === "all" ? level : { enforcementLevel: level };
    }
    for (const [id, properties] of Object.entries(policy?.config ?? {})) {
        const existing = document[id];
        document[id] = { ...(typeof existing === "object" && existing !== null ? existing : {}), ...properties };
    }
    return document;
}
