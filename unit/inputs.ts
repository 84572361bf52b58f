import * as pulumi from "@pulumi/pulumi";
import { INPUT_CONFIG_NAMESPACE, UNKNOWN_INPUT_KEY, UnknownInput, unknownInputMarker, unknownInputOf } from "./config-namespaces";
import { isConfigSecret } from "./sdk-internals";

export { INPUT_CONFIG_NAMESPACE, UNKNOWN_INPUT_KEY, unknownInputMarker, unknownInputOf };
export type { UnknownInput };

/**
 * Typed access to the inputs the driver injected into this stack.
 *
 * Programs read every injected fact through this accessor, never through raw
 * `pulumi.Config` keys, so the key layout stays the driver's business.
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
        return value;
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

    /** The input's value; fails with the input named when it is missing. */
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
