import type * as pulumi from "@pulumi/pulumi";

/** Sizes an environment can be built at. */
export const ENVIRONMENT_SIZES = ["dev", "prod"] as const;
export type EnvironmentSize = (typeof ENVIRONMENT_SIZES)[number];

/** Other spellings accepted for `environmentSize` (the environment specs say `small`/`large`). */
export const ENVIRONMENT_SIZE_ALIASES: Readonly<Record<string, EnvironmentSize>> = { small: "dev", large: "prod" };

/**
 * Size used when `edf:environmentSize` is not set. `prod` because the costly mistake
 * is a production environment built with dev redundancy, not the reverse.
 */
export const DEFAULT_ENVIRONMENT_SIZE: EnvironmentSize = "prod";

/** Thrown when a unit's config is invalid; lists every problem, and is thrown before any resource exists. */
export class UnitConfigError extends Error {
    readonly code = "EDF_CONFIG_INVALID";

    constructor(
        readonly unit: string,
        readonly problems: readonly string[],
    ) {
        super(`Unit \`${unit}\` cannot run: its config is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "UnitConfigError";
    }
}

/** The raw config surface the reader needs (a `pulumi.Config`, or a plain map in tests). */
export type RawConfig = Pick<pulumi.Config, "get" | "name">;

/**
 * Reads typed values from a unit's config, collecting every problem instead of
 * failing on the first, so one run reports all of them. Config keys are named in
 * messages as `<namespace>:<key>`.
 */
export class ConfigReader {
    readonly problems: string[] = [];

    constructor(private readonly config: RawConfig) {}

    /** The fully qualified key, as a person sets it with `pulumi config set`. */
    qualified(key: string): string {
        return `${this.config.name}:${key}`;
    }

    string(key: string): string | undefined {
        return this.config.get(key) ?? undefined;
    }

    enumValue<T extends string>(key: string, allowed: readonly T[]): T | undefined {
        const value = this.string(key);
        if (value === undefined) {
            return undefined;
        }
        if (!allowed.includes(value as T)) {
            this.problems.push(
                `\`${key}\` is \`${value}\`: set \`${this.qualified(key)}\` to one of ${allowed.map((a) => `\`${a}\``).join(", ")}.`,
            );
            return undefined;
        }
        return value as T;
    }

    integer(key: string, min: number, max: number): number | undefined {
        const value = this.string(key);
        if (value === undefined) {
            return undefined;
        }
        const parsed = Number(value);
        if (!/^-?\d+$/.test(value.trim()) || parsed < min || parsed > max) {
            this.problems.push(`\`${key}\` is \`${value}\`: set \`${this.qualified(key)}\` to a whole number from ${min} to ${max}.`);
            return undefined;
        }
        return parsed;
    }

    boolean(key: string): boolean | undefined {
        const value = this.string(key);
        if (value === undefined) {
            return undefined;
        }
        if (value !== "true" && value !== "false") {
            this.problems.push(`\`${key}\` is \`${value}\`: set \`${this.qualified(key)}\` to \`true\` or \`false\`.`);
            return undefined;
        }
        return value === "true";
    }

    /** A JSON value (objects, lists); `undefined` when unset or not JSON. */
    json(key: string): unknown {
        const value = this.string(key);
        if (value === undefined) {
            return undefined;
        }
        try {
            return JSON.parse(value) as unknown;
        } catch {
            this.problems.push(`\`${key}\` is not valid JSON: set \`${this.qualified(key)}\` with \`--path\` or as a JSON object.`);
            return undefined;
        }
    }

    /** Records problems found by a pure validator. */
    add(problems: readonly string[]): void {
        this.problems.push(...problems);
    }

    /** Throws a {@link UnitConfigError} when any problem was found. */
    throwIfInvalid(unit: string): void {
        if (this.problems.length > 0) {
            throw new UnitConfigError(unit, this.problems);
        }
    }
}
