import { EdfError, Problem } from "../errors";
import type { InputSpec, LoadedSpec } from "../spec/types";
import { pointer } from "../spec/yaml-lines";
import type { ConsulClient } from "./consul";
import { InputError, ResolvedInput } from "./types";
import { unknownInputMarker } from "../../unit/inputs";
import type { VaultClient } from "./vault";

/** A stack's outputs as the automation API reports them. */
export type StackOutputs = Readonly<Record<string, { readonly value: unknown; readonly secret: boolean }>>;

/** What the resolver needs from the outside world. */
export interface InputSources {
    readonly vault?: VaultClient;
    readonly consul?: ConsulClient;
    readonly env: NodeJS.ProcessEnv;
    /** The current outputs of a unit's stack in this environment, or undefined if it has none. */
    readStackOutputs(unit: string): Promise<StackOutputs | undefined>;
    /** The stack name of a unit (for messages and provenance). */
    stackNameOf(unit: string): string;
}

/** The inputs of one unit: resolved now, or deferred until a producer in this run finishes. */
export interface UnitInputsResolution {
    readonly resolved: ResolvedInput[];
    /** Names of stack inputs whose producer runs earlier in this run. */
    readonly deferred: string[];
    readonly problems: Problem[];
}

/** Resolves one input; throws an {@link InputError} (never with the value in it). */
export async function resolveInput(name: string, input: InputSpec, sources: InputSources): Promise<ResolvedInput> {
    switch (input.from) {
        case "env": {
            const value = sources.env[input.name];
            if (value === undefined) {
                throw new InputError(
                    `environment variable \`${input.name}\` is not set`,
                    `export \`${input.name}\` before running \`edf\`.`,
                );
            }
            const secret = input.secret ?? false;
            return { name, value, secret, provenance: { source: "env", key: input.name, secret } };
        }
        case "vault": {
            if (!sources.vault) {
                throw new InputError("Vault is not configured", "add `injectors.vault` to the spec.");
            }
            const read = await sources.vault.readField(input.path, input.field, input.version, input.mount);
            const key = `${read.mount}/${input.path}#${input.field}`;
            return { name, value: read.value, secret: true, provenance: { source: "vault", key, version: read.version, secret: true } };
        }
        case "consul": {
            if (!sources.consul) {
                throw new InputError("Consul is not configured", "add `injectors.consul` to the spec.");
            }
            const read = await sources.consul.read(input.key, { json: input.json, recurse: input.recurse });
            const secret = input.secret ?? false;
            return {
                name,
                value: read.value,
                secret,
                provenance: { source: "consul", key: input.key, modifyIndex: read.modifyIndex, index: read.index, secret },
            };
        }
        case "stack": {
            const stack = sources.stackNameOf(input.unit);
            const outputs = await sources.readStackOutputs(input.unit);
            if (!outputs) {
                throw new InputError(
                    `stack \`${stack}\` has not been deployed`,
                    `deploy it first (\`edf up --only ${input.unit}\`) or run it in the same \`edf up\`.`,
                );
            }
            const output = outputs[input.output];
            if (!output) {
                const names = Object.keys(outputs);
                throw new InputError(
                    `stack \`${stack}\` has no output \`${input.output}\``,
                    names.length
                        ? `use one of its outputs: ${names.map((n) => `\`${n}\``).join(", ")}.`
                        : `the stack exports nothing yet: deploy \`${input.unit}\` with that output.`,
                );
            }
            const secret = input.secret ?? output.secret;
            return { name, value: output.value, secret, provenance: { source: "stack", key: `${stack}#${input.output}`, secret } };
        }
    }
}

/**
 * The stack input of a preview whose producer has never been deployed: Pulumi's unknown in the
 * program (the unit runtime turns the marker into one), recorded as such — never a value.
 */
export function unknownStackInput(name: string, unit: string, output: string, sources: InputSources): ResolvedInput {
    const stack = sources.stackNameOf(unit);
    return {
        name,
        value: unknownInputMarker({ stack, output }),
        secret: false,
        provenance: { source: "stack", key: `${stack}#${output}`, secret: false },
        unknown: { unit, output },
    };
}

/**
 * Resolves every input of `unit` except stack inputs whose producer is in `deferUnits`
 * (those are read after the producer finishes). A stack input whose producer is in
 * `unknownUnits` (a preview before that stack's first deployment) resolves to a Pulumi unknown.
 * Collects every failure as a problem naming the spec file, the input's path and line, and the fix.
 */
export async function resolveUnitInputs(
    loaded: LoadedSpec,
    unit: string,
    sources: InputSources,
    deferUnits: ReadonlySet<string>,
    only?: readonly string[],
    unknownUnits: ReadonlySet<string> = new Set(),
): Promise<UnitInputsResolution> {
    const inputs = Object.entries(loaded.spec.units[unit]?.inputs ?? {}).filter(([name]) => !only || only.includes(name));
    const resolved: ResolvedInput[] = [];
    const deferred: string[] = [];
    const problems: Problem[] = [];
    await Promise.all(
        inputs.map(async ([name, input]) => {
            if (input.from === "stack" && deferUnits.has(input.unit)) {
                deferred.push(name);
                return;
            }
            if (input.from === "stack" && unknownUnits.has(input.unit)) {
                resolved.push(unknownStackInput(name, input.unit, input.output, sources));
                return;
            }
            try {
                resolved.push(await resolveInput(name, input, sources));
            } catch (error) {
                const path = pointer("units", unit, "inputs", name);
                // A file the injector could not read (a TLS file) says what and why in its first problem.
                const first = error instanceof EdfError ? error.problems[0] : undefined;
                const reason =
                    error instanceof InputError
                        ? error
                        : first
                          ? { message: `${first.file ? `\`${first.file}\`: ` : ""}${first.message}`, fix: first.fix ?? "" }
                          : undefined;
                problems.push({
                    file: loaded.file,
                    path,
                    line: loaded.lineOf(path),
                    message: `input \`${name}\` of unit \`${unit}\` (${input.from}): ${reason ? reason.message : String((error as Error).message ?? error)}`,
                    fix: reason ? reason.fix : "see the message; rerun with `--debug` for details.",
                });
            }
        }),
    );
    resolved.sort((a, b) => a.name.localeCompare(b.name));
    return { resolved, deferred, problems };
}
