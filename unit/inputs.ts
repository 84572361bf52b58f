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

    /** Whether the driver injected the input as a secret (Vault, or `secret: true` in the spec). */
    isSecret(name: string): boolean {
        return isConfigSecret(`${this.config.name}:${name}`);
    }

    /** The input's plain value, or `undefined` when the stack has no such input. Refuses a secret input. */
    get<T = unknown>(name: string): T | undefined {
        if (this.isSecret(name)) {
            throw new Error(
                `Input \`${name}\` is a secret: read it with \`ctx.inputs.output("${name}")\` or \`requireSecret\`, ` +
                    `which keep it a Pulumi secret, never as plain text.`,
            );
        }
        return this.config.getObject<T>(name);
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

    /** The input as an output, secret exactly when it was injected as one; `undefined` when it is not set. */
    output<T = unknown>(name: string): pulumi.Output<T> | undefined {
        if (this.isSecret(name)) return this.config.getSecretObject<T>(name);
        const value = this.config.getObject<T>(name);
        return value === undefined ? undefined : (pulumi.output(value as pulumi.Input<T>) as pulumi.Output<T>);
    }

    /** The input as a secret output (Vault values arrive this way). */
    requireSecret<T = unknown>(name: string): pulumi.Output<T> {
        if (this.config.getSecretObject<T>(name) === undefined) {
            this.require<T>(name);
        }
        return this.config.requireSecretObject<T>(name);
    }

    /** An optional secret input. */
    getSecret<T = unknown>(name: string): pulumi.Output<T> | undefined {
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
}

/** What a field of an object input holds. */
export type FieldKind = "string" | "number" | "boolean" | "object" | "array" | "null";
