/**
 * One policy analyzer serving every stack of a run: the multi-tenant wrapper of the Analyzer
 * service `@pulumi/policy` registers.
 *
 * Why a wrapper: `@pulumi/policy` (1.21) keeps what an engine configures in two module-level
 * variables — the pack's config (`Configure`) and the stack's tags (`ConfigureStack`) — and its
 * policies read them while they judge. One process per stack never notices; one process for
 * the stacks of a run, some running at once, would judge one stack with another's settings.
 * So each engine's `Configure` and `ConfigureStack` requests are kept apart (an engine is its
 * gRPC connection: `call.getPeer()`), and before a judging call (`Analyze`, `AnalyzeStack`,
 * `Remediate`) the analyzer's variables are set to that engine's values — when no call with
 * other values is running; calls with the same values (every stack of one environment: same
 * pack config, same project and environment tags) run side by side.
 *
 * An engine that never configured its stack is refused (FAILED_PRECONDITION), never judged
 * with defaults: a policy must not pass for want of its settings.
 */

/** What the wrapper needs of a gRPC method definition: its request codec. */
export interface MethodCodec {
    requestSerialize(request: unknown): Buffer;
    requestDeserialize(bytes: Buffer): unknown;
    responseDeserialize(bytes: Buffer): unknown;
}

export interface ServerCall {
    readonly request: unknown;
    getPeer(): string;
}

export type Callback = (error: unknown, response?: unknown) => void;
export type Handler = (call: ServerCall, callback: Callback) => unknown;

/** The settings an engine gave: the raw requests, and the keys of what the analyzer keeps of them. */
interface Tenant {
    configure?: Buffer;
    configureKey?: string;
    configureStack?: Buffer;
    configureStackKey?: string;
}

/**
 * What the analyzer keeps of a `Configure` and of a `ConfigureStack` request, in a canonical
 * form (the engine's protobuf maps come in any order): equal keys, equal judging.
 */
export interface SettingsKeys {
    configure(request: unknown): string;
    configureStack(request: unknown): string;
}

/** The methods whose result depends on the configured settings. */
export const JUDGING_METHODS = ["analyze", "analyzeStack", "remediate"] as const;

/** gRPC's FAILED_PRECONDITION status code. */
const FAILED_PRECONDITION = 9;

/**
 * `implementation` (the analyzer's methods by name), made safe for many engines at once.
 * `service` is the Analyzer service definition (its `configure` and `configureStack` codecs);
 * `keys` says what the analyzer keeps of each.
 */
export function multiTenant(
    service: Record<string, MethodCodec>,
    implementation: Record<string, Handler>,
    keys: SettingsKeys,
): Record<string, Handler> {
    const tenants = new Map<string, Tenant>();
    let installed: string | undefined;
    let running = 0;
    const waiting: { key: string; tenant: Tenant; admit: () => void; fail: (error: unknown) => void }[] = [];

    const keyOf = (tenant: Tenant): string => JSON.stringify([tenant.configureKey ?? "", tenant.configureStackKey ?? ""]);

    const invoke = (handler: Handler, request: unknown): Promise<void> =>
        new Promise((resolve, reject) => {
            try {
                void handler({ request, getPeer: () => "edf-resident-analyzer" }, (error) => (error ? reject(error) : resolve()));
            } catch (error) {
                reject(error);
            }
        });

    /** Sets the analyzer's variables to a tenant's values (the request bytes it sent, or an empty request: a fresh process's state). */
    const install = async (tenant: Tenant): Promise<void> => {
        await invoke(implementation.configure!, service.configure!.requestDeserialize(tenant.configure ?? Buffer.alloc(0)));
        await invoke(implementation.configureStack!, service.configureStack!.requestDeserialize(tenant.configureStack!));
    };

    /** Lets in the first waiter's settings once nothing runs, with every waiter sharing them. */
    const next = (): void => {
        if (running > 0 || waiting.length === 0) return;
        const first = waiting[0]!;
        running++; // held while installing, so no other switch starts
        install(first.tenant).then(
            () => {
                installed = first.key;
                running--;
                for (const waiter of waiting.filter((w) => w.key === first.key)) {
                    waiting.splice(waiting.indexOf(waiter), 1);
                    running++;
                    waiter.admit();
                }
                next();
            },
            (error: unknown) => {
                running--;
                installed = undefined;
                waiting.splice(waiting.indexOf(first), 1);
                first.fail(error);
                next();
            },
        );
    };

    const acquire = (tenant: Tenant): Promise<void> => {
        const key = keyOf(tenant);
        if (installed === key && waiting.length === 0) {
            running++;
            return Promise.resolve();
        }
        return new Promise((admit, fail) => {
            waiting.push({ key, tenant, admit, fail });
            next();
        });
    };

    const release = (): void => {
        running--;
        next();
    };

    const tenantOf = (call: ServerCall): Tenant => {
        const peer = call.getPeer();
        let tenant = tenants.get(peer);
        if (!tenant) tenants.set(peer, (tenant = {}));
        return tenant;
    };

    // Both are answered here, and only kept: the analyzer's own variables are set just before
    // each judging call (install), never while another engine's call may be reading them.
    const wrapped: Record<string, Handler> = { ...implementation };
    wrapped.configure = (call, callback) => {
        const tenant = tenantOf(call);
        tenant.configure = service.configure!.requestSerialize(call.request);
        tenant.configureKey = keys.configure(call.request);
        callback(null, service.configure!.responseDeserialize(Buffer.alloc(0)));
    };
    wrapped.configureStack = (call, callback) => {
        const tenant = tenantOf(call);
        tenant.configureStack = service.configureStack!.requestSerialize(call.request);
        tenant.configureStackKey = keys.configureStack(call.request);
        callback(null, service.configureStack!.responseDeserialize(Buffer.alloc(0)));
    };
    for (const method of JUDGING_METHODS) {
        const handler = implementation[method];
        if (!handler) continue;
        wrapped[method] = (call, callback) => {
            const tenant = tenants.get(call.getPeer());
            if (!tenant?.configureStack) {
                callback({
                    code: FAILED_PRECONDITION,
                    details:
                        `edf's resident policy analyzer: the engine at ${call.getPeer()} asked for \`${method}\` without ` +
                        "configuring its stack first (ConfigureStack); refusing to judge without the stack's settings",
                });
                return;
            }
            acquire(tenant).then(
                () => {
                    let released = false;
                    const done: Callback = (error, response) => {
                        if (!released) {
                            released = true;
                            release();
                        }
                        callback(error, response);
                    };
                    try {
                        void handler(call, done);
                    } catch (error) {
                        done(error);
                    }
                },
                (error: unknown) => callback(error),
            );
        };
    }
    return wrapped;
}
