import * as pulumi from "@pulumi/pulumi";
import { defaultCall, defaultResourceState, MockWorld } from "./mock-world";

/** One resource the program registered, as the mock monitor saw it. */
export interface CapturedResource {
    /** Type token, e.g. `aws:ec2/vpc:Vpc`. */
    readonly type: string;
    /** The logical name given to the constructor. */
    readonly name: string;
    /** The inputs, resolved (secrets as plain values). */
    readonly inputs: Record<string, any>;
    /** The id the mock handed back. */
    readonly id: string;
    /** Whether the resource was registered with `protect: true`. */
    protect: boolean;
    /** Explicit `dependsOn` URNs of the registration. */
    dependsOn: string[];
}

/** Options of {@link runUnderMocks}. */
export interface MockRunOptions {
    /** Stack config, keys fully qualified (`edf:natStrategy`); non-strings are JSON-encoded. @default {} */
    readonly config?: Record<string, unknown>;
    /** Config keys (fully qualified) that hold secrets, as the driver marks Vault and `secret: true` inputs. @default [] */
    readonly secretKeys?: readonly string[];
    /** Stack name. @default "dev" */
    readonly stack?: string;
    /** Project name. @default "edf" */
    readonly project?: string;
    /** The fake cloud: AZs, account, region, stack outputs of referenced stacks. @default - see MockWorld */
    readonly world?: Partial<MockWorld>;
}

/** What a run produced: every registration, every provider call, the resolved outputs or the error. */
export interface MockRunResult<T> {
    readonly resources: CapturedResource[];
    readonly calls: pulumi.runtime.MockCallArgs[];
    /** The program's return value with every `Output` resolved; undefined when it failed. */
    readonly outputs: pulumi.Unwrap<T> | undefined;
    /** Keys of the returned object whose value is a Pulumi secret. */
    readonly secretOutputKeys: string[];
    /** The error the program threw, or that an output rejected with. */
    readonly error: Error | undefined;
}

interface OutputInternals<T> {
    promise(withUnknowns?: boolean): Promise<T>;
}

/**
 * Runs `program` under `pulumi.runtime.setMocks` and captures everything it registers.
 *
 * Runs are sequential and isolated from one another: each run installs a fresh mock
 * monitor and replaces the whole config, then waits for the runtime's RPC queue to
 * drain, so no registration from a run leaks into the next. Programs must not
 * register resources at import time (unit programs are functions, via `defineUnit`),
 * which is what makes one process per test file unnecessary.
 */
export async function runUnderMocks<T>(program: () => T | Promise<T>, options: MockRunOptions = {}): Promise<MockRunResult<T>> {
    const world: MockWorld = { ...new MockWorld(), ...options.world };
    const resources: CapturedResource[] = [];
    const calls: pulumi.runtime.MockCallArgs[] = [];

    pulumi.runtime.setAllConfig(encodeConfig(options.config ?? {}), [...(options.secretKeys ?? [])]);
    await pulumi.runtime.setMocks(
        {
            newResource(args) {
                const state = defaultResourceState(args, world);
                const options = registrationOptions.get(`${args.type}::${args.name}`);
                resources.push({
                    type: args.type,
                    name: args.name,
                    inputs: args.inputs,
                    id: state.id,
                    protect: options?.protect ?? false,
                    dependsOn: options?.dependsOn ?? [],
                });
                return { id: state.id, state: state.state };
            },
            call(args) {
                calls.push(args);
                return defaultCall(args, world);
            },
        },
        options.project ?? "edf",
        options.stack ?? "dev",
        false,
    );

    const registrationOptions = recordRegistrationOptions();
    // A registration whose inputs fail surfaces as an unhandled rejection, which the
    // real language host turns into a failed deployment: count it as the run's error.
    const rejections: Error[] = [];
    // A failed registration never finishes its RPC: waiting for the runtime stops at the first failure, as synth's does.
    let failedNow: () => void = () => undefined;
    const failed = new Promise<void>((resolve) => (failedNow = resolve));
    const onRejection = (reason: unknown) => {
        rejections.push(reason instanceof Error ? reason : new Error(String(reason)));
        failedNow();
    };
    process.on("unhandledRejection", onRejection);

    let outputs: pulumi.Unwrap<T> | undefined;
    let error: Error | undefined;
    const secretOutputKeys: string[] = [];
    try {
        const returned = await program();
        if (returned && typeof returned === "object") {
            for (const [key, value] of Object.entries(returned)) {
                if (pulumi.Output.isInstance(value) && (await pulumi.isSecret(value))) {
                    secretOutputKeys.push(key);
                }
            }
        }
        const whole = pulumi.output(returned) as unknown as OutputInternals<pulumi.Unwrap<T>>;
        outputs = await whole.promise();
    } catch (e) {
        error = e instanceof Error ? e : new Error(String(e));
        outputs = undefined;
    }
    try {
        await Promise.race([drainRpcs(), failed]);
        // Let rejections raised while draining reach the listener.
        await new Promise((resolve) => setImmediate(resolve));
    } finally {
        process.off("unhandledRejection", onRejection);
    }
    if (!error && rejections.length > 0) {
        error = rejections[0];
        outputs = undefined;
    }
    return { resources, calls, outputs, secretOutputKeys, error };
}

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getProtect(): boolean | undefined;
    getDependenciesList(): string[];
}

// The mock callbacks see inputs only; resource options (protect, dependsOn) are read
// off the monitor's register requests, which the SDK builds from the real options.
function recordRegistrationOptions(): Map<string, { protect: boolean; dependsOn: string[] }> {
    const seen = new Map<string, { protect: boolean; dependsOn: string[] }>();
    const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: RegisterRequest, cb: unknown): unknown };
    const original = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: RegisterRequest, cb: unknown) => {
        seen.set(`${req.getType()}::${req.getName()}`, { protect: req.getProtect() === true, dependsOn: req.getDependenciesList() });
        return original(req, cb);
    };
    return seen;
}

// `waitForRPCs` is internal to the SDK; without it a registration still in flight
// when the outputs resolve would be missed by the capture.
async function drainRpcs(): Promise<void> {
    const runtime = pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> };
    try {
        await runtime.waitForRPCs?.();
    } catch {
        // A rejected registration was already reported through `error`.
    }
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

/** How many resources of each type were registered (components included). */
export function countByType(resources: readonly CapturedResource[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of resources) {
        counts[r.type] = (counts[r.type] ?? 0) + 1;
    }
    return counts;
}

// The Node SDK's wire signature of a secret value, as the mock monitor receives it.
const SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

/** Whether a captured input value is a Pulumi secret. */
export function isSecretInput(value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIGNATURE_KEY] === SECRET_SIGNATURE;
}

/** The plain value of a captured input, secret or not. */
export function plainInput<T = unknown>(value: unknown): T {
    return (isSecretInput(value) ? (value as { value: unknown }).value : value) as T;
}
