import * as pulumi from "@pulumi/pulumi";
import { isConfigSecret } from "./sdk-internals";

/**
 * The config namespace under which the driver writes injected inputs.
 *
 * Each input `name` becomes the stack config key `edf-input:<name>`, holding a JSON
 * value. Inputs resolved from Vault, and any input the spec marks `secret: true`, are written
 * as Pulumi secrets, so they stay encrypted in state and the accessor hands them out only as
 * secret outputs.
 */
export const INPUT_CONFIG_NAMESPACE = "edf-input";

/**
 * The value the driver writes for an input whose producing stack has never been deployed, in a
 * preview before an environment's first deployment: `{ "edf:unknown": { stack, output } }`.
 * Programs never see it: `output`, `getSecret` and `requireSecret` turn it into a Pulumi
 * unknown, and `get`/`require` refuse it with a message naming the producer.
 */
export const UNKNOWN_INPUT_KEY = "edf:unknown";

/** Where an unknown input would have come from. */
export interface UnknownInput {
    readonly stack: string;
    readonly output: string;
}

/** The marker of an unknown input (what the driver writes into stack config). */
export function unknownInputMarker(input: UnknownInput): Record<string, UnknownInput> {
    return { [UNKNOWN_INPUT_KEY]: input };
}

/** The producer named by an unknown-input marker, or undefined for a real value. */
export function unknownInputOf(value: unknown): UnknownInput | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    const marker = (value as Record<string, unknown>)[UNKNOWN_INPUT_KEY];
    if (typeof marker !== "object" || marker === null) return undefined;
    const { stack, output } = marker as Record<string, unknown>;
    return typeof stack === "string" && typeof output === "string" ? { stack, output } : undefined;
}

/**
 * Typed access to the inputs the driver injected into this stack.
 *
 * Programs read every injected fact through this accessor, never through raw
 * `pulumi.Config` keys, so the key layout stays the driver's business. A secret input never
 * comes out as plain text: `get`/`require` refuse it, and `output`, `requireSecret`,
 * `getSecret` and `fields` hand it out as Pulumi secrets, which every resource, output and
 * report keeps masked.
 */
export class UnitInputs {
    private readonly config: pulumi.Config;

    constructor(config: pulumi.Config = new pulumi.Config(INPUT_CONFIG_NAMESPACE)) {
        this.config = config;
    }

    /**
     * The input's value, or `undefined` when the stack has no such input. An input that is
     * unknown in this preview (its producer has never been deployed) is refused, naming the
     * producer: read such inputs with {@link output} to preview before the first deployment.
     */
    get<T = unknown>(name: string): T | undefined {
        const value = this.config.getObject<T>(name);
        const unknown = unknownInputOf(value);
        if (unknown) {
            throw new Error(
                `Input \`${name}\` of \`${pulumi.getStack()}\` is unknown in this preview: it is output \`${unknown.output}\` of ` +
                    `stack \`${unknown.stack}\`, which has never been deployed. Read it with \`ctx.inputs.output("${name}")\` ` +
                    "(an Output, unknown until the producer is deployed) to preview this stack before its first deployment, " +
                    "or deploy the producer first.",
            );
        }
        if (value !== undefined && this.isSecret(name)) {
            throw new Error(
                `Input \`${name}\` is a secret: read it with \`ctx.inputs.output("${name}")\` or \`requireSecret\`, ` +
                    `which keep it a Pulumi secret, never as plain text.`,
            );
        }
        return value;
    }

    /** Whether the driver injected the input as a secret (Vault, or `secret: true` in the spec). */
    isSecret(name: string): boolean {
        return isConfigSecret(`${this.config.name}:${name}`);
    }

    /** Whether the input is unknown in this preview (its producer has never been deployed). */
    isUnknown(name: string): boolean {
        return unknownInputOf(this.config.getObject(name)) !== undefined;
    }

    /**
     * The input as an Output: its value, or — in a preview before the producing stack's first
     * deployment — one of Pulumi's own unknowns (policies see `unknown`, never a made-up value).
     * Secret inputs stay secret. Fails, naming the fix, when the stack has no such input.
     */
    output<T = unknown>(name: string): pulumi.Output<T> {
        if (this.isUnknown(name)) return this.unknown<T>(name);
        if (isConfigSecret(`${this.config.name}:${name}`)) return this.requireSecret<T>(name);
        return pulumi.output(this.require<T>(name)) as pulumi.Output<T>;
    }

    /** The input's value; fails with the input named when it is missing. Refuses a secret input. */
    require<T = unknown>(name: string): T {
        const value = this.get<T>(name);
        if (value === undefined) {
            throw new Error(
                `Input \`${name}\` is not set for stack \`${pulumi.getStack()}\`: declare it under the unit's ` +
                    `\`inputs\` in the environment spec, or set config \`${INPUT_CONFIG_NAMESPACE}:${name}\`.`,
            );
        }
        return value;
    }

    /** The input as a secret output (Vault values arrive this way); unknown in a preview before its producer's first deployment. */
    requireSecret<T = unknown>(name: string): pulumi.Output<T> {
        if (this.isUnknown(name)) return pulumi.secret(this.unknown<T>(name)) as pulumi.Output<T>;
        if (this.config.getSecretObject<T>(name) === undefined) {
            this.require<T>(name);
        }
        return this.config.requireSecretObject<T>(name);
    }

    /** An optional secret input; unknown in a preview before its producer's first deployment. */
    getSecret<T = unknown>(name: string): pulumi.Output<T> | undefined {
        if (this.isUnknown(name)) return pulumi.secret(this.unknown<T>(name)) as pulumi.Output<T>;
        return this.config.getSecretObject<T>(name);
    }

    /**
     * The problems `check` finds with the input's value (`undefined` when it is not set), secret or
     * not: a program can refuse a malformed secret before it creates anything, while the value
     * itself stays inside this accessor. `check` must describe a problem without quoting the value.
     */
    problemsOf(name: string, check: (value: unknown) => readonly string[]): string[] {
        return [...check(this.config.getObject<unknown>(name))];
    }

    /**
     * What each top-level field of an object input holds (`string`, `number`, `boolean`, `object`,
     * `array`, `null`), never the values: enough to check a secret input's shape without reading it
     * as plain text. `undefined` when the input is not set; an error when it is not an object.
     */
    fieldKinds(name: string): Record<string, FieldKind> | undefined {
        const raw = this.objectInput(name);
        if (raw === undefined) return undefined;
        return Object.fromEntries(
            Object.entries(raw).map(([key, value]): [string, FieldKind] => [
                key,
                value === null ? "null" : Array.isArray(value) ? "array" : (typeof value as FieldKind),
            ]),
        );
    }

    /**
     * The top-level fields of an object input (a Consul JSON document of settings), each as an
     * output that is secret when the input is. Field names are not secret; values stay wrapped.
     * `undefined` when the input is not set; an error when it is not an object.
     */
    fields(name: string): Record<string, pulumi.Output<unknown>> | undefined {
        const raw = this.objectInput(name);
        if (raw === undefined) return undefined;
        const secret = this.isSecret(name);
        return Object.fromEntries(
            Object.entries(raw).map(([key, value]) => [key, secret ? pulumi.secret(value) : pulumi.output(value)]),
        ) as Record<string, pulumi.Output<unknown>>;
    }

    // The raw value stays inside this class: callers get kinds or (secret) outputs, never a secret's text.
    private objectInput(name: string): Record<string, unknown> | undefined {
        const raw = this.config.getObject<unknown>(name);
        if (raw === undefined) return undefined;
        if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
            throw new Error(`Input \`${name}\` must be a JSON object of settings, e.g. \`{"logLevel": "info"}\`.`);
        }
        return raw as Record<string, unknown>;
    }

    /** A Pulumi unknown for an unknown input; refused outside a preview (a deployment never takes unknowns). */
    private unknown<T>(name: string): pulumi.Output<T> {
        if (!pulumi.runtime.isDryRun()) {
            throw new Error(
                `Input \`${name}\` of \`${pulumi.getStack()}\` was written for a preview before its producer's first deployment: ` +
                    "deploy the producer first, then deploy this stack with `edf up` (which writes the real value).",
            );
        }
        return pulumi.output(pulumi.unknown) as pulumi.Output<T>;
    }
}

/** What a field of an object input holds. */
export type FieldKind = "string" | "number" | "boolean" | "object" | "array" | "null";
