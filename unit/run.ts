import * as pulumi from "@pulumi/pulumi";
import { currentUnitContext, UNIT_CONFIG_NAMESPACE } from "./define";
import { loadUnitProgram } from "./load";

/**
 * Runs the unit the current stack selects with `edf:unit`. The root program
 * (`index.ts`) and the driver's inline programs both end here, so a stack runs the
 * same code whether it is deployed by `pulumi up -s` or by `edf up`.
 */
export async function runSelectedUnit(): Promise<Record<string, unknown>> {
    const unit = new pulumi.Config(UNIT_CONFIG_NAMESPACE).get("unit");
    if (!unit) {
        throw new Error(
            `Stack \`${pulumi.getStack()}\` selects no unit: set it with ` +
                "`pulumi config set edf:unit <folder>` (for example `platform/network`), or deploy it with `edf`.",
        );
    }
    return runUnit(unit);
}

/** Runs one unit's program in the current Pulumi runtime. */
export async function runUnit(unit: string): Promise<Record<string, unknown>> {
    const program = loadUnitProgram(unit);
    return program(currentUnitContext(unit));
}
