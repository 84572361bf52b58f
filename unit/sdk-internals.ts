/**
 * The fence around the Pulumi Node SDK's private parts. Every module path outside the SDK's
 * public entry points, every method EDF patches and every internal shape it relies on is
 * reached through this one module, and nowhere else (the import checker's rules say so).
 *
 * Each part is checked when this module loads (the SDK loads them all with its index, so the
 * checks cost nothing). When an SDK upgrade moves or reshapes one, loading fails with a message
 * naming the part and the SDK version this was written for, instead of a stack drifting into
 * wrong behaviour later. The policy side has its own fence: policy-packs/lib/analyzer-internals.ts.
 *
 * It sits on the ground floor (`unit/`) because both sides of the house need it: a unit
 * program (services/sdk/landing-zone.ts awaits an Output) and the driver (program hosts,
 * the CLI runner, synth's mock runtime).
 */
import Module from "module";
import * as path from "path";
import type { PulumiCommand } from "@pulumi/pulumi/automation";

/**
 * The @pulumi/pulumi release every part below was checked against. The consumer test also loads
 * it on 3.260.0, the lowest of the SDK's peer range.
 */
export const SDK_WRITTEN_FOR = "3.276.0";

const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the version of the SDK actually loaded, for the messages below
const sdkVersion = (require(path.join(sdkDir, "package.json")) as { version: string }).version;

/** Fails loudly when `part` no longer has the shape EDF relies on. */
function check(ok: boolean, part: string, use: string): void {
    if (!ok) {
        throw new Error(
            `@pulumi/pulumi ${sdkVersion} changed ${part}, which EDF uses for ${use}. ` +
                `unit/sdk-internals.ts was written for ${SDK_WRITTEN_FOR}: pin that version or update the fence.`,
        );
    }
}

/** The SDK's closure serializer and the heavy modules it loads that nothing else in the SDK uses. */
const CLOSURE_DIR = path.join(sdkDir, "runtime", "closure") + path.sep;
const TYPESCRIPT_SHIM = path.join(sdkDir, "typescript-shim.js");
const DEFERRED = new Set(["typescript", "@npmcli/arborist"]);

/**
 * The SDK loads the TypeScript compiler (`typescript-shim.js`, for parsing functions) and npm's
 * Arborist (`runtime/closure/codePaths.js`, for a dynamic provider's package closure) with its
 * index, though only serializing a function closure — a dynamic provider on a real deployment —
 * ever uses them: half a CPU-second per thread that loads the SDK, for nothing under synth's
 * mocks. This hands the serializer a stand-in for each that loads the real module on first use,
 * so a closure still serializes exactly as before. Installed when this fence loads, before its
 * own requires load the SDK; a loader that already has it is left alone. When an SDK upgrade
 * moves these requires, the stand-ins are simply never asked for: only start-up time is at stake.
 */
function deferClosureSerializerDependencies(): void {
    const loader = Module as unknown as {
        _load: ((request: string, parent?: { filename?: string }, ...rest: unknown[]) => unknown) & { edfDeferred?: true };
    };
    if (loader._load.edfDeferred) return;
    const load = loader._load;
    const deferring = function loadDeferred(this: unknown, request: string, parent?: { filename?: string }, ...rest: unknown[]): unknown {
        const from = parent?.filename ?? "";
        if (!DEFERRED.has(request) || !(from.startsWith(CLOSURE_DIR) || from === TYPESCRIPT_SHIM)) {
            return load.call(this, request, parent, ...rest);
        }
        let real: Record<string | symbol, unknown> | undefined;
        const module = (): Record<string | symbol, unknown> =>
            (real ??= load.call(this, request, parent, ...rest) as Record<string | symbol, unknown>);
        return new Proxy(
            {},
            {
                // `__importStar` asks first; answering keeps it from copying (and so loading) the module.
                get: (_target, key) => (key === "__esModule" ? true : module()[key]),
                has: (_target, key) => key in module(),
                ownKeys: () => Reflect.ownKeys(module()),
                getOwnPropertyDescriptor: (_target, key) => {
                    const descriptor = Object.getOwnPropertyDescriptor(module(), key);
                    return descriptor && { ...descriptor, configurable: true };
                },
            },
        );
    };
    loader._load = Object.assign(deferring, { edfDeferred: true as const });
}
deferClosureSerializerDependencies();

/* eslint-disable @typescript-eslint/no-require-imports -- private SDK paths are what this fence exists for */
const runtimeState = require("@pulumi/pulumi/runtime/state") as { withLocalStorage?: unknown };
const runtimeSettings = require("@pulumi/pulumi/runtime/settings") as {
    getMonitor?: unknown;
    waitForRPCs?: unknown;
    grpcChannelOptions?: unknown;
};
const automationCmd = require("@pulumi/pulumi/automation/cmd") as { CommandResult?: unknown };
const automationErrors = require("@pulumi/pulumi/automation/errors") as { createCommandError?: unknown };
const automationServer = require("@pulumi/pulumi/automation/server") as { LanguageServer?: unknown };
const languageGrpc = require("@pulumi/pulumi/proto/language_grpc_pb") as { LanguageRuntimeService?: unknown };
const outputModule = require("@pulumi/pulumi/output") as { output?: (value: unknown) => object };
const runtimeConfig = require("@pulumi/pulumi/runtime/config") as { isConfigSecret?: unknown };
const automation = require("@pulumi/pulumi/automation") as typeof import("@pulumi/pulumi/automation");
const resourceModule = require("@pulumi/pulumi/resource") as { Resource?: { callsites?: unknown } };
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise?: unknown };
const rpcModule = require("@pulumi/pulumi/runtime/rpc") as {
    serializeProperties?: unknown;
    deserializeProperties?: unknown;
    transferProperties?: TransferProperties;
    serializeResourceProperties?: SerializeResourceProperties;
};
const resourceRuntime = require("@pulumi/pulumi/runtime/resource") as { prepareResource?: unknown };
const resourceProto = require("@pulumi/pulumi/proto/resource_pb") as { RegisterResourceResponse?: new () => object };
const mocksModule = require("@pulumi/pulumi/runtime/mocks") as { MockMonitor?: new (mocks: unknown) => object };
// The protobuf library instance the SDK builds its messages with (the reference of a Struct round trip).
const structProto = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [sdkDir] })) as {
    Struct?: { fromJavaScript?: (value: unknown) => { toJavaScript(): unknown } };
};
// The gRPC library instance the SDK itself uses: a server built with another copy would not
// accept the SDK's service definitions.
const sdkGrpc = require(require.resolve("@grpc/grpc-js", { paths: [sdkDir] })) as typeof import("@grpc/grpc-js");
/* eslint-enable @typescript-eslint/no-require-imports */

check(
    typeof runtimeState.withLocalStorage === "function",
    "`runtime/state` `withLocalStorage`",
    "a fresh runtime store per synthesized stack",
);
check(typeof runtimeSettings.getMonitor === "function", "`runtime/settings` `getMonitor`", "capturing registrations under mocks");
check(
    runtimeSettings.waitForRPCs === undefined || typeof runtimeSettings.waitForRPCs === "function",
    "`runtime/settings` `waitForRPCs`",
    "draining a mocked program's registrations",
);
check(typeof runtimeSettings.grpcChannelOptions === "object", "`runtime/settings` `grpcChannelOptions`", "program hosts' gRPC servers");
check(
    typeof runtimeConfig.isConfigSecret === "function",
    "`runtime/config` `isConfigSecret`",
    "keeping a secret input secret as an Output, never plain text in programs",
);
check(typeof automationCmd.CommandResult === "function", "`automation/cmd` `CommandResult`", "the driver's CLI runner");
check(typeof automationErrors.createCommandError === "function", "`automation/errors` `createCommandError`", "the driver's CLI runner");
check(typeof automationServer.LanguageServer === "function", "`automation/server` `LanguageServer`", "program hosts");
check(typeof languageGrpc.LanguageRuntimeService === "object", "`proto/language_grpc_pb` `LanguageRuntimeService`", "program hosts");
check(typeof sdkGrpc.Server === "function", "its `@grpc/grpc-js` dependency", "program hosts");
check(
    typeof (automation.PulumiCommand.prototype as { run?: unknown }).run === "function",
    "`PulumiCommand#run`",
    "the driver's CLI runner",
);
check(
    typeof automation.LocalWorkspace.prototype.selectStack === "function",
    "`LocalWorkspace#selectStack`",
    "opening a stack in one CLI call",
);
check(
    typeof (outputModule.output?.(0) as { promise?: unknown } | undefined)?.promise === "function",
    "`Output#promise`",
    "awaiting an output that may reject",
);

check(
    typeof resourceModule.Resource?.callsites === "function",
    "`Resource.callsites`",
    "skipping source positions while synth evaluates programs under mocks",
);
check(
    typeof debuggable.debuggablePromise === "function",
    "`runtime/debuggable` `debuggablePromise`",
    "skipping promise leak tracking while synth evaluates programs under mocks",
);

/**
 * Whether synth may answer registrations without the protobuf round trip
 * (`automation/synth/direct-registrations.ts`): the SDK's serialization, its `Struct`, its
 * registration answer and its `MockMonitor` have the shape that code is written for. An
 * optimisation only, so not a {@link check}: with another shape (a consumer on an older or newer
 * `@pulumi/pulumi` than {@link SDK_WRITTEN_FOR}) synth keeps the SDK's own mock monitor, which gives
 * the same result more slowly.
 */
export const answersRegistrationsDirectly: boolean =
    typeof rpcModule.serializeProperties === "function" &&
    typeof rpcModule.deserializeProperties === "function" &&
    typeof structProto.Struct?.fromJavaScript === "function" &&
    typeof (resourceProto.RegisterResourceResponse?.prototype as { getObject?: unknown } | undefined)?.getObject === "function" &&
    mockMonitorMatches(mocksModule.MockMonitor);

/** Runs `program` with a runtime store of its own (config, monitor, feature flags), as the SDK does per inline program. */
export const withLocalStorage = runtimeState.withLocalStorage as <T>(program: () => Promise<T>) => Promise<T>;

/** The current runtime's resource monitor (the mock monitor under `setMocks`). */
export const getMonitor = runtimeSettings.getMonitor as () => unknown;

/** Whether a config key (`<namespace>:<key>`) holds a secret in the current stack's config. */
export const isConfigSecret = runtimeConfig.isConfigSecret as (key: string) => boolean;

/** Waits for the runtime's outstanding RPCs, when the SDK has the function. */
export const waitForRPCs = runtimeSettings.waitForRPCs as (() => Promise<void>) | undefined;

/**
 * An Output's value as a promise that also rejects when the output does: `apply` never calls
 * back on a rejected output; the SDK's own `promise()` (its test helpers use it) settles either way.
 */
export function outputPromise<T>(output: unknown): Promise<T> {
    return (output as { promise(): Promise<T> }).promise();
}

/** What a language server for inline programs needs: the SDK's server, service definition, gRPC library and channel options. */
export const languageServerParts = {
    grpc: sdkGrpc,
    LanguageServer: automationServer.LanguageServer as new (program: () => Promise<unknown>) => object,
    LanguageRuntimeService: languageGrpc.LanguageRuntimeService as import("@grpc/grpc-js").ServiceDefinition,
    channelOptions: runtimeSettings.grpcChannelOptions as Record<string, unknown>,
};

/** The automation API's own result and error types, which a replacement CLI runner must return and throw. */
export const commandResults = {
    CommandResult: automationCmd.CommandResult as new (stdout: string, stderr: string, code: number, err?: Error) => unknown,
    createCommandError: automationErrors.createCommandError as (result: unknown) => Error,
};

/** The signature of `PulumiCommand#run` (internal to the SDK). */
export type CommandRun = (
    args: string[],
    cwd: string,
    additionalEnv: Record<string, string>,
    onOutput?: (data: string) => void,
    onError?: (data: string) => void,
    signal?: AbortSignal,
) => Promise<unknown>;

/** A `PulumiCommand` whose every CLI call goes through `run` instead of the SDK's runner (the workspace calls `run`). */
export function withCommandRun(command: PulumiCommand, run: CommandRun): PulumiCommand {
    const replaced = Object.create(command) as PulumiCommand & { run: CommandRun };
    replaced.run = run;
    return replaced;
}

/** Runs one CLI command through the command's (possibly replaced) runner, as the workspace's own commands do. */
export function runCommand(command: PulumiCommand, args: string[], cwd: string, env: Record<string, string>): Promise<unknown> {
    return (command as unknown as { run: CommandRun }).run(args, cwd, env);
}

/** The workspace with `selectStack` replaced (what `Stack.select` calls to make the stack current). */
export function withSelectStack<W extends object>(workspace: W, selectStack: (stackName: string) => Promise<void>): W {
    return Object.assign(workspace, { selectStack });
}

/** The registration calls of a (mock) resource monitor, which synth wraps to capture what a program registers. */
export interface MonitorRegistrations<Request, Callback> {
    registerResource(req: Request, callback: Callback): unknown;
    readResource(req: Request, callback: Callback): unknown;
}

/** Wraps the monitor's `registerResource` and `readResource`; fails loudly if the monitor has no such methods. */
export function wrapMonitorRegistrations<Request, Callback>(
    monitor: unknown,
    wrap: (
        original: MonitorRegistrations<Request, Callback>["registerResource"],
        read: boolean,
    ) => MonitorRegistrations<Request, Callback>["registerResource"],
): void {
    const m = monitor as Partial<MonitorRegistrations<Request, Callback>>;
    check(
        typeof m?.registerResource === "function" && typeof m.readResource === "function",
        "the resource monitor's `registerResource`/`readResource`",
        "capturing registrations under mocks",
    );
    const target = m as MonitorRegistrations<Request, Callback>;
    target.registerResource = wrap(target.registerResource, false);
    target.readResource = wrap(target.readResource, true);
}

/**
 * In a worker thread `trace_events` cannot load (ERR_TRACE_EVENTS_UNAVAILABLE), yet the SDK's
 * closure serializer (runtime/closure/createClosure.js) requires every built-in module once, to
 * recognise captured ones — so a dynamic provider could not be serialized in a program host.
 * This makes `trace_events` load as a placeholder that is only ever a map key to the
 * serializer and throws Node's own error on any real use. Call it first thing in a worker.
 */
export function installTraceEventsPlaceholder(): void {
    const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
    const load = loader._load;
    const unavailable = new Proxy(Object.freeze({}), {
        get(_target, property) {
            if (property === Symbol.toPrimitive || property === "then") return undefined;
            const error = new Error("Trace events are unavailable in a program-host worker thread") as Error & { code?: string };
            error.code = "ERR_TRACE_EVENTS_UNAVAILABLE";
            throw error;
        },
    });
    loader._load = function loadInWorker(this: unknown, request: string, ...rest: unknown[]) {
        return request === "trace_events" || request === "node:trace_events" ? unavailable : load.call(this, request, ...rest);
    };
}

type Callsites = () => unknown[];
type DebuggablePromise = <T>(p: Promise<T>, ctx: unknown) => Promise<T>;
const resourceClass = resourceModule.Resource as { callsites: Callsites };
const debuggableModule = debuggable as { debuggablePromise: DebuggablePromise };
const captured = { callsites: resourceClass.callsites, debuggablePromise: debuggableModule.debuggablePromise };
let uncapturedDepth = 0;

/**
 * Runs `work` (a program under synth's mock runtime) without the SDK's debugging aids, which
 * nothing under mocks reads: the source position and stack trace of every resource (the SDK
 * raises `Error.stackTraceLimit` to infinity, formats the whole stack, parses every frame and
 * marshals it into the registration request: the largest single cost of a registration) and
 * the leak tracking of every RPC promise (three properties, a stack and two chained promises
 * each, read only by the exit handler of a real program host). What a program registers and
 * every value it resolves are unchanged; only the request's `sourcePosition`/`stackTrace`
 * fields stay empty. Re-entrant: the aids come back when the outermost call settles.
 */
export async function withoutDebugCapture<T>(work: () => Promise<T>): Promise<T> {
    if (uncapturedDepth++ === 0) {
        resourceClass.callsites = () => [];
        debuggableModule.debuggablePromise = (p) => p;
    }
    try {
        return await work();
    } finally {
        if (--uncapturedDepth === 0) {
            resourceClass.callsites = captured.callsites;
            debuggableModule.debuggablePromise = captured.debuggablePromise;
        }
    }
}

/** One resource the SDK's mock monitor has registered (what its `getResource` invoke answers with). */
export interface MockRegisteredResource {
    urn: string;
    id: string | null;
    state: unknown;
}

/** What the SDK's mock monitor hands `mocks.newResource` (its `MockResourceArgs`). */
export interface MockNewResourceArgs {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    provider: string;
    custom: boolean;
    id: string;
    transforms: unknown[];
}

/** The parts of the SDK's `MockMonitor` a faster `registerResource` needs, checked when the fence loads. */
export interface MockMonitorParts {
    /** The mocks given to `setMocks`. */
    readonly mocks: { newResource(args: MockNewResourceArgs): unknown };
    /** Every registered resource by URN (read by the monitor's `getResource` invoke and `registerResourceOutputs`). */
    readonly resources: Map<string, MockRegisteredResource>;
    /** Transforms registered with the monitor, by callback token. */
    readonly transformCallbacks: Map<string, unknown>;
    /** The URN of a registration, as the monitor makes it. */
    newUrn(parent: string, type: string, name: string): string;
}

/** The SDK's protobuf answer to a registration (its getters give the defaults for fields left unset). */
export interface RegisterResourceResponse {
    setUrn(urn: string): void;
    setId(id: string): void;
    getUrn(): string;
    getObject(): unknown;
}
export const RegisterResourceResponse = resourceProto.RegisterResourceResponse as new () => RegisterResourceResponse;

/** The SDK's own property serialization (what its mock monitor applies to a mock's answer and to a request's object). */
export const serializeProperties = rpcModule.serializeProperties as (label: string, props: unknown) => Promise<Record<string, unknown>>;
export const deserializeProperties = rpcModule.deserializeProperties as (struct: unknown) => Record<string, unknown>;

/** `value` through a protobuf `Struct` and back, as the SDK's mock monitor hands a registration's state to the SDK. */
export function structRoundTrip(value: unknown): unknown {
    return structProto.Struct!.fromJavaScript!(value).toJavaScript();
}

/** A `Struct` of `value` as the SDK builds one now (under {@link withPlainStructs}, a light one for plain data). */
export function sdkStruct(value: unknown): { toJavaScript(): unknown; toObject(): unknown } {
    return structProto.Struct!.fromJavaScript!(value) as { toJavaScript(): unknown; toObject(): unknown };
}

/** A deep copy of plain data as a `Struct` round trip gives it, or undefined for a value a plain copy does not cover. */
export type PlainStructCopy = (value: unknown) => Record<string, unknown> | undefined;

type StructClass = (new () => { toJavaScript(): unknown; getFieldsMap(noLazyCreate?: boolean): unknown }) & {
    fromJavaScript(value: unknown): unknown;
};
// Read only with `answersRegistrationsDirectly` (which checked both): another SDK shape may have neither.
const structClass = structProto.Struct as unknown as StructClass;
const buildStruct = structProto.Struct?.fromJavaScript as StructClass["fromJavaScript"];
/** The plain copy each light `Struct` stands for (kept off the message: its own enumerable fields stay a message's). */
const lightContents = new WeakMap<
    object,
    { readonly copy: Record<string, unknown>; readonly plainCopy: PlainStructCopy; real?: unknown }
>();
let lightStructClass: StructClass | undefined;

/**
 * A `Struct` of plain data that keeps a plain copy instead of a message per value: `toJavaScript()`
 * gives a copy of it (what the real message gives), and anything else that reads the fields gets
 * them from the real message, built on first use. Made on first use: it extends the SDK's class.
 */
function lightStruct(copy: Record<string, unknown>, plainCopy: PlainStructCopy): object {
    lightStructClass ??= class LightStruct extends structClass {
        override toJavaScript(): unknown {
            const contents = lightContents.get(this)!;
            return contents.plainCopy(contents.copy);
        }

        override getFieldsMap(noLazyCreate?: boolean): unknown {
            return (realStruct(this) as LightStruct).getFieldsMap(noLazyCreate);
        }
    } as unknown as StructClass;
    const light = new lightStructClass();
    lightContents.set(light, { copy, plainCopy });
    return light;
}

/**
 * A `Struct` to hand the SDK's `deserializeProperties` once: a light one's `toJavaScript()` gives its
 * plain copy itself rather than a fresh copy of it (`deserializeProperties` only reads what it is
 * given and builds every object and array it returns anew, so nothing can reach or change the copy);
 * any other value as it is.
 */
export function structToDeserialize(struct: unknown): unknown {
    const contents = typeof struct === "object" && struct !== null ? lightContents.get(struct) : undefined;
    return contents ? { toJavaScript: () => contents.copy } : struct;
}

/** The real `Struct` a light one stands for (built once); any other value as it is. */
export function realStruct(struct: unknown): unknown {
    const contents = typeof struct === "object" && struct !== null ? lightContents.get(struct) : undefined;
    if (!contents) return struct;
    return (contents.real ??= realStructOf(contents.copy));
}

/** The library's own `Struct` of `value`, nested ones real too (its `fromJavaScript` calls itself for nested objects). */
function realStructOf(value: unknown): unknown {
    const patched = structClass.fromJavaScript;
    structClass.fromJavaScript = buildStruct;
    try {
        return buildStruct.call(structClass, value);
    } finally {
        structClass.fromJavaScript = patched;
    }
}

let plainStructDepth = 0;

/**
 * Runs `work` (programs under synth's mock monitor) with the SDK's `Struct.fromJavaScript` building,
 * for plain data, a light `Struct` ({@link lightStruct}): a program's every registration request
 * carries its inputs as a `Struct` that the mock monitor only turns straight back into plain data
 * (`toJavaScript()`), a message object per value built and dropped for nothing. Data a plain copy
 * does not cover gets the real message (and the library's own error, when it has one), at the
 * same moment. Nothing encodes a message under the mock monitor; a light `Struct` the monitor
 * keeps is made real first (`realStruct`, direct-registrations.ts). Only with
 * {@link answersRegistrationsDirectly}. Re-entrant: the library's own function comes back when
 * the outermost call settles.
 */
export async function withPlainStructs<T>(plainCopy: PlainStructCopy, work: () => Promise<T>): Promise<T> {
    if (plainStructDepth++ === 0) {
        structClass.fromJavaScript = (value: unknown) => {
            const copy = plainCopy(value);
            return copy === undefined ? realStructOf(value) : lightStruct(copy, plainCopy);
        };
    }
    try {
        return await work();
    } finally {
        if (--plainStructDepth === 0) structClass.fromJavaScript = buildStruct;
    }
}

/**
 * The SDK mock monitor's parts (see {@link MockMonitorParts}). The monitor's `registerResource` is
 * replaced by synth with one that answers the same without building protobuf messages; the shape
 * it relies on was checked when this fence loaded.
 */
export function mockMonitorParts(monitor: unknown): MockMonitorParts {
    check(
        answersRegistrationsDirectly && monitor instanceof (mocksModule.MockMonitor as new (mocks: unknown) => object),
        "the monitor `setMocks` installs",
        "answering registrations under mocks",
    );
    return monitor as MockMonitorParts;
}

/**
 * Whether the SDK's `MockMonitor` still has the shape synth's faster `registerResource` is written
 * for: the fields it keeps, how it makes URNs, and the methods it has (a new one could mean the
 * SDK now reads more of a registration's answer).
 */
export function mockMonitorMatches(MockMonitor: (new (mocks: unknown) => object) | undefined): boolean {
    if (typeof MockMonitor !== "function") return false;
    const methods = Object.getOwnPropertyNames(MockMonitor.prototype).sort().join(",");
    const known = [
        "constructor",
        "existsResource",
        "getDeploymentInfo",
        "getRegisteredResources",
        "invoke",
        "newUrn",
        "readResource",
        "recordTransformCallback",
        "registerPackage",
        "registerResource",
        "registerResourceOutputs",
        "registerStackInvokeTransform",
        "registerStackTransform",
        "supportsFeature",
    ].join(",");
    const instance = new MockMonitor({}) as Partial<Record<keyof MockMonitorParts, unknown>>;
    return (
        methods === known &&
        instance.resources instanceof Map &&
        instance.transformCallbacks instanceof Map &&
        typeof instance.mocks === "object" &&
        MockMonitor.prototype.registerResource.length === 2
    );
}

/** A resolver `transferProperties` hands back per property: settles the property's Output after the registration. */
type PropertyResolver = (value: unknown, isKnown: boolean, isSecret: boolean, deps?: unknown[], err?: unknown) => void;
/** The SDK's `runtime/rpc` `transferProperties`: an unresolved Output per property on `onto`, and their resolvers. */
type TransferProperties = (onto: object, label: string, props: Record<string, unknown>) => Record<string, PropertyResolver>;

const transferProperties = rpcModule.transferProperties;

/**
 * Whether the SDK's `transferProperties` has the shape {@link withLazyResourceOutputs} is written
 * for: the registration code (`prepareResource`) reaches it through the module's exports (so a
 * replacement is called), and it tells an existing property by `onto.hasOwnProperty(k)`, sets each
 * one by assignment (`onto[k] = new output_1.Output(`) and returns the resolvers by key.
 */
export function transferPropertiesMatches(transfer: unknown, prepareResource: unknown): boolean {
    if (typeof transfer !== "function" || typeof prepareResource !== "function" || transfer.length !== 3) return false;
    const transferSource = Function.prototype.toString.call(transfer);
    return (
        Function.prototype.toString.call(prepareResource).includes("rpc_1.transferProperties(res, label, props)") &&
        transferSource.includes("onto.hasOwnProperty(k)") &&
        transferSource.includes("onto[k] = new output_1.Output(") &&
        transferSource.includes("return resolvers;")
    );
}

/**
 * Whether synth makes a resource's property Outputs on first read ({@link withLazyResourceOutputs}).
 * An optimisation only, so not a {@link check}: with another shape the SDK's own function stays,
 * which gives the same result more slowly.
 */
export const transfersOutputsLazily: boolean = transferPropertiesMatches(transferProperties, resourceRuntime.prepareResource);

/**
 * The SDK's `transferProperties`, with each property's Output made when something first reads the
 * property, by the SDK's own function, rather than when the resource is constructed. A resource of
 * the AWS provider carries an Output for every property its type declares (3,249 resources of the
 * 100-service estate: 41,655 Outputs, each ~10 promises and a Proxy), and programs read about one
 * in sixteen: the rest are built, settled and collected for nothing. The property is an accessor
 * in the place the SDK's assignment puts it (same keys, same order, enumerable); the first read or
 * write turns it into the SDK's data property holding the SDK's Output, settled with what the
 * registration answered if it has answered. A registration that failed makes the Output at once,
 * so its rejection is raised as the SDK raises it.
 */
function transferPropertiesLazily(
    this: unknown,
    onto: object,
    label: string,
    props: Record<string, unknown>,
): Record<string, PropertyResolver> {
    const target = onto as Record<string, unknown>;
    const state: LazyProperties = { thisArg: this, label, props, resolvers: new Map(), answered: new Map(), making: undefined };
    const resolvers: Record<string, PropertyResolver> = {};
    for (const key of Object.keys(props)) {
        if (key === "id" || key === "urn") continue;
        if (Object.prototype.hasOwnProperty.call(target, key))
            throw new Error(`Property '${key}' is already initialized on target '${label}`);
        Object.defineProperty(target, key, lazyDescriptor(key));
        resolvers[key] = (...args) => settleProperty(target, state, key, args);
    }
    lazyProperties.set(target, state);
    return resolvers;
}

/** What a resource's not-yet-made property Outputs need: the SDK call's arguments and what the registration answered. */
interface LazyProperties {
    readonly thisArg: unknown;
    readonly label: string;
    readonly props: Record<string, unknown>;
    /** The SDK's resolver of each property made so far. */
    readonly resolvers: Map<string, PropertyResolver>;
    /** What the registration answered for each property not made yet. */
    readonly answered: Map<string, Parameters<PropertyResolver>>;
    /** The property whose Output the SDK's function is assigning now. */
    making: string | undefined;
}

const lazyProperties = new WeakMap<object, LazyProperties>();
/** One accessor per property name, shared by every resource (its state is found by the object it is read on). */
const lazyDescriptors = new Map<string, PropertyDescriptor>();

function lazyDescriptor(key: string): PropertyDescriptor {
    let descriptor = lazyDescriptors.get(key);
    if (!descriptor) {
        descriptor = {
            get(this: object): unknown {
                const holder = lazyHolder(this, key);
                makeProperty(holder, lazyProperties.get(holder)!, key);
                return (holder as Record<string, unknown>)[key];
            },
            set(this: object, value: unknown): void {
                const holder = lazyHolder(this, key);
                const state = lazyProperties.get(holder)!;
                if (state.making !== key) makeProperty(holder, state, key);
                Object.defineProperty(holder, key, { value, writable: true, enumerable: true, configurable: true });
            },
            enumerable: true,
            configurable: true,
        };
        lazyDescriptors.set(key, descriptor);
    }
    return descriptor;
}

/** The object the lazy property `key` is defined on: `receiver`, or what it inherits it from. */
function lazyHolder(receiver: object, key: string): object {
    let holder: object | null = receiver;
    while (holder !== null && !Object.prototype.hasOwnProperty.call(holder, key)) holder = Object.getPrototypeOf(holder) as object | null;
    return holder ?? receiver;
}

/**
 * Makes the Output of `key` with the SDK's own function, which assigns it (the accessor's setter places
 * it as a data property) after checking the property is not there yet: an own `hasOwnProperty` answers
 * that for the call, and removing it again leaves the other keys' order as it was. Then settles it with
 * what the registration answered, if it has.
 */
function makeProperty(target: object, state: LazyProperties, key: string): void {
    if (state.resolvers.has(key)) return;
    state.making = key;
    Object.defineProperty(target, "hasOwnProperty", { value: () => false, configurable: true });
    let resolver: PropertyResolver;
    try {
        resolver = transferProperties!.call(state.thisArg, target, state.label, { [key]: state.props[key] })[key]!;
    } finally {
        delete (target as { hasOwnProperty?: unknown }).hasOwnProperty;
        state.making = undefined;
    }
    state.resolvers.set(key, resolver);
    const answered = state.answered.get(key);
    if (answered) {
        state.answered.delete(key);
        resolver(...answered);
    }
}

/** A property's resolver: the SDK's once its Output is made; kept for then otherwise (the first answer wins, as a promise's). */
function settleProperty(target: object, state: LazyProperties, key: string, args: Parameters<PropertyResolver>): void {
    const resolver = state.resolvers.get(key);
    if (resolver) return resolver(...args);
    // A failure rejects the Output's promises: made now, so its rejection is raised as the SDK raises it.
    if (args[4]) {
        makeProperty(target, state, key);
        return state.resolvers.get(key)!(...args);
    }
    if (!state.answered.has(key)) state.answered.set(key, args);
}

let lazyOutputsDepth = 0;

/**
 * Runs `work` (programs under synth's mock runtime) with the SDK's `transferProperties` replaced by
 * {@link transferPropertiesLazily}: a resource's property Outputs are made when first read. What a
 * program registers and every value it reads are unchanged. Only with {@link transfersOutputsLazily}.
 * Re-entrant: the SDK's own function comes back when the outermost call settles.
 */
export async function withLazyResourceOutputs<T>(work: () => Promise<T>): Promise<T> {
    if (!transfersOutputsLazily) return work();
    if (lazyOutputsDepth++ === 0) rpcModule.transferProperties = transferPropertiesLazily;
    try {
        return await work();
    } finally {
        if (--lazyOutputsDepth === 0) rpcModule.transferProperties = transferProperties;
    }
}

/** The SDK's `runtime/rpc` `serializeResourceProperties`: a registration's inputs for the request, and each one's dependencies. */
type SerializeResourceProperties = (label: string, props: Record<string, unknown>, opts?: unknown) => Promise<unknown>;

const serializeResourceProperties = rpcModule.serializeResourceProperties;

/**
 * Whether the SDK's `serializeResourceProperties` has the shape {@link withDefinedInputsOnly} is
 * written for: the registration code reaches it through the module's exports, and it is the walk
 * over every key but `id` and `urn` that leaves out a key whose value serializes to undefined.
 */
export function serializeResourcePropertiesMatches(serialize: unknown, prepareResource: unknown): boolean {
    if (typeof serialize !== "function" || typeof prepareResource !== "function" || serialize.length !== 3) return false;
    return (
        Function.prototype.toString.call(prepareResource).includes("await rpc_1.serializeResourceProperties(label, props, {") &&
        Function.prototype.toString
            .call(serialize)
            .includes('return serializeFilteredProperties(label, props, (key) => key !== "id" && key !== "urn", opts);')
    );
}

/** Whether synth hands the SDK's input serialization only the inputs that have a value ({@link withDefinedInputsOnly}). */
export const serializesDefinedInputsOnly: boolean = serializeResourcePropertiesMatches(
    serializeResourceProperties,
    resourceRuntime.prepareResource,
);

/**
 * The SDK's `serializeResourceProperties` given only the keys whose value is not undefined, in their
 * order. The SDK walks every key with an `await` (a label string, a dependency set and an async call
 * each) and leaves out a key whose value is undefined: an AWS resource's declared outputs are all
 * keys of its inputs, set to undefined (25,657 of the 41,655 keys of the 100-service estate's 3,671 registrations).
 * Same request, same dependencies; only fewer turns of the event loop.
 */
function serializeDefinedResourceProperties(label: string, props: Record<string, unknown>, opts?: unknown): Promise<unknown> {
    const defined: Record<string, unknown> = {};
    for (const key of Object.keys(props)) {
        const value = props[key];
        if (value !== undefined) defined[key] = value;
    }
    return serializeResourceProperties!(label, defined, opts);
}

let definedInputsDepth = 0;

/**
 * Runs `work` (programs under synth's mock runtime) with the SDK's `serializeResourceProperties`
 * replaced by {@link serializeDefinedResourceProperties}. Only with {@link serializesDefinedInputsOnly}.
 * Re-entrant: the SDK's own function comes back when the outermost call settles.
 */
export async function withDefinedInputsOnly<T>(work: () => Promise<T>): Promise<T> {
    if (!serializesDefinedInputsOnly) return work();
    if (definedInputsDepth++ === 0) rpcModule.serializeResourceProperties = serializeDefinedResourceProperties;
    try {
        return await work();
    } finally {
        if (--definedInputsDepth === 0) rpcModule.serializeResourceProperties = serializeResourceProperties;
    }
}
