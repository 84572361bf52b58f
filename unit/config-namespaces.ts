// The stack config namespaces the driver writes and programs read, in a module that loads
// nothing: the driver names them without loading the Pulumi SDK (a warm synth never needs it).

/** The config namespace the root program and the driver use for unit selection. */
export const UNIT_CONFIG_NAMESPACE = "edf";

/**
 * The config namespace under which the driver writes injected inputs.
 *
 * Each input `name` becomes the stack config key `edf-input:<name>`, holding a JSON
 * value. Inputs resolved from Vault are written as Pulumi secrets, so they stay
 * encrypted in state and the accessor hands them out as secret outputs.
 */
export const INPUT_CONFIG_NAMESPACE = "edf-input";
