import * as fs from "fs";
import { createRequire } from "module";
import type { ReportViolation } from "@pulumi/policy";
/**
 * The analyzer's own unknown-value proxy from `@pulumi/policy` (marked internal, so not in its
 * typings). Using the very same code keeps the harness's preview semantics identical to the
 * engine's; if a future `@pulumi/policy` moves it, this fails loudly at load instead of drifting.
 */
interface AnalyzerProxyModule {
    unknownCheckingProxy<T>(value: T): T;
    UnknownValueError: new (...args: never[]) => Error;
    getSpecialProxyTarget: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a private module path is what this fence exists for
const proxyModule = require("@pulumi/policy/proxy") as Partial<AnalyzerProxyModule>;
if (
    typeof proxyModule.unknownCheckingProxy !== "function" ||
    typeof proxyModule.UnknownValueError !== "function" ||
    typeof proxyModule.getSpecialProxyTarget !== "string"
) {
    throw new Error(
        "`@pulumi/policy/proxy` no longer exports " +
            "`unknownCheckingProxy`/`UnknownValueError`: pin @pulumi/policy 1.21.x " +
            "or update policy-packs/lib/analyzer-internals.ts.",
    );
}

export const unknownCheckingProxy = proxyModule.unknownCheckingProxy;
export const UnknownValueError = proxyModule.UnknownValueError;
export const getSpecialProxyTarget = proxyModule.getSpecialProxyTarget;

/**
 * `reportViolation` with a level of the policy's own choosing. The analyzer's report function
 * also takes an object (`{ message, urn, enforcementLevel, ... }`, not in @pulumi/policy's
 * typings) and then reports at the object's level instead of the policy's configured one. A
 * published pack uses it to judge each stack at its environment's level (pack-entry.ts). The
 * object's message is shown as is, so the engine's usual "description, newline, message" is
 * built here to keep messages identical to the string form's.
 */
export function reportAtLevel(
    report: ReportViolation,
    description: string,
    message: string,
    urn: string | undefined,
    level: "advisory" | "mandatory",
): void {
    const violation = {
        message: message ? `${description}\n${message}` : description,
        description,
        enforcementLevel: level,
        ...(urn ? { urn } : {}),
    };
    (report as unknown as (violation: object) => void)(violation);
}

// The object form is the analyzer's own code path (server.js `makeReportViolationFun`); it has no
// export to call, so its source is checked, and the engine suite proves the behaviour end to end.
const analyzerSource = fs.readFileSync(require.resolve("@pulumi/policy/server"), "utf8");
if (!analyzerSource.includes("policyInfo.enforcementLevel || enforcementLevel")) {
    throw new Error(
        "@pulumi/policy no longer reports an object violation at the object's " +
            "own enforcement level: pin @pulumi/policy 1.21.x or update " +
            "reportAtLevel in policy-packs/lib/analyzer-internals.ts.",
    );
}

/** A method of a gRPC service definition, as far as the resident analyzer needs it. */
interface AnalyzerMethod {
    requestSerialize(request: unknown): Buffer;
    requestDeserialize(bytes: Buffer): unknown;
    responseDeserialize(bytes: Buffer): unknown;
}
type AnalyzerHandler = (call: { request: unknown; getPeer(): string }, callback: (error: unknown, response?: unknown) => void) => unknown;

/**
 * Hands the Analyzer service `@pulumi/policy`'s `serve` registers to `wrap` before the gRPC
 * server gets it: how edf's resident analyzer (automation/engine/policy-host/) serves the stacks
 * of a run from one process. `@pulumi/policy` creates its server inside `serve` with no hook,
 * so the `addService` of the very gRPC module it uses is wrapped. Call before the pack loads.
 *
 * The wrapper relies on what 1.21 keeps of an engine's settings — the module-level pack config
 * (`Configure`) and stack tags (`ConfigureStack`), nothing else — so any other version is refused.
 */
export function wrapAnalyzerService(
    wrap: (service: Record<string, AnalyzerMethod>, implementation: Record<string, AnalyzerHandler>) => Record<string, AnalyzerHandler>,
): void {
    const serverFile = require.resolve("@pulumi/policy/server");
    const version = (createRequire(serverFile)("./package.json") as { version: string }).version;
    if (!/^v?1\.21\./.test(version) || !analyzerSource.includes("stackTags = freezeMap(map)")) {
        throw new Error(
            `@pulumi/policy ${version} may keep more of an engine's settings than its pack config and stack tags: ` +
                "pin @pulumi/policy 1.21.x or update wrapAnalyzerService in policy-packs/lib/analyzer-internals.ts.",
        );
    }
    const grpc = createRequire(serverFile)("@grpc/grpc-js") as {
        Server: { prototype: { addService(this: unknown, service: unknown, implementation: unknown): void } };
    };
    const original = grpc.Server.prototype.addService;
    grpc.Server.prototype.addService = function (service: unknown, implementation: unknown): void {
        const analyzer = typeof service === "object" && service !== null && "analyzeStack" in service;
        const methods = implementation as Record<string, AnalyzerHandler>;
        original.call(this, service, analyzer ? wrap(service as Record<string, AnalyzerMethod>, methods) : implementation);
    };
}

/** The protobuf getters of the two configure requests (@pulumi/pulumi's generated classes). */
interface ProtoMap<V> {
    forEach(callback: (value: V, key: string) => void): void;
}
interface PolicyConfig {
    getProperties(): { toJavaScript(): unknown } | undefined;
    getEnforcementlevel(): number;
}

/**
 * What `@pulumi/policy` 1.21 keeps of each configure request, canonical (sorted keys): the pack
 * config of `Configure`, the tags of `ConfigureStack` (server.js `configure`, `configureStack`).
 */
export const analyzerSettingsKeys = {
    configure(request: unknown): string {
        const config: [string, unknown, number][] = [];
        (request as { getPolicyconfigMap(): ProtoMap<PolicyConfig> }).getPolicyconfigMap().forEach((value, key) => {
            config.push([key, value.getProperties()?.toJavaScript() ?? null, value.getEnforcementlevel()]);
        });
        return canonicalJson(config.sort((a, b) => a[0].localeCompare(b[0])));
    },
    configureStack(request: unknown): string {
        const tags: [string, string][] = [];
        (request as { getTagsMap(): ProtoMap<string> }).getTagsMap().forEach((value, key) => tags.push([key, value]));
        return JSON.stringify(tags.sort((a, b) => a[0].localeCompare(b[0])));
    },
};

/** JSON with every object's keys sorted: protobuf maps and structs arrive in any order. */
function canonicalJson(value: unknown): string {
    return JSON.stringify(value, (_key, v: unknown) =>
        v && typeof v === "object" && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
            : v,
    );
}
