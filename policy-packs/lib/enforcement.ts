import { isCalendarDate } from "./dates";
import type { EnforcementLevel, PolicyMetadata } from "./model";

/** A per-policy override inside one environment. */
export type LevelOverride = EnforcementLevel | { readonly level: EnforcementLevel; readonly enforceAfter?: string };

/** How one environment enforces the pack. */
export interface EnvironmentEnforcement {
    /**
     * `policy`: every policy at its own level (mandatory stays mandatory).
     * `advisory`: mandatory policies only warn (a developer environment).
     * @default "policy"
     */
    readonly mode?: "policy" | "advisory";
    /**
     * Per-policy levels, winning over the mode. `{ level: "advisory", enforceAfter: "2027-03-01" }`
     * warns until that date and blocks from it.
     * @default - none
     */
    readonly policies?: Readonly<Record<string, LevelOverride>>;
}

/** Enforcement for every environment, by environment name. */
export interface EnforcementSettings {
    readonly environments?: Readonly<Record<string, EnvironmentEnforcement>>;
}

/**
 * Built-in defaults: production environments enforce each policy's level; `dev` only advises.
 * Any other environment without settings is treated like production: a missing setting must
 * never loosen enforcement.
 */
export const DEFAULT_ENFORCEMENT: EnforcementSettings = {
    environments: {
        prod: { mode: "policy" },
        production: { mode: "policy" },
        dev: { mode: "advisory" },
        development: { mode: "advisory" },
    },
};

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** Whether `now` is on or after the (UTC) day `date`. */
export function isOnOrAfter(now: Date, date: string): boolean {
    return now.getTime() >= Date.parse(`${date}T00:00:00Z`);
}

/**
 * The level a policy runs at in an environment on a given day:
 * 1. the policy's level for that environment (`environmentLevels`), else its default level;
 * 2. from the policy's `enforceAfter` date, advisory becomes mandatory;
 * 3. an environment in `advisory` mode turns mandatory into advisory;
 * 4. an explicit per-policy override wins, with its own `enforceAfter`.
 */
export function resolveEnforcementLevel(
    policy: PolicyMetadata,
    environment: string,
    settings: EnforcementSettings = {},
    now: Date = new Date(),
): EnforcementLevel {
    let level = policy.environmentLevels?.[environment] ?? policy.enforcementLevel;
    if (policy.enforceAfter && level === "advisory" && isOnOrAfter(now, policy.enforceAfter)) level = "mandatory";
    const env = settings.environments?.[environment] ?? DEFAULT_ENFORCEMENT.environments?.[environment] ?? { mode: "policy" };
    if (env.mode === "advisory" && level === "mandatory") level = "advisory";
    const override = env.policies?.[policy.id];
    if (override !== undefined) {
        if (typeof override === "string") return override;
        if (override.enforceAfter && isOnOrAfter(now, override.enforceAfter)) return "mandatory";
        return override.level;
    }
    return level;
}

/** Checks enforcement settings against a pack's policy ids; one message per problem. */
export function validateEnforcementSettings(settings: unknown, policyIds: readonly string[], source = "enforcement settings"): string[] {
    const problems: string[] = [];
    if (typeof settings !== "object" || settings === null || Array.isArray(settings))
        return [`${source} must be an object with an \`environments\` map.`];
    const known = new Set(policyIds);
    for (const key of Object.keys(settings)) {
        if (key !== "environments") problems.push(`${source}: unknown key \`${key}\`; only \`environments\` is allowed.`);
    }
    const envs = (settings as EnforcementSettings).environments ?? {};
    for (const [name, env] of Object.entries(envs)) {
        const where = `${source}: \`environments.${name}\``;
        if (typeof env !== "object" || env === null) {
            problems.push(`${where} must be an object with \`mode\` and/or \`policies\`.`);
            continue;
        }
        if (env.mode !== undefined && env.mode !== "policy" && env.mode !== "advisory")
            problems.push(`${where}.mode is \`${String(env.mode)}\`: use \`policy\` or \`advisory\`.`);
        for (const [id, o] of Object.entries(env.policies ?? {})) {
            const at = `${where}.policies.${id}`;
            if (!known.has(id)) problems.push(`${at}: no policy with id \`${id}\` in this pack.`);
            const level = typeof o === "string" ? o : o?.level;
            if (!LEVELS.includes(level as EnforcementLevel))
                problems.push(`${at}: level \`${String(level)}\` is not one of ${LEVELS.join(", ")}.`);
            if (typeof o === "object" && o?.enforceAfter !== undefined && !isCalendarDate(o.enforceAfter)) {
                problems.push(`${at}.enforceAfter must be a real calendar day, YYYY-MM-DD.`);
            }
        }
    }
    return problems;
}
