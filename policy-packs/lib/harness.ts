import type {
    EnforcementLevel,
    Policies,
    PolicyPackConfig,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
// The analyzer's own proxy: policies meet unknown values exactly as under the engine.
import { getSpecialProxyTarget, unknownCheckingProxy, UnknownValueError } from "./analyzer-internals";
import { plainProps, providerUrn, ResourceRecord, validateRecords } from "./resources";

/** One diagnostic, shaped like the engine's `AnalyzeDiagnostic`. */
export interface HarnessDiagnostic {
    readonly policyName: string;
    /** URN the violation names: the one passed to `reportViolation`, else the analyzed resource. */
    readonly urn?: string;
    /** The resource being analyzed (resource policies only). */
    readonly resourceUrn?: string;
    readonly enforcementLevel: "advisory" | "mandatory";
    /** The policy's own message (the engine prefixes the description when it prints it). */
    readonly message: string;
    /** `violation`, or `unknown`: the policy could not run because it read a preview-unknown value. */
    readonly kind: "violation" | "unknown";
}

export interface HarnessRemediation {
    readonly policyName: string;
    readonly urn: string;
    readonly before: Record<string, unknown>;
    readonly after: Record<string, unknown>;
}

export interface HarnessNotApplicable {
    readonly policyName: string;
    readonly urn?: string;
    readonly reason?: string;
}

export interface HarnessOptions {
    /** Per-policy config as the engine's `configure` call receives it (defaults already applied). */
    readonly config?: PolicyPackConfig;
    /** Stack tags (`pulumi:project`, `pulumi:runtime`, user tags). */
    readonly stackTags?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
    /** The pack's enforcement level. @default "advisory" (as `PolicyPack`) */
    readonly packEnforcementLevel?: EnforcementLevel;
    /** Run stack policies as well as resource policies. @default true */
    readonly stackValidation?: boolean;
}

export interface HarnessResult {
    readonly diagnostics: HarnessDiagnostic[];
    readonly notApplicable: HarnessNotApplicable[];
    readonly remediations: HarnessRemediation[];
    /** The records after remediations, as the stack policies saw them. */
    readonly resources: ResourceRecord[];
    /** resource × resource-policy pairs plus resource × stack-policy pairs considered. */
    readonly evaluations: number;
}

// Thrown by `args.notApplicable()`. Not an `Error`: a policy scoped to a few types throws it for
// every other resource, and capturing a stack trace each time would dominate the harness's cost.
// Policies only ever call `notApplicable()`, which never returns, so they cannot tell.
class NotApplicable {
    constructor(readonly reason?: string) {}
}

const throwNotApplicable = (reason?: string): never => {
    throw new NotApplicable(reason);
};

/** The EDF multi-type marker set by `forTypes` (see there). */
function edfTypesOf(obj: unknown): ReadonlySet<string> | undefined {
    return (obj as { __edfTypes?: ReadonlySet<string> } | undefined)?.__edfTypes;
}

function pulumiTypeOf(obj: unknown): string | undefined {
    const t = (obj as { __pulumiType?: unknown } | undefined)?.__pulumiType;
    return typeof t === "string" && t.length > 0 ? t : undefined;
}

// Same test as the analyzer: the class's `__pulumiType`, else its `isInstance`.
function isTypeOf(type: string, resourceClass: unknown): boolean {
    const t = pulumiTypeOf(resourceClass);
    if (t) return type === t;
    const isInstance = (resourceClass as { isInstance?: unknown }).isInstance;
    return typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}

function freezeMap(input: HarnessOptions["stackTags"]): ReadonlyMap<string, string> {
    const map = input instanceof Map ? new Map(input) : new Map(Object.entries((input ?? {}) as Record<string, string>));
    return Object.freeze(map) as ReadonlyMap<string, string>;
}

function isResourcePolicy(p: Policies[number]): p is ResourceValidationPolicy {
    const v = (p as ResourceValidationPolicy).validateResource;
    if (typeof v === "function") return true;
    if (Array.isArray(v)) return v.every((f) => typeof f === "function");
    return typeof (p as ResourceValidationPolicy).remediateResource === "function";
}

function isStackPolicy(p: Policies[number]): p is StackValidationPolicy {
    return typeof (p as StackValidationPolicy).validateStack === "function";
}

function resourceOptions(r: ResourceRecord): PolicyResourceOptions {
    const o = r.options ?? {};
    const opts: PolicyResourceOptions = {
        protect: o.protect ?? false,
        ignoreChanges: [...(o.ignoreChanges ?? [])],
        aliases: [...(o.aliases ?? [])],
        customTimeouts: {
            createSeconds: o.customTimeouts?.createSeconds ?? 0,
            updateSeconds: o.customTimeouts?.updateSeconds ?? 0,
            deleteSeconds: o.customTimeouts?.deleteSeconds ?? 0,
        },
        additionalSecretOutputs: [...(o.additionalSecretOutputs ?? [])],
    };
    if (o.deleteBeforeReplace !== undefined) opts.deleteBeforeReplace = o.deleteBeforeReplace;
    const parent = r.parent ?? o.parent;
    if (parent) opts.parent = parent;
    return opts;
}

/** A deep copy that reads through the analyzer's proxy, as the engine serializes remediations. */
function unproxy(value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    const target = ((value as Record<string, unknown>)[getSpecialProxyTarget] as unknown) ?? value;
    if (Array.isArray(target)) return target.map(unproxy);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(target as Record<string, unknown>)) {
        if (v !== undefined) out[k] = unproxy(v);
    }
    return out;
}

interface Prepared {
    record: ResourceRecord;
    props: Record<string, unknown>;
    opts: PolicyResourceOptions;
    provider?: PolicyProviderResource;
}

/** Per policy list, then per resource policy levels (in list order), the resource policies that can apply to each type. */
const applicableByList = new WeakMap<Policies, Map<string, Map<string, ResourceValidationPolicy[]>>>();

/** The per-type lists of `policies` at these levels: the same list and levels always give the same lists. */
function applicableLists(policies: Policies, levels: string): Map<string, ResourceValidationPolicy[]> {
    let byLevels = applicableByList.get(policies);
    if (!byLevels) applicableByList.set(policies, (byLevels = new Map()));
    let byType = byLevels.get(levels);
    if (!byType) byLevels.set(levels, (byType = new Map()));
    return byType;
}

/**
 * Runs CrossGuard policies over resources in-process, following the analyzer's own rules
 * (`@pulumi/policy` server): per resource, remediations first (level `remediate`, each seeing
 * the previous one's result), then validations; per policy the level from config, else the
 * policy's, else the pack's; `disabled` skipped; the `__pulumiType` fast path; props behind the
 * analyzer's unknown-checking proxy, so a policy that reads a preview-unknown value yields an
 * advisory "can't run during preview" diagnostic; `notApplicable` recorded; stack policies last,
 * over every resource with parent and dependencies resolved.
 */
export async function runPolicies(
    policies: Policies,
    records: readonly ResourceRecord[],
    options: HarnessOptions = {},
): Promise<HarnessResult> {
    const problems = validateRecords(records);
    if (problems.length > 0) throw new Error(`The resources given to the policy harness are malformed:\n- ${problems.join("\n- ")}`);
    const config = options.config ?? {};
    const packLevel = options.packEnforcementLevel ?? "advisory";
    const stackTags = freezeMap(options.stackTags);
    const levelOf = (name: string, own?: EnforcementLevel): EnforcementLevel => {
        const c = config[name];
        const fromConfig = typeof c === "string" ? c : c?.enforcementLevel;
        return fromConfig || own || packLevel;
    };
    // As the analyzer: the policy's config without `enforcementLevel`, a fresh object per call.
    const configProps = new Map<string, Record<string, unknown>>();
    for (const [name, c] of Object.entries(config)) {
        if (c && typeof c !== "string") {
            const { enforcementLevel: _ignored, ...props } = c;
            configProps.set(name, props);
        }
    }
    const getConfigFns = new Map<string, () => never>();
    const getConfigFor = (name: string): (() => never) => {
        let fn = getConfigFns.get(name);
        if (!fn) {
            const props = configProps.get(name);
            fn = () => ({ ...(props ?? {}) }) as never;
            getConfigFns.set(name, fn);
        }
        return fn;
    };

    const byUrn = new Map(records.map((r) => [r.urn, r]));
    const prepared: Prepared[] = records.map((record) => {
        const p: Prepared = { record, props: plainProps(record.props) as Record<string, unknown>, opts: resourceOptions(record) };
        const provider = resolveProvider(record, byUrn);
        if (provider) p.provider = provider;
        return p;
    });

    const diagnostics: HarnessDiagnostic[] = [];
    const notApplicable: HarnessNotApplicable[] = [];
    // What the engine does with a policy that throws: an unknown value during preview is an
    // advisory "can't run", NotApplicable is recorded, anything else fails the run.
    const triage = (e: unknown, policyName: string, urn: string, what: "policy" | "remediation"): void => {
        if (e instanceof UnknownValueError) {
            diagnostics.push({
                policyName,
                urn,
                resourceUrn: urn,
                enforcementLevel: "advisory",
                kind: "unknown",
                message: `can't run ${what} '${policyName}' during preview: ${e.message}`,
            });
        } else if (e instanceof NotApplicable) {
            notApplicable.push({ policyName, urn, reason: e.reason });
        } else {
            throw wrap(e, `Error ${what === "policy" ? "validating" : "remediating"} resource \`${urn}\` with policy '${policyName}'`);
        }
    };
    const remediations: HarnessRemediation[] = [];
    const resourcePolicies = policies.filter(isResourcePolicy);
    const stackPolicies = options.stackValidation === false ? [] : policies.filter(isStackPolicy);
    let evaluations = 0;
    // Which resource policies can say anything about a resource of a given type, in pack order:
    // a disabled policy or a single validation for another type never can (the loop below skips
    // them the same way), so each type's list is worked out once instead of once per resource.
    // Kept between calls for the same policy list and levels (synth inspects a hundred stacks with one).
    const validatingFor = applicableLists(policies, resourcePolicies.map((p) => levelOf(p.name, p.enforcementLevel)).join("\n"));
    const validating = (type: string): readonly ResourceValidationPolicy[] => {
        let list = validatingFor.get(type);
        if (!list) {
            list = resourcePolicies.filter((p) => {
                if (levelOf(p.name, p.enforcementLevel) === "disabled") return false;
                if (!p.validateResource || Array.isArray(p.validateResource)) return true;
                const t = pulumiTypeOf(p.validateResource);
                if (t && t !== type) return false;
                const types = edfTypesOf(p.validateResource);
                return !types || types.has(type);
            });
            validatingFor.set(type, list);
        }
        return list;
    };
    const remediating = resourcePolicies.filter((p) => levelOf(p.name, p.enforcementLevel) === "remediate" && p.remediateResource);

    for (const res of prepared) {
        const type = res.record.type;
        const isType = (cls: unknown) => isTypeOf(type, cls);
        const baseArgs = (props: Record<string, unknown>, policyName: string): ResourceValidationArgs => {
            const args: ResourceValidationArgs = {
                type,
                props,
                urn: res.record.urn,
                name: res.record.name,
                opts: res.opts,
                stackTags,
                isType: isType as ResourceValidationArgs["isType"],
                asType: ((cls: unknown) => (isTypeOf(type, cls) ? props : undefined)) as ResourceValidationArgs["asType"],
                getConfig: getConfigFor(policyName),
                notApplicable: throwNotApplicable,
            };
            if (res.provider) args.provider = res.provider;
            return args;
        };

        // Remediations run before validation, and the validations see their result.
        for (const p of remediating) {
            if (!p.remediateResource) continue;
            const t = pulumiTypeOf(p.remediateResource);
            if (t && t !== res.record.type) continue;
            const before = res.props;
            try {
                const result = await Promise.resolve(p.remediateResource(baseArgs(unknownCheckingProxy(before), p.name)));
                if (result) {
                    res.props = unproxy(result) as Record<string, unknown>;
                    remediations.push({ policyName: p.name, urn: res.record.urn, before, after: res.props });
                }
            } catch (e) {
                triage(e, p.name, res.record.urn, "remediation");
            }
        }

        evaluations += resourcePolicies.length;
        for (const p of validating(type)) {
            let level = levelOf(p.name, p.enforcementLevel);
            if (level === "disabled") continue; // left out by `validating`; narrows the type
            if (!p.validateResource) {
                notApplicable.push({ policyName: p.name, urn: res.record.urn, reason: "Policy does not implement validateResource" });
                continue;
            }
            if (level === "remediate") level = "mandatory";
            // Type mismatches were left out by `validating`, as the engine's fast path skips them (it reports
            // them as not applicable; the harness lists only policies' own notApplicable calls).
            const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
            const reported = level;
            const report = (message: string, urn?: string) => {
                diagnostics.push({
                    policyName: p.name,
                    urn: urn ?? res.record.urn,
                    resourceUrn: res.record.urn,
                    enforcementLevel: reported,
                    message: message ?? "",
                    kind: "violation",
                });
            };
            for (const validation of validations) {
                try {
                    // Most validations are synchronous: awaiting only a returned promise saves a turn of the event loop per call.
                    const returned = validation(baseArgs(unknownCheckingProxy(res.props), p.name), report) as unknown;
                    if (isPromiseLike(returned)) await returned;
                } catch (e) {
                    triage(e, p.name, res.record.urn, "policy");
                }
            }
        }
    }

    // One set of resource views shared by the stack policies (each gets its own array). The
    // analyzer builds them per policy; sharing saves ~10 objects per resource per policy, and
    // only a policy that writes to the views or props could tell (ours never do).
    const sharedStackResources = stackPolicies.length > 0 ? stackResources(prepared) : [];
    for (const p of stackPolicies) {
        evaluations += prepared.length;
        let level = levelOf(p.name, p.enforcementLevel);
        if (level === "disabled") continue;
        if (level === "remediate") level = "mandatory";
        const t = pulumiTypeOf(p.validateStack);
        if (t && !prepared.some((r) => r.record.type === t)) {
            notApplicable.push({ policyName: p.name, reason: `Policy only applies to resources of type '${t}'` });
            continue;
        }
        const reported = level;
        const report = (message: string, urn?: string) => {
            const d: HarnessDiagnostic = {
                policyName: p.name,
                enforcementLevel: reported,
                message: message ?? "",
                kind: "violation",
                ...(urn ? { urn } : {}),
            };
            diagnostics.push(d);
        };
        try {
            const args: StackValidationArgs = {
                resources: [...sharedStackResources],
                stackTags,
                getConfig: getConfigFor(p.name),
                notApplicable: throwNotApplicable,
            };
            await Promise.resolve(p.validateStack(args, report));
        } catch (e) {
            if (e instanceof UnknownValueError) {
                diagnostics.push({
                    policyName: p.name,
                    enforcementLevel: "advisory",
                    kind: "unknown",
                    message: `can't run policy '${p.name}' during preview: ${e.message}`,
                });
            } else if (e instanceof NotApplicable) {
                notApplicable.push({ policyName: p.name, reason: e.reason });
            } else {
                throw wrap(e, `Error validating stack with policy '${p.name}'`);
            }
        }
    }

    const resources = prepared.map((p) => (p.props === p.record.props ? p.record : { ...p.record, props: p.props }));
    return { diagnostics, notApplicable, remediations, resources, evaluations };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
    return typeof (value as { then?: unknown } | null | undefined)?.then === "function";
}

function resolveProvider(record: ResourceRecord, byUrn: ReadonlyMap<string, ResourceRecord>): PolicyProviderResource | undefined {
    const ref = record.provider;
    if (!ref) return undefined;
    if (typeof ref !== "string")
        return {
            type: ref.type,
            urn: ref.urn,
            name: ref.name,
            props: unknownCheckingProxy(plainProps(ref.props) as Record<string, unknown>),
        };
    const provider = byUrn.get(providerUrn(ref));
    if (!provider) return undefined; // the engine also omits a provider it cannot load
    return {
        type: provider.type,
        urn: provider.urn,
        name: provider.name,
        props: unknownCheckingProxy(plainProps(provider.props) as Record<string, unknown>),
    };
}

// The analyzer's `PolicyResource` views, with parent and dependencies resolved.
function stackResources(prepared: readonly Prepared[]): PolicyResource[] {
    const out = prepared.map((p) => {
        const props = unknownCheckingProxy(p.props);
        const type = p.record.type;
        const r: PolicyResource = {
            type,
            props,
            urn: p.record.urn,
            name: p.record.name,
            opts: p.opts,
            dependencies: [],
            propertyDependencies: {},
            isType: (cls) => isTypeOf(type, cls),
            asType: ((cls: unknown) => (isTypeOf(type, cls) ? props : undefined)) as PolicyResource["asType"],
        };
        if (p.provider) r.provider = p.provider;
        return r;
    });
    const byUrn = new Map(out.map((r) => [r.urn, r]));
    prepared.forEach((p, i) => {
        const r = out[i];
        const parent = p.record.parent ?? p.opts.parent;
        if (parent && byUrn.has(parent)) r.parent = byUrn.get(parent);
        r.dependencies = (p.record.dependencies ?? []).map((u) => byUrn.get(u)).filter((d): d is PolicyResource => d !== undefined);
        for (const [k, urns] of Object.entries(p.record.propertyDependencies ?? {})) {
            r.propertyDependencies[k] = urns.map((u) => byUrn.get(u)).filter((d): d is PolicyResource => d !== undefined);
        }
    });
    return out;
}

function wrap(e: unknown, context: string): Error {
    const err = new Error(`${context}: ${e instanceof Error ? e.message : String(e)}`);
    if (e instanceof Error && e.stack) err.stack = `${err.message}\n${e.stack}`;
    return err;
}
