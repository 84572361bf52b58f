import * as path from "path";
import { waiverPackConfig } from "../../policy-packs/lib/engine-waivers";
import { loadWaiverFiles } from "../../policy-packs/lib/waivers";
import type { PolicySpec } from "../spec/types";
import { loadPolicyList, POLICY_LIST_MODULE } from "../synth/inspection";
import { PROJECT_ROOT } from "../../unit/load";

/** The pack every preview and up runs when the spec names none. */
export const DEFAULT_POLICY_PACK = "policy-packs/pipeline";

/**
 * The policy pack config document the CLI reads with `--policy-pack-config`:
 * `{ "all": <level>, "<policy>": { "enforcementLevel": <level>, ...properties } }`.
 * Built from the environment's `policy.enforcement` overrides and `policy.config`, plus the
 * spec's waivers (`policy.waivers`, absolute paths once the spec is loaded) as data: each
 * waived policy gets its waivers, `edf-waivers` gets all (policy-packs/lib/engine-waivers.ts),
 * so the engine waives exactly what `edf synth` and the harness waive.
 */
export function policyPackConfig(policy: PolicySpec | undefined, projectRoot: string = PROJECT_ROOT): Record<string, unknown> {
    const document: Record<string, unknown> = {};
    for (const [id, level] of Object.entries(policy?.enforcement ?? {})) {
        document[id] = id === "all" ? level : { enforcementLevel: level };
    }
    for (const entries of [policy?.config ?? {}, engineWaivers(policy, projectRoot)]) {
        for (const [id, properties] of Object.entries(entries)) {
            const existing = document[id];
            document[id] = { ...(typeof existing === "object" && existing !== null ? existing : {}), ...properties };
        }
    }
    return document;
}

/** The waiver entries of the pack config; the spec loader has already checked the files. */
function engineWaivers(policy: PolicySpec | undefined, projectRoot: string): Record<string, Record<string, unknown>> {
    const listed = policy?.waivers;
    const files = typeof listed === "string" ? [listed] : [...(listed ?? [])];
    if (files.length === 0) return {};
    const policies = loadPolicyList(path.join(projectRoot, policy?.pack ?? DEFAULT_POLICY_PACK, POLICY_LIST_MODULE));
    return waiverPackConfig(
        loadWaiverFiles(
            files.map((f) => path.resolve(projectRoot, f)),
            policies,
        ),
    );
}
