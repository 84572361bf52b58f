import {
    deserializeProperties,
    MockMonitorParts,
    mockMonitorParts,
    realStruct,
    RegisterResourceResponse,
    serializeProperties,
    structRoundTrip,
    structToDeserialize,
} from "../../unit/sdk-internals";

/** What the SDK's mock monitor hands back for a registration (a protobuf request, structurally). */
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProvider(): string;
    getImportid(): string;
    getObject(): unknown;
    getTransformsList(): { getToken(): string }[];
}

type Callback = (error: unknown, response: RegisterResourceResponse | undefined) => void;

/**
 * Replaces the SDK mock monitor's `registerResource` with one that answers exactly as it does but
 * hands the registered state back without a protobuf `Struct`: the SDK's monitor serializes the
 * mock's answer, builds a `Struct` of it (a message object per value) and the SDK reads it straight
 * back with `toJavaScript()`; here the answer's object gives that same plain copy directly
 * ({@link structCopy}). Everything else — the mock's arguments, the URN, the id, the resources the
 * monitor keeps for its `getResource` invoke — is the SDK monitor's own code path, through the fence.
 * Registrations are most of a synthesized program's RPCs (one per resource and component).
 */
export function answerRegistrationsDirectly(monitor: unknown): void {
    const parts = mockMonitorParts(monitor);
    const target = monitor as {
        registerResource(req: RegisterRequest, callback: Callback): Promise<void>;
        registerResourceOutputs(req: RegisterOutputsRequest, callback: (error: unknown, response: unknown) => void): void;
    };
    target.registerResource = (req, callback) => registerResource(parts, req, callback);
    // The monitor keeps a component's outputs message as the resource's state (its `getResource`
    // invoke hands it on as it is): a light `Struct` (withPlainStructs, evaluate.ts) is made real first.
    const registerOutputs = target.registerResourceOutputs.bind(monitor);
    target.registerResourceOutputs = (req, callback) => {
        const outputs = req.getOutputs();
        const real = realStruct(outputs);
        if (real !== outputs) req.setOutputs(real);
        registerOutputs(req, callback);
    };
}

/** The SDK's request for `registerResourceOutputs`, structurally. */
interface RegisterOutputsRequest {
    getOutputs(): unknown;
    setOutputs(outputs: unknown): void;
}

async function registerResource(monitor: MockMonitorParts, req: RegisterRequest, callback: Callback): Promise<void> {
    try {
        const transforms = req
            .getTransformsList()
            .map((cb) => monitor.transformCallbacks.get(cb.getToken()))
            .filter((transform) => transform !== undefined);
        const result = (await monitor.mocks.newResource({
            type: req.getType(),
            name: req.getName(),
            inputs: deserializeProperties(structToDeserialize(req.getObject())),
            provider: req.getProvider(),
            custom: req.getCustom(),
            id: req.getImportid(),
            transforms,
        })) as { id?: string; state: unknown };
        const urn = monitor.newUrn(req.getParent(), req.getType(), req.getName());
        // Plain data (nearly every answer) is serialized with its keys sorted, as a `Struct` gives it back:
        // the monitor's `getResource` reads it through a `Struct` and the SDK's `deserializeProperties`
        // (what reads the answer's object, once) only reads it, so one copy serves both.
        const plain = plainSerializedStruct(result.state);
        const serializedState = plain ?? (await serializeProperties("", result.state));
        monitor.resources.set(urn, { urn, id: result.id ?? null, state: serializedState });
        const response = new RegisterResourceResponse();
        response.setUrn(urn);
        response.setId(result.id || "");
        const object = { toJavaScript: () => plain ?? structCopy(serializedState) };
        response.getObject = () => object;
        callback(null, response);
    } catch (err) {
        callback(err, undefined);
    }
}

/**
 * {@link structCopy} without the fallback: the plain copy, or undefined when `value` holds anything
 * else (the caller then builds the real message). What `withPlainStructs` keeps for a light `Struct`.
 */
export function plainStructCopy(value: unknown): Record<string, unknown> | undefined {
    try {
        return copyObject(value as Record<string, unknown>);
    } catch (error) {
        if (error !== NOT_PLAIN) throw error;
        return undefined;
    }
}

/**
 * What the SDK's `serializeProperties` followed by a protobuf `Struct` round trip gives for plain
 * data (objects, arrays, strings, numbers, booleans, null, undefined), without the SDK's asynchronous
 * walk (an `async` call and a label string per value) or a message: a deep copy, object keys sorted
 * (as a protobuf map gives them), an object's undefined values left out and an array's given as null.
 * Undefined when `value` holds anything else anywhere — a resource, an Output, an asset, a function,
 * an object of another class or one with an SDK type marker (`__pulumi…`) — and the caller then uses
 * the SDK's own function. A mock's answer is plain data but for the rare resource reference among its inputs.
 */
export function plainSerializedStruct(value: unknown): Record<string, unknown> | undefined {
    if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
    try {
        return serializedObject(value as Record<string, unknown>);
    } catch (error) {
        if (error !== NOT_PLAIN) throw error;
        return undefined;
    }
}

function serializedObject(source: Record<string, unknown>): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort()) {
        if (key.startsWith("__pulumi")) throw NOT_PLAIN;
        const value = serializedValue(source[key]);
        if (value !== undefined) copy[key] = value;
    }
    return copy;
}

function serializedValue(value: unknown): unknown {
    switch (typeof value) {
        case "undefined":
        case "string":
        case "number":
        case "boolean":
            return value;
        case "object": {
            if (value === null) return null;
            if (Array.isArray(value)) {
                if (Object.getPrototypeOf(value) !== Array.prototype) throw NOT_PLAIN;
                const copy: unknown[] = new Array<unknown>(value.length);
                for (let i = 0; i < value.length; i++) copy[i] = serializedValue(value[i]) ?? null;
                return copy;
            }
            if (Object.getPrototypeOf(value) === Object.prototype) return serializedObject(value as Record<string, unknown>);
            throw NOT_PLAIN;
        }
        default:
            throw NOT_PLAIN;
    }
}

/** Thrown inside {@link structCopy} at a value a plain copy does not cover. */
const NOT_PLAIN = Symbol("not plain data");

/**
 * `value` as a protobuf `Struct` round trip gives it back (`Struct.fromJavaScript(value).toJavaScript()`):
 * a deep copy whose object keys are inserted in sorted order (a protobuf map iterates its keys
 * sorted). Plain data (objects, arrays, strings, numbers, booleans, null) is copied directly; any
 * other value anywhere in it sends the whole value through the real round trip, so the result,
 * or the error, is the library's own.
 */
export function structCopy(value: Record<string, unknown>): unknown {
    try {
        return copyObject(value);
    } catch (error) {
        if (error !== NOT_PLAIN) throw error;
        return structRoundTrip(value);
    }
}

function copyObject(source: Record<string, unknown>): Record<string, unknown> {
    const keys: string[] = [];
    // Every enumerable key, as the protobuf library's `for … in`; only plain objects get here.
    for (const key in source) keys.push(key);
    keys.sort();
    const copy: Record<string, unknown> = {};
    for (const key of keys) copy[key] = copyValue(source[key]);
    return copy;
}

function copyValue(value: unknown): unknown {
    switch (typeof value) {
        case "string":
        case "number":
        case "boolean":
            return value;
        case "object": {
            if (value === null) return null;
            if (Array.isArray(value)) {
                const copy: unknown[] = new Array<unknown>(value.length);
                for (let i = 0; i < value.length; i++) copy[i] = copyValue(value[i]);
                return copy;
            }
            if (Object.getPrototypeOf(value) === Object.prototype) return copyObject(value as Record<string, unknown>);
            throw NOT_PLAIN;
        }
        default:
            throw NOT_PLAIN;
    }
}
