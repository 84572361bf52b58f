import Ajv, { ValidateFunction } from "ajv";
import type { PolicyPackConfig } from "@pulumi/policy";
import { EnforcementSettings, resolveEnforcementLevel, validateEnforcementSettings } from "./enforcement";
import type { PolicyDefinition } from "./model";

/** User config for a pack: per policy id, values for its config schema. */
export type PolicyConfigValues = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new WeakMap<PolicyDefinition, ValidateFunction>();

function validatorFor(policy: PolicyDefinition): ValidateFunction {
    let v = validators.get(policy);
    if (!v) {
        v = ajv.compile({ type: "object", additionalProperties: false, ...(policy.configSchema ?? { properties: {} }) });
        validators.set(policy, v);
    }
    return v;
}

/** The defaults a policy's config schema declares (what the engine fills in before `configure`). */
export function schemaDefaults(policy: PolicyDefinition): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
        if (typeof schema === "object" && schema !== null && "default" in schema) out[key] = structuredClone(schema.default);
    }
    return out;
}

/**
 * Checks user config against the pack: every key a known policy id, every value valid for
 * that policy's schema. Returns one message per problem, naming the source and the path.
 */
export function validatePolicyConfig(policies: readonly PolicyDefinition[], config: unknown, source = "policy config"): string[] {
    if (typeof config !== "object" || config === null || Array.isArray(config)) return [`${source} must be an object keyed by policy id.`];
    const byId = new Map(policies.map((p) => [p.id, p]));
    const problems: string[] = [];
    for (const [id, values] of Object.entries(config)) {
        const policy = byId.get(id);
        if (!policy) {
            problems.push(
                `${source}: \`${id}\` is not a policy of this pack; check the spelling (known ids: ${[...byId.keys()].sort().join(", ")}).`,
            );
            continue;
        }
        if (typeof values !== "object" || values === null || Array.isArray(values)) {
            problems.push(`${source}: \`${id}\` must be an object of config values.`);
            continue;
        }
        const { enforcementLevel: _level, ...rest } = values as Record<string, unknown>;
        const validate = validatorFor(policy);
        if (!validate(rest)) {
            for (const err of validate.errors ?? []) {
                const path = `${id}${err.instancePath.replace(/\//g, ".")}`;
                const extra =
                    err.keyword === "additionalProperties"
                        ? ` \`${String((err.params as { additionalProperty?: string }).additionalProperty)}\`; ` +
                          `known: ${Object.keys(policy.configSchema?.properties ?? {}).join(", ") || "none"}`
                        : "";
                problems.push(`${source}: \`${path}\` ${err.message ?? "is invalid"}${extra}.`);
            }
        }
    }
    return problems;
}

export interface PackConfigOptions {
    readonly policies: readonly PolicyDefinition[];
    /** Environment name, e.g. `dev`, `prod`. */
    readonly environment: string;
    readonly enforcement?: EnforcementSettings;
    readonly config?: PolicyConfigValues;
    /** The day enforcement is decided for (`enforceAfter`). @default - now */
    readonly now?: Date;
}

/** Thrown for bad config or enforcement input; `problems` lists every issue at once. */
export class PolicyInputError extends Error {
    readonly code = "EDF_POLICY_INPUT_INVALID";
    constructor(readonly problems: readonly string[]) {
        super(`Invalid policy input:\n- ${problems.join("\n- ")}`);
    }
}

/**
 * The pack config for one environment: per policy its resolved enforcement level plus its
 * config (schema defaults, then the environment name for policies that take one, then the
 * user's values). Written as JSON it is exactly what `--policy-pack-config` and the automation
 * API's `policyPackConfigs` take, and the harness runs from the very same object.
 */
export function buildPackConfig(options: PackConfigOptions): PolicyPackConfig {
    const ids = options.policies.map((p) => p.id);
    const problems = [
        ...validatePolicyConfig(options.policies, options.config ?? {}),
        ...validateEnforcementSettings(options.enforcement ?? {}, ids),
    ];
    if (typeof options.environment !== "string" || options.environment.length === 0)
        problems.push("`environment` must name the environment, e.g. `dev` or `prod`.");
    if (problems.length > 0) throw new PolicyInputError(problems);
    const now = options.now ?? new Date();
    const out: PolicyPackConfig = {};
    for (const policy of options.policies) {
        const envValue = policy.configSchema?.properties?.environment ? { environment: options.environment } : {};
        out[policy.id] = {
            ...schemaDefaults(policy),
            ...envValue,
            ...(options.config?.[policy.id] ?? {}),
            enforcementLevel: resolveEnforcementLevel(policy, options.environment, options.enforcement, now),
        };
    }
    return out;
}
