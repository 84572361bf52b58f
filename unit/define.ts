import * as pulumi from "@pulumi/pulumi";
import { UnitInputs } from "./inputs";
import { UnitStacks } from "./stacks";

/** The config namespace the root program and the driver use for unit selection. */
export const UNIT_CONFIG_NAMESPACE = "edf";

/** What a unit's program receives: where it runs, its typed config and its injected inputs. */
export interface UnitContext {
    /** The environment the stack belongs to (config `edf:environment`). */
    readonly environment: string;
    /** The unit id, a folder relative to the project root (config `edf:unit`). */
    readonly unit: string;
    /**
     * The unit's config: `edf:<key>` in stack config, where the driver writes a spec's `config`,
     * whatever the project is called (`<project>:<key>` would differ from project to project).
     */
    readonly config: pulumi.Config;
    /** Inputs injected by the driver. */
    readonly inputs: UnitInputs;
    /** Other stacks the unit reads, by the names its config `stackReferences` gives them. */
    readonly stacks: UnitStacks;
}

/** A unit's program: typed config + injected inputs in, stack outputs out. */
export type UnitProgram<TOutputs extends Record<string, unknown> = Record<string, unknown>> = (
    context: UnitContext,
) => Promise<TOutputs> | TOutputs;

/**
 * Declares a unit program. Each unit folder has a `program.ts` whose default export
 * is the value this returns; the root program and the driver load it by folder.
 */
export function defineUnit<TOutputs extends Record<string, unknown>>(program: UnitProgram<TOutputs>): UnitProgram<TOutputs> {
    return program;
}

/** Builds the context for the current stack from its config. */
export function currentUnitContext(unit: string): UnitContext {
    const edfConfig = new pulumi.Config(UNIT_CONFIG_NAMESPACE);
    return {
        environment: edfConfig.get("environment") ?? pulumi.getStack(),
        unit,
        config: new pulumi.Config(UNIT_CONFIG_NAMESPACE),
        inputs: new UnitInputs(),
        stacks: new UnitStacks(edfConfig, unit),
    };
}
