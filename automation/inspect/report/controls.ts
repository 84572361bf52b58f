import { controlsByPolicy, FrameworkResult } from "../../../policy-packs/lib/frameworks";

/** A policy's controls in the report's frameworks, as one report line shows them. */
export interface ControlLabel {
    /** `<framework>:<control>` tokens, for text search (`pci-dss-4.0.1:2.2.6 nist-800-53-r5:AC-6`). */
    readonly tokens: string;
    /** Per framework, its id and the controls the policy evidences. */
    readonly cited: readonly { readonly framework: string; readonly controls: readonly string[] }[];
}

/**
 * Per policy, the controls it evidences in the frameworks the environment chose
 * (`policy.frameworks`): the mapping files say which controls a policy evidences, never the policy.
 */
export function controlLabels(frameworks: readonly FrameworkResult[]): Map<string, ControlLabel> {
    const out = new Map<string, ControlLabel>();
    for (const [policy, cited] of controlsByPolicy(frameworks)) {
        const named = cited.map((c) => ({ framework: frameworks[c.framework]!.id, controls: c.controls }));
        out.set(policy, {
            tokens: named.flatMap((c) => c.controls.map((id) => `${c.framework}:${id}`)).join(" "),
            cited: named,
        });
    }
    return out;
}

/** `pci-dss-4.0.1 2.2.6, 7.2.1; nist-800-53-r5 AC-6` for a table cell; empty when the policy maps to no chosen framework. */
export function controlsText(label: ControlLabel | undefined): string {
    return (label?.cited ?? []).map((c) => `${c.framework} ${c.controls.join(", ")}`).join("; ");
}
