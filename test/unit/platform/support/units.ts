import { currentUnitContext, UnitProgram } from "../../../../unit/define";
import { MockRunOptions, MockRunResult, runUnderMocks } from "./mock-run";

/** How a test runs a platform unit: its environment, unqualified unit config, injected inputs, fake cloud. */
export interface UnitRun {
    readonly environment?: string;
    /** Unit config, keys without namespace (`natStrategy`), as a person would `pulumi config set`. */
    readonly config?: Record<string, unknown>;
    /** Driver-injected inputs by name. */
    readonly inputs?: Record<string, unknown>;
    /** The fake cloud (region, account, zones). @default - synth's default world */
    readonly world?: MockRunOptions["world"];
}

/** The governance config tests use unless they test governance itself. */
export const TEST_GOVERNANCE = { owner: "platform-team", dataClassification: "confidential", pciScope: "in-scope" };

/**
 * Runs a unit program the way the root program does (`currentUnitContext`), through synth's
 * evaluator, as the stack `<environment>.<unit>`, with config in the project namespace and
 * inputs under `edf-input:`.
 */
export async function runUnit<T extends Record<string, unknown>>(
    unit: string,
    program: UnitProgram<T>,
    run: UnitRun = {},
): Promise<MockRunResult<T>> {
    const config: Record<string, unknown> = {};
    for (const [key, value] of Object.entries({ governance: TEST_GOVERNANCE, ...(run.config ?? {}) })) {
        if (value !== undefined) {
            config[`edf:${key}`] = value;
        }
    }
    for (const [name, value] of Object.entries(run.inputs ?? {})) {
        config[`edf-input:${name}`] = JSON.stringify(value);
    }
    const options: MockRunOptions = { environment: run.environment ?? "dev", unit, config, world: run.world ?? {} };
    return runUnderMocks(() => program(currentUnitContext(unit)), options);
}
