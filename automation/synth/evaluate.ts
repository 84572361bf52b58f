import * as pulumi from "@pulumi/pulumi";
import { currentUnitContext } from "../../unit/define";
import { loadUnitProgram } from "../../unit/load";
import { PROJECT_NAME } from "../../unit/project";
import { getMonitor, outputPromise, waitForRPCs, withLocalStorage } from "../../unit/sdk-internals";
import { RegistrationCapture, SynthResource } from "./capture";
import { answerInvoke } from "./invokes";
import { computeResourceState, stableUuid, SynthWorld } from "./mock-cloud";

/** The synthesized outputs of an upstream stack, as a `StackReference` reads them. */
export interface UpstreamOutputs {
    readonly outputs: Readonly<Record<string, unknown>>;
    readonly secretOutputNames: readonly string[];
}

/** Everything a worker needs to evaluate one stack. Plain data (crosses the thread boundary). */
export interface EvaluationJob {
    readonly unit: string;
    /** The unit's program folder (`platform/network`). */
    readonly unitPath: string;
    readonly projectRoot: string;
    readonly environment: string;
    /** Short stack name, `<environment>.<unit>`. */
    readonly stack: string;
    /** Complete stack config, keys qualified (`edf:unit`, `aws:region`, `edf-input:x`). */
    readonly config: Readonly<Record<string, string>>;
    /** Keys of `config` that hold secrets (Vault inputs). */
    readonly secretKeys: readonly string[];
    readonly world: SynthWorld;
    /** Outputs of the stacks this unit depends on (transitively), by short stack name. */
    readonly upstream: Readonly<Record<string, UpstreamOutputs>>;
    /** Every stack of the environment, for messages about references to stacks not depended on. */
    readonly environmentStacks: readonly string[];
    /**
     * Keep stack traces while the program runs and add the failing one to `error` (`--debug`).
     * Off by default: the SDK captures a stack trace for every resource and promise, which is
     * half the cost of an evaluation, and synth reads none of them.
     * @default false
     */
    readonly stackTraces?: boolean;
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

const STACK_REFERENCE = "pulumi:pulumi:StackReference";

/**
 * Evaluates one unit under Pulumi's mock runtime, in a fresh per-program store: config from
 * the job, mocks answering with the {@link SynthWorld}, stack references answering with the
 * upstream stacks' synthesized outputs. Captures every registration, then adds what the
 * engine would add itself (the stack resource, default providers). Never throws for a
 * program error: it is returned in `error` with what was registered so far.
 */
export async function evaluateUnit(job: EvaluationJob): Promise<StackEvaluation> {
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
        const evaluation = await withLocalStorage(() => evaluateInStore(job, rejections, failed));
        // One more turn so rejections raised while the last RPCs settled are seen.
        await new Promise((resolve) => setImmediate(resolve));
        return evaluation.error === undefined && rejections.length > 0
            ? { ...evaluation, error: messageOf(rejections[0], job.stackTraces) }
            : evaluation;
    } finally {
        Error.stackTraceLimit = stackTraceLimit;
        process.removeListener("unhandledRejection", onRejection);
    }
}

async function evaluateInStore(job: EvaluationJob, rejections: readonly unknown[], failed: Promise<never>): Promise<StackEvaluation> {
    const capture = new RegistrationCapture();
    const invokes: Record<string, number> = {};
    const accounts = new ProviderAccounts();
    pulumi.runtime.setAllConfig({ ...job.config }, [...job.secretKeys]);
    await pulumi.runtime.setMocks(
        {
            newResource(args) {
                const { id, state } = newResourceState(job, args, accounts);
                capture.requestInFlight(args.inputs as Record<string, unknown>, id);
                return { id, state };
            },
            call(args) {
                invokes[args.token] = (invokes[args.token] ?? 0) + 1;
                return answerInvoke(accounts.worldOf(job.world, args.provider), args.token, args.inputs as Record<string, unknown>);
            },
        },
        PROJECT_NAME,
        job.stack,
        false,
    );
    capture.install(getMonitor());

    let outputs: Record<string, unknown> = {};
    const secretOutputNames: string[] = [];
    let error: string | undefined;
    try {
        const program = loadUnitProgram(job.unitPath, job.projectRoot);
        const returned = (await Promise.race([Promise.resolve(program(currentUnitContext(job.unitPath))), failed])) ?? {};
        for (const [key, value] of Object.entries(returned)) {
            if (pulumi.Output.isInstance(value) && (await Promise.race([pulumi.isSecret(value), failed]))) {
                secretOutputNames.push(key);
            }
        }
        outputs = (await Promise.race([outputPromise(pulumi.output(returned)), failed])) as Record<string, unknown>;
    } catch (e) {
        error = messageOf(e, job.stackTraces);
    }
    try {
        await Promise.race([waitForRPCs?.(), failed]);
    } catch (e) {
        error ??= messageOf(e, job.stackTraces);
    }
    if (error === undefined && rejections.length > 0) error = messageOf(rejections[0], job.stackTraces);
    return {
        resources: withEngineResources(job, capture.resources),
        outputs: JSON.parse(JSON.stringify(outputs ?? {})) as Record<string, unknown>,
        secretOutputNames: secretOutputNames.sort(),
        invokes: Object.fromEntries(Object.entries(invokes).sort(([a], [b]) => (a < b ? -1 : 1))),
        ...(error !== undefined ? { error } : {}),
    };
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
    job: EvaluationJob,
    args: pulumi.runtime.MockResourceArgs,
    accounts: ProviderAccounts,
): { id: string; state: Record<string, unknown> } {
    if (args.type === STACK_REFERENCE) {
        const name = String((args.inputs as { name?: unknown }).name ?? args.name);
        const upstream = job.upstream[referencedStack(name)];
        if (!upstream) {
            throw new Error(stackReferenceProblem(job, name));
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
export function referencedStack(name: string): string {
    const parts = name.split("/");
    const project = parts.length === 3 ? parts[1] : parts.length === 2 ? parts[0] : PROJECT_NAME;
    // With two segments the first is the organization (`org/stack`) for Pulumi Cloud, or the
    // project for self-managed backends; either way a foreign project name cannot be ours.
    if (parts.length === 3 && project !== PROJECT_NAME) return "";
    return parts[parts.length - 1] ?? "";
}

function stackReferenceProblem(job: EvaluationJob, name: string): string {
    const short = referencedStack(name);
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

/**
 * Adds what the engine adds on a real run: the stack resource (parent of every top-level
 * resource) and one default provider per provider package, built from the stack config of
 * that package (`aws:region`, `aws:allowedAccountIds`, `aws:defaultTags`) as the engine
 * passes it, and named `default_<version>` as the engine names it.
 */
function withEngineResources(job: EvaluationJob, captured: readonly SynthResource[]): SynthResource[] {
    const stackUrn = `urn:pulumi:${job.stack}::${PROJECT_NAME}::pulumi:pulumi:Stack::${PROJECT_NAME}-${job.stack}`;
    const stackResource: SynthResource = {
        type: "pulumi:pulumi:Stack",
        name: `${PROJECT_NAME}-${job.stack}`,
        urn: stackUrn,
        props: {},
        custom: false,
        synthetic: true,
    };
    const providers = new Map<string, SynthResource>();
    const defaultProvider = (pkg: string, version: string): string => {
        const name = `default${version ? `_${version.replace(/[.+-]/g, "_")}` : ""}`;
        const urn = `urn:pulumi:${job.stack}::${PROJECT_NAME}::pulumi:providers:${pkg}::${name}`;
        let provider = providers.get(urn);
        if (!provider) {
            const props: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(job.config)) {
                // Secret provider config (an assumed role's external id) reaches policies as a secret, as the engine passes it.
                if (key.startsWith(`${pkg}:`))
                    props[key.slice(pkg.length + 1)] = providerConfigValue(key, value, job.secretKeys.includes(key));
            }
            if (version) props.version = version;
            provider = { type: `pulumi:providers:${pkg}`, name, urn, id: stableUuid(job.stack, urn), props, custom: true, synthetic: true };
            providers.set(urn, provider);
        }
        return `${urn}::${provider.id}`;
    };
    const resources = captured.map((r): SynthResource => {
        const pkg = r.type.split(":")[0] ?? "";
        const needsDefault = r.custom && !r.provider && pkg !== "pulumi" && !r.type.startsWith("pulumi:");
        return {
            ...r,
            parent: r.parent ?? stackUrn,
            ...(needsDefault ? { provider: defaultProvider(pkg, r.packageVersion ?? "") } : {}),
        };
    });
    return [stackResource, ...providers.values(), ...resources].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
}

/**
 * A provider config value as a policy sees it. The assumed role's config is secret for its external id
 * alone: the role ARN and session stay readable (reports say which role a stack assumes), the id is a secret.
 */
function providerConfigValue(key: string, value: string, secret: boolean): unknown {
    if (!secret) return value;
    if (key === "aws:assumeRoles") {
        const roles = JSON.parse(value) as Record<string, unknown>[];
        return roles.map((r) => (r.externalId === undefined ? r : { ...r, externalId: secretValue(r.externalId) }));
    }
    return secretValue(value);
}

/** A value as the engine's wire format marks a secret (what `redactSecrets` and the redactor recognise). */
function secretValue(value: unknown): Record<string, unknown> {
    return { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value };
}

function messageOf(e: unknown, withStack = false): string {
    if (e instanceof Error) return withStack && e.stack ? e.stack : e.message || e.name;
    return String(e);
}
