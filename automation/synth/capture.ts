import type { ResourceRecord } from "../../policy-packs/lib/resources";
import { wrapMonitorRegistrations } from "../../unit/sdk-internals";

/** One registered resource of a synthesized stack, as the policy harness and the reports take it. */
export interface SynthResource extends ResourceRecord {
    /** A cloud resource (true) or a component (false). */
    readonly custom: boolean;
    /** Read with `get`/`StackReference` rather than managed by the stack. */
    readonly read?: boolean;
    /** Added by synth to stand for what the engine adds itself (the stack, default providers). */
    readonly synthetic?: boolean;
    /** The provider package version the resource asked for (names the default provider). */
    readonly packageVersion?: string;
    /** The id of an existing resource the stack adopts (`import`): the engine imports it instead of creating one. */
    readonly importId?: string;
}

/** What the capture needs to know about a request; the SDK's protobuf request, structurally. */
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom?(): boolean;
    getProvider(): string;
    getVersion?(): string;
    getProtect?(): boolean;
    getDependenciesList?(): string[];
    getPropertydependenciesMap?(): { forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void };
    getIgnorechangesList?(): string[];
    getAdditionalsecretoutputsList?(): string[];
    getAliasurnsList?(): string[];
    getDeletebeforereplace?(): boolean;
    getDeletebeforereplacedefined?(): boolean;
    getCustomtimeouts?(): { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined;
    getRetainondelete?(): boolean;
    getImportid?(): string;
}

type Callback = (error: unknown, response: { getUrn(): string; getId?(): string } | undefined) => void;

/** Parses a Go-style duration (`5m`, `1h30m`, `90s`) as the engine does, in seconds. */
export function durationSeconds(text: string): number {
    if (!text) return 0;
    let total = 0;
    for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
        const value = Number(n);
        total += unit === "h" ? value * 3600 : unit === "m" ? value * 60 : unit === "s" ? value : value / 1000;
    }
    return total;
}

/**
 * Records every registration a program makes, with what the engine would hand a policy:
 * parent, provider reference, dependencies, property dependencies and options.
 *
 * The SDK's mock monitor calls `mocks.newResource` synchronously at the start of
 * `registerResource`/`readResource` (before its first `await`), so the request being handled
 * is known when `newResource` runs: {@link RegistrationCapture.requestInFlight} pairs the
 * deserialized inputs (given to `newResource`) with the request's options without
 * deserializing twice. The URN comes from the monitor's answer.
 */
export class RegistrationCapture {
    readonly resources: SynthResource[] = [];
    private current: { req: RegisterRequest; read: boolean } | undefined;
    private readonly pending = new Map<RegisterRequest, Omit<SynthResource, "urn">>();

    /** Wraps the monitor's registration calls (an internal shape: through the SDK fence). */
    install(monitor: unknown): void {
        wrapMonitorRegistrations<RegisterRequest, Callback>(monitor, (original, read) => (req, callback) => {
            this.current = { req, read };
            try {
                return original.call(monitor, req, (error, response) => {
                    const partial = this.pending.get(req);
                    this.pending.delete(req);
                    if (!error && response && partial) {
                        this.resources.push({ ...partial, urn: response.getUrn() } as SynthResource);
                    }
                    callback(error, response);
                });
            } finally {
                this.current = undefined;
            }
        });
    }

    /** Called from `mocks.newResource`: records the request in flight with its inputs and the id the mock gives it. */
    requestInFlight(inputs: Record<string, unknown>, id: string): void {
        if (!this.current) {
            throw new Error("synth: a resource was registered outside the capture (internal error).");
        }
        const { req, read } = this.current;
        this.pending.set(req, recordOf(req, id, inputs, read));
    }
}

function recordOf(req: RegisterRequest, id: string, props: Record<string, unknown>, read: boolean): Omit<SynthResource, "urn"> {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap?.().forEach((value, key) => {
        propertyDependencies[key] = [...value.getUrnsList()].sort();
    });
    const timeouts = req.getCustomtimeouts?.();
    const options: Record<string, unknown> = {
        protect: req.getProtect?.() ?? false,
        ignoreChanges: [...(req.getIgnorechangesList?.() ?? [])],
        aliases: [...(req.getAliasurnsList?.() ?? [])],
        additionalSecretOutputs: [...(req.getAdditionalsecretoutputsList?.() ?? [])],
        customTimeouts: {
            createSeconds: durationSeconds(timeouts?.getCreate() ?? ""),
            updateSeconds: durationSeconds(timeouts?.getUpdate() ?? ""),
            deleteSeconds: durationSeconds(timeouts?.getDelete() ?? ""),
        },
    };
    if (req.getDeletebeforereplacedefined?.()) options.deleteBeforeReplace = req.getDeletebeforereplace?.() ?? false;
    if (req.getRetainondelete?.()) options.retainOnDelete = true;
    const parent = req.getParent();
    const provider = req.getProvider();
    const version = req.getVersion?.();
    const importId = req.getImportid?.();
    return {
        type: req.getType(),
        name: req.getName(),
        id,
        props,
        custom: read || (req.getCustom?.() ?? false),
        ...(read ? { read: true } : {}),
        ...(parent ? { parent } : {}),
        ...(provider ? { provider } : {}),
        ...(version ? { packageVersion: version } : {}),
        ...(importId ? { importId } : {}),
        options,
        dependencies: [...new Set(req.getDependenciesList?.() ?? [])].sort(),
        propertyDependencies,
    };
}
