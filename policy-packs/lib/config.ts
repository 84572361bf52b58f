import type { ValidateFunction } from "ajv";
import type { PolicyPackConfig } from "@pulumi/policy";
import { EnforcementSettings, resolveEnforcementLevel, validateEnforcementSettings } from "./enforcement";
import type { PolicyDefinition } from "./model";
import { compileSchema } from "./schema-checker";

/** User config for a pack: per policy id, values for its config schema. */
export type PolicyConfigValues = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

const validators = new WeakMap<PolicyDefinition, ValidateFunction>();

function validatorFor(policy: PolicyDefinition): ValidateFunction {
    let v = validators.get(policy);
    if (!v) {
        v = compileSchema({ type: "object", additionalProperties: false, ...(policy.configSchema ?? { properties: {} }) });
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

/** One problem with user config: where (policy id, then the value's path), what, and the fix. */
export interface PolicyConfigProblem {
    readonly path: readonly string[];
    readonly message: string;
    readonly fix: string;
    /** Set when the key is a policy id the pack does not have (callers suggest a near one). */
    readonly unknownPolicy?: string;
}

/**
 * Checks user config against the pack: every key a known policy id, every value valid for
 * that policy's schema. One structured problem per mistake.
 */
export function policyConfigProblems(policies: readonly PolicyDefinition[], config: unknown): PolicyConfigProblem[] {
    if (typeof config !== "object" || config === null || Array.isArray(config))
        return [{ path: [], message: "must be an object keyed by policy id", fix: "write `<policy-id>: { <property>: <value> }`." }];
    const byId = new Map(policies.map((p) => [p.id, p]));
    const problems: PolicyConfigProblem[] = [];
    for (const [id, values] of Object.entries(config)) {
        const policy = byId.get(id);
        if (!policy) {
            problems.push({ path: [id], message: `\`${id}\` is not a policy of this pack`, fix: "check the spelling.", unknownPolicy: id });
            continue;
        }
        if (typeof values !== "object" || values === null || Array.isArray(values)) {
            problems.push({ path: [id], message: `\`${id}\` must be an object of config values`, fix: "write `{ <property>: <value> }`." });
            continue;
        }
        const { enforcementLevel: _level, ...rest } = values as Record<string, unknown>;
        const validate = validatorFor(policy);
        if (validate(rest)) continue;
        const known = Object.keys(policy.configSchema?.properties ?? {});
        for (const err of validate.errors ?? []) {
            const inner = err.instancePath.split("/").slice(1);
            if (err.keyword === "additionalProperties") {
                const extra = String((err.params as { additionalProperty?: string }).additionalProperty);
                problems.push({
                    path: [id, ...inner, extra],
                    message: `\`${[id, ...inner, extra].join(".")}\` is not a setting of \`${id}\``,
                    fix: known.length
                        ? `use one of: ${known.map((k) => `\`${k}\``).join(", ")}.`
                        : `\`${id}\` takes no settings: remove it.`,
                });
            } else {
                problems.push({
                    path: [id, ...inner],
                    message: `\`${[id, ...inner].join(".")}\` ${err.message ?? "is invalid"}`,
                    fix: `see \`${id}\`'s settings in docs/inspectors.md.`,
                });
            }
        }
    }
    return problems;
}

/**
 * Checks user config against the pack: every key a known policy id, every value valid for
 * that policy's schema. Returns one message per problem, naming the source and the path.
 */
export function validatePolicyConfig(policies: readonly PolicyDefinition[], config: unknown, source = "policy config"): string[] {
    return policyConfigProblems(policies, config).map((p) =>
        p.unknownPolicy !== undefined
            ? `${source}: \`${p.unknownPolicy}\` is not a policy of this pack; check the spelling ` +
              `(known ids: ${policies
                  .map((q) => q.id)
                  .sort()
                  .join(", ")}).`
            : `${source}: ${p.message}; ${p.fix}`,
    );
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
