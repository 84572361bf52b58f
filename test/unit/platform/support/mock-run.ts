import * as pulumi from "@pulumi/pulumi";
import { shortStackName } from "../../../../automation/backend/backend";
import { stackConfig } from "../../../../automation/run/stack-config";
import type { EnvironmentSpec } from "../../../../automation/spec/types";
import type { SynthResource } from "../../../../automation/synth/capture";
import { evaluateProgram, referencedStack, UpstreamOutputs } from "../../../../automation/synth/evaluate";
import { computeResourceState } from "../../../../automation/synth/mock-cloud";
import { synthWorld, SynthWorld } from "../../../../automation/synth/synth-world";

/**
 * One resource the program registered, exactly as `edf synth` captures it (URN, parent,
 * provider, options, dependencies); `props` are its inputs, typed loosely for assertions.
 */
export type CapturedResource = SynthResource & { readonly props: Record<string, any> };

/** Options of {@link runUnderMocks}. */
export interface MockRunOptions {
    /**
     * The environment the stack belongs to: the program then gets the config the driver gives
     * every stack of it (`automation/run/stack-config.ts`: `edf:environment`, `aws:region` and
     * `aws:allowedAccountIds` from the world's region and account, `aws:defaultTags`), under `config`.
     * @default - none: the program gets `config` only
     */
    readonly environment?: string;
    /** The unit the program is (`platform/network`), for `edf:unit` and the stack name. @default - none */
    readonly unit?: string;
    /** Stack config, keys fully qualified (`edf:natStrategy`); non-strings are JSON-encoded. @default {} */
    readonly config?: Record<string, unknown>;
    /** Config keys (fully qualified) that hold secrets, as the driver marks Vault and `secret: true` inputs. @default [] */
    readonly secretKeys?: readonly string[];
    /** Stack name, part of every URN and derived id. @default - `<environment>.<unit>` when both are given, else "dev" */
    readonly stack?: string;
    /** The fake cloud: region, account, zones, default tags. @default - synth's default world (us-east-1, 123456789012) */
    readonly world?: Partial<Omit<SynthWorld, "stack">>;
    /** Outputs of the stacks a `StackReference` reads, by the name the program gives (`organization/edf/dev.network`). @default {} */
    readonly stackOutputs?: Record<string, Record<string, unknown>>;
}

/** What a run produced: synth's evaluation of the program, with the thrown error kept whole. */
export interface MockRunResult<T> {
    /** What the program registered, in URN order. */
    readonly resources: CapturedResource[];
    /** Every resource as synth inspects them: the registrations plus the stack and default providers the engine adds. */
    readonly records: SynthResource[];
    /** Provider functions the program called, with counts. */
    readonly invokes: Readonly<Record<string, number>>;
    /** The program's return value with every `Output` resolved; undefined when it failed. */
    readonly outputs: pulumi.Unwrap<T> | undefined;
    /** Keys of the returned object whose value is a Pulumi secret. */
    readonly secretOutputNames: string[];
    /** The error the program threw, or that an output or a registration rejected with. */
    readonly error: Error | undefined;
    /** The stack the program ran as and the world it ran in: what every id and ARN is derived from. */
    readonly stack: string;
    readonly environment: string | undefined;
    readonly world: SynthWorld;
}

/**
 * Runs `program` through synth's evaluator (`automation/synth/evaluate.ts` `evaluateProgram`):
 * the mocks, the mock cloud, the registration capture and the runtime isolation `edf synth`
 * uses, so a test sees what synth sees. Each run has a runtime store of its own.
 */
export async function runUnderMocks<T>(program: () => T | Promise<T>, options: MockRunOptions = {}): Promise<MockRunResult<T>> {
    const unitName = options.unit?.split("/").pop();
    const stack = options.stack ?? (options.environment && unitName ? shortStackName(options.environment, unitName) : "dev");
    const world: SynthWorld = { ...synthWorld(stack, options.world?.region, options.world?.account), ...options.world, stack };
    const config = {
        ...(options.environment ? environmentConfig(options.environment, options.unit, world) : {}),
        ...encodeConfig(options.config ?? {}),
    };
    const upstream: Record<string, UpstreamOutputs> = {};
    for (const [name, outputs] of Object.entries(options.stackOutputs ?? {})) {
        upstream[referencedStack(name)] = { outputs, secretOutputNames: [] };
    }
    const evaluation = await evaluateProgram(program, {
        stack,
        config,
        secretKeys: [...(options.secretKeys ?? [])],
        world,
        upstream,
    });
    const failed = evaluation.error !== undefined;
    return {
        resources: evaluation.resources.filter((r) => !r.synthetic) as CapturedResource[],
        records: evaluation.resources,
        invokes: evaluation.invokes,
        outputs: failed ? undefined : (evaluation.outputs as pulumi.Unwrap<T>),
        secretOutputNames: evaluation.secretOutputNames,
        error: !failed ? undefined : evaluation.thrown instanceof Error ? evaluation.thrown : new Error(evaluation.error),
        stack,
        environment: options.environment,
        world,
    };
}

/** The config the driver gives a stack of `environment` whose spec names the world's region, account and tags. */
function environmentConfig(environment: string, unit: string | undefined, world: SynthWorld): Record<string, string> {
    const spec: EnvironmentSpec = {
        environment,
        region: world.region,
        account: world.account,
        tags: world.defaultTags,
        units: { unit: { path: unit ?? "" } },
    };
    const config = Object.fromEntries(Object.entries(stackConfig(spec, "unit", [])).map(([key, entry]) => [key, entry.value]));
    if (!unit) delete config["edf:unit"];
    return config;
}

function encodeConfig(config: Record<string, unknown>): Record<string, string> {
    const encoded: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
        if (!key.includes(":")) {
            throw new Error(`runUnderMocks: config key \`${key}\` must be qualified, e.g. \`edf:${key}\`.`);
        }
        encoded[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return encoded;
}

/**
 * The output state synth's mock cloud gave a registered resource (its ARN, URL, endpoint…):
 * what another resource's input holds when the program wired the two together.
 */
export function stateOf(run: Pick<MockRunResult<unknown>, "world">, resource: CapturedResource): Record<string, any> {
    return computeResourceState(run.world, resource.type, resource.name, resource.props).state;
}

/** The id synth's mock cloud gave the registered resource of `type` named `name` (what another resource's input holds). */
export function idOf(run: Pick<MockRunResult<unknown>, "resources">, type: string, name: string): string {
    return named(run.resources, type, name).id!;
}

/** The ARN synth's mock cloud gave the registered resource of `type` named `name`. */
export function arnOf(run: Pick<MockRunResult<unknown>, "resources" | "world">, type: string, name: string): string {
    return String(stateOf(run, named(run.resources, type, name)).arn);
}

/** The resources of one type token. */
export function ofType(resources: readonly CapturedResource[], type: string): CapturedResource[] {
    return resources.filter((r) => r.type === type);
}

/** The single resource of a type; fails when there are none or several. */
export function single(resources: readonly CapturedResource[], type: string): CapturedResource {
    const found = ofType(resources, type);
    if (found.length !== 1) {
        throw new Error(`expected exactly one \`${type}\`, found ${found.length}`);
    }
    return found[0];
}

/** The resource of a type with this logical name; fails when there is none. */
export function named(resources: readonly CapturedResource[], type: string, name: string): CapturedResource {
    const found = resources.find((r) => r.type === type && r.name === name);
    if (!found) {
        throw new Error(
            `no \`${type}\` named \`${name}\` (there are: ${
                ofType(resources, type)
                    .map((r) => r.name)
                    .join(", ") || "none"
            })`,
        );
    }
    return found;
}

/** How many resources of each type were registered (components included). */
export function countByType(resources: readonly CapturedResource[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of resources) {
        counts[r.type] = (counts[r.type] ?? 0) + 1;
    }
    return counts;
}

/** Whether a captured input value is a Pulumi secret (as the SDK serializes one: encrypted in state, masked in output). */
export function isSecretInput(value: unknown): boolean {
    return (
        typeof value === "object" &&
        value !== null &&
        (value as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig
    );
}

/** The plain value of a captured input, secret or not. */
export function plainInput<T = unknown>(value: unknown): T {
    return (isSecretInput(value) ? (value as { value: unknown }).value : value) as T;
}
