import * as pulumi from "@pulumi/pulumi";
import { STACK_REFERENCES_CONFIG_KEY, UNKNOWN_STACKS_CONFIG_KEY } from "./stack-references";

/** What a unit reads of another stack: the part of `pulumi.StackReference` programs use. */
export interface StackOutputsSource {
    /** The referenced stack's name. */
    readonly name: pulumi.Output<string>;
    /** Every output of the stack. */
    readonly outputs: pulumi.Output<Record<string, unknown>>;
    /** One output (undefined when the stack has no such output). */
    getOutput(name: pulumi.Input<string>): pulumi.Output<unknown>;
    /** One output; fails the program when the stack has no such output. */
    requireOutput(name: pulumi.Input<string>): pulumi.Output<unknown>;
}

/** The stacks this preview reads that have no state yet (config `edf:unknownStacks`, set by the driver). */
function unknownStacks(): readonly string[] {
    return new pulumi.Config("edf").getObject<string[]>(UNKNOWN_STACKS_CONFIG_KEY) ?? [];
}

/** Whether `stack` has never been deployed and this preview reads its outputs as unknowns. */
export function isUnknownStack(stack: string): boolean {
    return unknownStacks().includes(stack);
}

/**
 * A stand-in for a stack that has never been deployed, in a preview: every output is one of
 * Pulumi's own unknowns, exactly what a preview shows for a value known only after deployment.
 * Resources built from it get unknown inputs, so policies see `unknown`, never a made-up value.
 */
function unknownStack(stack: string): StackOutputsSource {
    const unknown = (): pulumi.Output<never> => pulumi.output(pulumi.unknown) as pulumi.Output<never>;
    return { name: pulumi.output(stack), outputs: unknown(), getOutput: unknown, requireOutput: unknown };
}

/**
 * References another stack's outputs: a `pulumi.StackReference`, or — in a preview the driver
 * runs before `stack` was ever deployed (`edf preview` on a new environment) — Pulumi unknowns.
 * The SDK's stack references all go through here (`ctx.stacks.reference`, the landing zone's).
 * A deployment never takes the unknowns: `up` refuses to start while an upstream has no state,
 * and a program told otherwise outside a preview fails here.
 */
export function referenceStack(resourceName: string, stack: string, opts: pulumi.CustomResourceOptions = {}): StackOutputsSource {
    if (isUnknownStack(stack)) {
        if (!pulumi.runtime.isDryRun()) {
            throw new Error(
                `Stack \`${stack}\` has never been deployed, so \`${pulumi.getStack()}\` cannot be deployed on top of it: ` +
                    "deploy it first (`edf up` deploys upstream stacks first). Its outputs were unknown only for a preview.",
            );
        }
        return unknownStack(stack);
    }
    return new pulumi.StackReference(resourceName, { name: stack }, opts);
}

/**
 * The stacks a unit reads by name. Their names live in the unit's config, under
 * `edf:stackReferences` (`{ "<name>": "<stack>" }`): the environment spec writes them once, and
 * the driver knows the dependency without a `dependsOn` repeating it.
 *
 * @example
 * // environment spec: config: { stackReferences: { upstream: organization/edf/dev.base } }
 * const upstream = ctx.stacks.reference("upstream");
 * const value = upstream.getOutput("value");
 */
export class UnitStacks {
    constructor(
        private readonly config: pulumi.Config = new pulumi.Config("edf"),
        private readonly unitName: string = "",
    ) {}

    /** The stack name config `edf:stackReferences.<name>` holds, or undefined. */
    stackName(name: string): string | undefined {
        const stack = this.config.getObject<Record<string, unknown>>(STACK_REFERENCES_CONFIG_KEY)?.[name];
        return typeof stack === "string" ? stack : undefined;
    }

    /** The outputs of the stack named `name` in `edf:stackReferences`; fails, naming the fix, when there is none. */
    reference(name: string, opts: pulumi.CustomResourceOptions = {}): StackOutputsSource {
        const stack = this.stackName(name);
        if (stack === undefined) {
            throw new Error(
                `Unit \`${this.unitName || pulumi.getStack()}\` reads stack reference \`${name}\`, but config ` +
                    `\`edf:${STACK_REFERENCES_CONFIG_KEY}\` names no such stack: add \`${STACK_REFERENCES_CONFIG_KEY}: { ${name}: ` +
                    `<stack> }\` to the unit's config in the environment spec.`,
            );
        }
        return referenceStack(`ref-${name}`, stack, opts);
    }
}
