import type { PolicyPackConfig } from "@pulumi/policy";
import { buildPackConfig, PolicyConfigValues } from "./config";
import { waiverPackConfig } from "./engine-waivers";
import type { EnforcementSettings } from "./enforcement";
import type { PolicyDefinition } from "./model";
import type { Waiver } from "./waiver-rules";

/**
 * What decides a verdict in one environment, as data: the spec's enforcement, config and
 * waivers. The driver resolves it from the environment spec (automation/policy); a bundled
 * pack carries it for every environment in {@link ENVIRONMENTS_FILE}, so a pack published
 * to an organisation judges each stack with its environment's settings, with no driver around.
 */
export interface EnvironmentSettings {
    readonly enforcement: EnforcementSettings;
    readonly config: PolicyConfigValues;
    readonly waivers: readonly Waiver[];
}

/** The file beside a bundled pack's entry point: environment name → {@link EnvironmentSettings}. */
export const ENVIRONMENTS_FILE = "edf-environments.json";

/** The stack tag that names a stack's environment (the driver sets it; set it by hand on other stacks). */
export const ENVIRONMENT_TAG = "edf:environment";

export interface EngineDocumentOptions extends EnvironmentSettings {
    readonly policies: readonly PolicyDefinition[];
    readonly environment: string;
    /** The day levels are decided for (`enforceAfter`). */
    readonly now: Date;
}

/**
 * The engine's policy pack config for one environment: per policy its resolved level and its
 * config (`buildPackConfig`, what the harness runs with), plus the waivers as data. The driver
 * writes it for `--policy-pack-config`; a bundled pack builds the very same document itself.
 */
export function engineDocument(options: EngineDocumentOptions): { packConfig: PolicyPackConfig; document: Record<string, unknown> } {
    const packConfig = buildPackConfig(options);
    return { packConfig, document: mergeConfig(packConfig, waiverPackConfig(options.waivers)) };
}

/** Policy-keyed config documents merged property by property (the later wins). */
function mergeConfig(...documents: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const document of documents) {
        for (const [id, entry] of Object.entries(document)) {
            const existing = out[id];
            out[id] = { ...(typeof existing === "object" && existing !== null ? existing : {}), ...(entry as Record<string, unknown>) };
        }
    }
    return out;
}

/**
 * The environment a stack belongs to, for a pack with no driver around it: the stack's
 * `edf:environment` tag, else the driver's stack-name convention `<environment>.<unit>` read
 * from a URN (`urn:pulumi:<stack>::<project>::…`). Undefined when neither says.
 */
export function environmentOfStack(tags: ReadonlyMap<string, string>, urn: string | undefined): string | undefined {
    const tagged = tags.get(ENVIRONMENT_TAG);
    if (tagged) return tagged;
    const stack = urn?.startsWith("urn:pulumi:") ? urn.slice("urn:pulumi:".length).split("::")[0] : undefined;
    const dot = stack?.indexOf(".") ?? -1;
    return stack && dot > 0 ? stack.slice(0, dot) : undefined;
}
