// The fence first: it defers what the SDK loads only to serialize closures (see there).
import {
    answersRegistrationsDirectly,
    getMonitor,
    outputPromise,
    waitForRPCs,
    withDefinedInputsOnly,
    withLazyResourceOutputs,
    withLocalStorage,
    withoutDebugCapture,
    withPlainStructs,
} from "../../unit/sdk-internals";
import * as pulumi from "@pulumi/pulumi";
import { currentUnitContext } from "../../unit/define";
import { loadUnitProgram } from "../../unit/load";
import { projectName } from "../../unit/project";
import { RegistrationCapture, SynthResource } from "./capture";
import { answerRegistrationsDirectly, plainStructCopy } from "./direct-registrations";
import { answerInvoke } from "./invokes";
import { withEngineResources } from "./engine-resources";
import { computeResourceState } from "./mock-cloud";
import type { SynthWorld } from "./synth-world";

/** The synthesized outputs of an upstream stack, as a `StackReference` reads them. */
export interface UpstreamOutputs {
    readonly outputs: Readonly<Record<string, unknown>>;
    readonly secretOutputNames: readonly string[];
}

/** What evaluating a program needs besides the program itself: the stack it runs as and the world around it. */
export interface ProgramJob {
    /** Short stack name, `<environment>.<unit>`: the stack of every URN and part of every derived id. */
    readonly stack: string;
    /** Complete stack config, keys qualified (`edf:unit`, `aws:region`, `edf-input:x`). */
    readonly config: Readonly<Record<string, string>>;
    /** Keys of `config` that hold secrets (Vault inputs). */
    readonly secretKeys: readonly string[];
    readonly world: SynthWorld;
    /**
     * Outputs of the stacks the program may read with a `StackReference`, by short stack name
     * (for a unit: the stacks it depends on, transitively).
     */
    readonly upstream: Readonly<Record<string, UpstreamOutputs>>;
    /**
     * The project the program belongs to (its `Pulumi.yaml` names the project of every URN).
     * @default - the project in force (`projectRoot()`)
     */
    readonly projectRoot?: string;
    /**
     * Keep stack traces while the program runs and add the failing one to `error` (`--debug`).
     * Off by default: the SDK captures a stack trace for every resource and promise, which is
     * half the cost of an evaluation, and synth reads none of them.
     * @default false
     */
    readonly stackTraces?: boolean;
}

/** Everything a worker needs to evaluate one unit's stack. Plain data (crosses the thread boundary). */
export interface EvaluationJob extends ProgramJob {
    readonly unit: string;
    /** The unit's program folder (`platform/network`). */
    readonly unitPath: string;
    readonly projectRoot: string;
    readonly environment: string;
    /** Every stack of the environment, for messages about references to stacks not depended on. */
    readonly environmentStacks: readonly string[];
}

/** What evaluating one stack produced. */
export interface StackEvaluation {
    readonly resources: SynthResource[];
    /** The stack outputs, plain JSON (secret values included: they feed downstream stacks). */
    readonly outputs: Record<string, unknown>;
    readonly secretOutputNames: string[];
    /** Provider functions the program called, sorted, with counts. */
    readonly invokes: Readonly<Record<string, number>>;
    /** Set when the program threw, an output rejected or a registration failed. */
    readonly error?: string;
}

/** What evaluating a program in this thread produced: the stack's evaluation and, when it failed, what was thrown. */
export interface ProgramEvaluation extends StackEvaluation {
    /** The value the program threw or an output rejected with (its class and fields intact); absent when it succeeded. */
    readonly thrown?: unknown;
}

const STACK_REFERENCE = "pulumi:pulumi:StackReference";

/**
 * Evaluates one unit under Pulumi's mock runtime, as synth does for every stack: its program
 * loaded from its folder and run with the unit context the root program gives it. Never
 * throws for a program error: it is returned in `error` with what was registered so far.
 */
export async function evaluateUnit(job: EvaluationJob): Promise<StackEvaluation> {
    const { thrown: _thrown, ...evaluation } = await evaluate(
        () => loadUnitProgram(job.unitPath, job.projectRoot)(currentUnitContext(job.unitPath)),
        job,
        (name) => stackReferenceProblem(job, name),
    );
    return evaluation;
}

/**
 * Evaluates a program under Pulumi's mock runtime, in a fresh per-program store: config from
 * the job, mocks answering with the {@link SynthWorld}, stack references answering with the
 * upstream stacks' outputs. Captures every registration, then adds what the engine would add
 * itself (the stack resource, default providers). The program's return value is the stack's
 * outputs when it is a plain object. Never throws for a program error: it is returned in
 * `error` (and `thrown`) with what was registered so far. `evaluateUnit` is this with the
 * unit's own program; tests and benchmarks hand it a program of their own.
 */
export function evaluateProgram(program: () => unknown, job: ProgramJob): Promise<ProgramEvaluation> {
    return evaluate(program, job, (name) => {
        const known = Object.keys(job.upstream).sort();
        return (
            `the program reads stack \`${name}\`, which is not among the upstream stacks given ` +
            `(${known.length > 0 ? known.map((s) => `\`${s}\``).join(", ") : "none"}): add its outputs to \`upstream\`.`
        );
    });
}

async function evaluate(program: () => unknown, job: ProgramJob, missingStack: (name: string) => string): Promise<ProgramEvaluation> {
    // A registration that fails (e.g. an input built from a stack reference that could not be
    // read) rejects a promise nobody awaits. The engine's language host reports those; here they
    // fail the stack being evaluated. Attribution is exact when a thread evaluates one stack at
    // a time, which is how the evaluators run them.
    const rejections: unknown[] = [];
    let signalFailure: (reason: unknown) => void = () => undefined;
    // Outputs of a resource whose registration failed never resolve: waiting stops at the first failure.
    const failed = new Promise<never>((_, reject) => {
        signalFailure = reject;
    });
    failed.catch(() => undefined);
    const onRejection = (reason: unknown): void => {
        rejections.push(reason);
        signalFailure(reason);
    };
    process.on("unhandledRejection", onRejection);
    const stackTraceLimit = Error.stackTraceLimit;
    if (!job.stackTraces) Error.stackTraceLimit = 0;
    try {
        const inStore = (): Promise<ProgramEvaluation> =>
            withLocalStorage(() => evaluateInStore(program, job, missingStack, rejections, failed));
        // `--debug` keeps the SDK's source positions (a failing program's stack names its line); synth reads none of them otherwise.
        const lightly = (): Promise<ProgramEvaluation> =>
            answersRegistrationsDirectly ? withPlainStructs(plainStructCopy, inStore) : inStore();
        // Property Outputs nobody reads are never made (the SDK's own, on first read); `--debug` keeps the SDK's eager ones.
        // Inputs without a value are not walked (the SDK leaves them out of the request anyway).
        const evaluation = await (job.stackTraces
            ? lightly()
            : withoutDebugCapture(() => withLazyResourceOutputs(() => withDefinedInputsOnly(lightly))));
        // One more turn so rejections raised while the last RPCs settled are seen.
        await new Promise((resolve) => setImmediate(resolve));
        return evaluation.error === undefined && rejections.length > 0
            ? { ...evaluation, error: messageOf(rejections[0], job.stackTraces), thrown: rejections[0] }
            : evaluation;
    } finally {
        Error.stackTraceLimit = stackTraceLimit;
        process.removeListener("unhandledRejection", onRejection);
    }
}

async function evaluateInStore(
    program: () => unknown,
    job: ProgramJob,
    missingStack: (name: string) => string,
    rejections: readonly unknown[],
    failed: Promise<never>,
): Promise<ProgramEvaluation> {
    const capture = new RegistrationCapture();
    const invokes: Record<string, number> = {};
    const accounts = new ProviderAccounts();
    pulumi.runtime.setAllConfig({ ...job.config }, [...job.secretKeys]);
    await pulumi.runtime.setMocks(
        {
            newResource(args) {
                const { id, state } = newResourceState(job, args, missingStack, accounts);
                capture.requestInFlight(args.inputs as Record<string, unknown>, id);
                return { id, state };
            },
            call(args) {
                invokes[args.token] = (invokes[args.token] ?? 0) + 1;
                return answerInvoke(accounts.worldOf(job.world, args.provider), args.token, args.inputs as Record<string, unknown>);
            },
        },
        projectName(job.projectRoot),
        job.stack,
        false,
    );
    // Registrations answered without the protobuf round trip where the SDK has the shape for it,
    // then captured (the order the calls nest in).
    if (answersRegistrationsDirectly) answerRegistrationsDirectly(getMonitor());
    capture.install(getMonitor());

    let outputs: Record<string, unknown> = {};
    const secretOutputNames: string[] = [];
    let thrown: unknown;
    let failure = false;
    const fail = (e: unknown): void => {
        if (failure) return;
        failure = true;
        thrown = e;
    };
    try {
        const returned = await Promise.race([Promise.resolve(program()), failed]);
        const record = isPlainRecord(returned) ? returned : {};
        for (const [key, value] of Object.entries(record)) {
            if (pulumi.Output.isInstance(value) && (await Promise.race([pulumi.isSecret(value), failed]))) {
                secretOutputNames.push(key);
            }
        }
        outputs = (await Promise.race([outputPromise(pulumi.output(record)), failed])) as Record<string, unknown>;
    } catch (e) {
        fail(e);
    }
    try {
        await Promise.race([waitForRPCs?.(), failed]);
    } catch (e) {
        fail(e);
    }
    if (!failure && rejections.length > 0) fail(rejections[0]);
    return {
        resources: withEngineResources(job, capture.resources),
        outputs: JSON.parse(JSON.stringify(outputs ?? {})) as Record<string, unknown>,
        secretOutputNames: secretOutputNames.sort(),
        invokes: Object.fromEntries(Object.entries(invokes).sort(([a], [b]) => (a < b ? -1 : 1))),
        ...(failure ? { error: messageOf(thrown, job.stackTraces), thrown } : {}),
    };
}

/** A unit program's outputs: an object literal, not a resource, an Output or nothing. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
    if (typeof value !== "object" || value === null) return false;
    const prototype = Object.getPrototypeOf(value) as unknown;
    return prototype === Object.prototype || prototype === null;
}

/**
 * The accounts of explicit AWS providers (`aws.Provider` with `allowedAccountIds`, as the organisation
 * unit makes to reach member accounts): a resource or invoke through one answers for that account.
 */
class ProviderAccounts {
    private readonly byId = new Map<string, string>();

    record(id: string, inputs: Record<string, unknown>): void {
        const allowed = inputs.allowedAccountIds;
        const list = typeof allowed === "string" ? (JSON.parse(allowed) as unknown) : allowed;
        if (Array.isArray(list) && list.length === 1 && typeof list[0] === "string") this.byId.set(id, list[0]);
    }

    /** The world a resource or invoke sees through `provider` (`<urn>::<id>`). */
    worldOf(world: SynthWorld, provider: string | undefined): SynthWorld {
        const account = provider === undefined ? undefined : this.byId.get(provider.split("::").pop() ?? "");
        return account === undefined || account === world.account ? world : { ...world, account, assumedRole: undefined };
    }
}

function newResourceState(
    job: ProgramJob,
    args: pulumi.runtime.MockResourceArgs,
    missingStack: (name: string) => string,
    accounts: ProviderAccounts,
): { id: string; state: Record<string, unknown> } {
    if (args.type === STACK_REFERENCE) {
        const name = String((args.inputs as { name?: unknown }).name ?? args.name);
        const upstream = job.upstream[referencedStack(name, projectName(job.projectRoot))];
        if (!upstream) {
            throw new Error(missingStack(name));
        }
        return { id: name, state: { name, outputs: upstream.outputs, secretOutputNames: [...upstream.secretOutputNames] } };
    }
    const computed = computeResourceState(
        accounts.worldOf(job.world, args.provider),
        args.type,
        args.name,
        args.inputs as Record<string, unknown>,
        args.id || undefined,
    );
    if (args.type === "pulumi:providers:aws") accounts.record(computed.id, args.inputs as Record<string, unknown>);
    return computed;
}

/** The short stack name of a reference `[org/][project/]<env>.<unit>`; another project never matches. */
export function referencedStack(name: string, ours: string = projectName()): string {
    const parts = name.split("/");
    const project = parts.length === 3 ? parts[1] : parts.length === 2 ? parts[0] : ours;
    // With two segments the first is the organization (`org/stack`) for Pulumi Cloud, or the
    // project for self-managed backends; either way a foreign project name cannot be ours.
    if (parts.length === 3 && project !== ours) return "";
    return parts[parts.length - 1] ?? "";
}

function stackReferenceProblem(job: EvaluationJob, name: string): string {
    const short = referencedStack(name, projectName(job.projectRoot));
    const known = job.environmentStacks.includes(short);
    const producer = short.startsWith(`${job.environment}.`) ? short.slice(job.environment.length + 1) : short;
    if (known) {
        return (
            `unit \`${job.unit}\` reads stack \`${name}\` but does not depend on ` +
            `unit \`${producer}\`: add \`${producer}\` to ` +
            `\`units.${job.unit}.dependsOn\` in the spec (synth only feeds a stack ` +
            `the outputs of the stacks it depends on).`
        );
    }
    return (
        `unit \`${job.unit}\` reads stack \`${name}\`, which is not a stack of ` +
        `environment \`${job.environment}\` (its stacks: ` +
        `${job.environmentStacks.map((s) => `\`${s}\``).join(", ")}): fix the ` +
        `stack name in the unit's config.`
    );
}

function messageOf(e: unknown, withStack = false): string {
    if (e instanceof Error) return withStack && e.stack ? e.stack : e.message || e.name;
    return String(e);
}
