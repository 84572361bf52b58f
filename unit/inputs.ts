import * as pulumi from "@pulumi/pulumi";
import { INPUT_CONFIG_NAMESPACE } from "./config-namespaces";

export { INPUT_CONFIG_NAMESPACE };

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

    /** The input's value, or `undefined` when the stack has no such input. */
    get<T = unknown>(name: string): T | undefined {
        return this.config.getObject<T>(name);
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
}
