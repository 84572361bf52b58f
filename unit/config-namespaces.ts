// The stack config namespaces the driver writes and programs read, in a module that loads
// nothing: the driver names them without loading the Pulumi SDK (a warm synth never needs it).

/** The config namespace the root program and the driver use for unit selection. */
export const UNIT_CONFIG_NAMESPACE = "edf";

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
