import type { LoadedSpec, PolicySpec } from "../spec/types";
import { DEFAULT_POLICY_PACK, DEFAULT_RUNTIME_PACK } from "./pack";

/**
 * Where a spec keeps one pack's settings. The pipeline pack's are `policy` (synth, preview, up);
 * the runtime pack's are `inspect.policy` (`edf inspect`). Both are resolved, checked and their
 * waiver files read by the same code, told apart only by this.
 */
export interface PolicySection {
    /** JSON pointer of the section, for messages (`/policy`). */
    readonly pointer: string;
    readonly settings: (spec: LoadedSpec["spec"]) => PolicySpec | undefined;
    readonly defaultPack: string;
}

export const PIPELINE_POLICY: PolicySection = { pointer: "/policy", settings: (spec) => spec.policy, defaultPack: DEFAULT_POLICY_PACK };
export const RUNTIME_POLICY: PolicySection = {
    pointer: "/inspect/policy",
    settings: (spec) => spec.inspect?.policy,
    defaultPack: DEFAULT_RUNTIME_PACK,
};
