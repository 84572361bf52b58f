import type {
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidation,
    ResourceValidationPolicy,
    StackValidation,
    StackValidationPolicy,
} from "@pulumi/policy";

type Policy = ResourceValidationPolicy | StackValidationPolicy;
import type { PolicyDefinition } from "./model";
import { expiredWaiverMessage, rejectedWaiverMessage, Waiver, waiverMatches, waiverStatus, waiverTagsOf } from "./waiver-rules";

/**
 * Waivers in the real engine. CrossGuard config is per policy (keyed by policy name, checked
 * against each policy's `configSchema`), so the driver hands every waived policy its own
 * waivers as a `waivers` config property, and the pack-level policy `edf-waivers` receives them
 * all to report expired ones and ones naming a non-waivable policy as mandatory violations.
 * The rules (status, matching, messages) are the library's, the same the harness uses.
 */
export const WAIVERS_POLICY_ID = "edf-waivers";
export const WAIVERS_CONFIG_KEY = "waivers";

/** The config property every policy of a pack accepts: the already-validated waivers, as data. */
const WAIVERS_PROPERTY = { type: "array", items: { type: "object" }, default: [] } as const;

interface WaiverConfig {
    readonly waivers?: readonly Waiver[];
}

/** A validation function's markers (`__pulumiType` for the engine, `__edfTypes` for the harness) survive the wrapping. */
function keepMarkers<T extends object>(wrapper: T, original: object): T {
    for (const key of ["__pulumiType", "__edfTypes"]) {
        if (key in original) (wrapper as Record<string, unknown>)[key] = (original as Record<string, unknown>)[key];
    }
    return wrapper;
}

/** Reading `tagsAll` in a preview may hit an unknown value; the analyzer's proxy throws then: fall back to `tags`. */
function safeTags(props: unknown): Record<string, unknown> | undefined {
    try {
        return waiverTagsOf(props);
    } catch {
        try {
            return waiverTagsOf({ tags: (props as { tags?: unknown } | undefined)?.tags });
        } catch {
            return undefined;
        }
    }
}

function activeWaivers(def: PolicyDefinition, config: WaiverConfig, now: Date): Waiver[] {
    return (config.waivers ?? []).filter((w) => w.policy === def.id && waiverStatus(w, def, now) === "active");
}

/**
 * The CrossGuard policy with waivers applied: its config schema gains `waivers`, and a
 * violation that an active waiver of this policy covers is not reported.
 */
export function withEngineWaivers(def: PolicyDefinition, policy: Policy): Policy {
    const schema: PolicyConfigSchema = {
        ...(policy.configSchema ?? {}),
        properties: { ...(policy.configSchema?.properties ?? {}), [WAIVERS_CONFIG_KEY]: WAIVERS_PROPERTY },
    };
    if ("validateResource" in policy && policy.validateResource) {
        const wrap = (original: ResourceValidation): ResourceValidation =>
            keepMarkers<ResourceValidation>((args, report) => {
                const active = activeWaivers(def, args.getConfig<WaiverConfig>(), new Date());
                if (active.length === 0) return original(args, report);
                const filtered: ReportViolation = (message, urn) => {
                    const target = { policyId: def.id, urn: urn ?? args.urn, type: args.type, tags: safeTags(args.props) };
                    if (!active.some((w) => waiverMatches(w, target))) report(message, urn);
                };
                return original(args, filtered);
            }, original);
        const validateResource = Array.isArray(policy.validateResource)
            ? policy.validateResource.map(wrap)
            : wrap(policy.validateResource as ResourceValidation);
        return { ...(policy as ResourceValidationPolicy), configSchema: schema, validateResource };
    }
    const stackPolicy = policy as StackValidationPolicy;
    const original = stackPolicy.validateStack;
    const validateStack: StackValidation = (args, report) => {
        const active = activeWaivers(def, args.getConfig<WaiverConfig>(), new Date());
        if (active.length === 0) return original(args, report);
        const filtered: ReportViolation = (message, urn) => {
            const resource = args.resources.find((r) => r.urn === urn);
            const target = { policyId: def.id, urn: urn ?? "", type: resource?.type, tags: safeTags(resource?.props) };
            if (!active.some((w) => waiverMatches(w, target))) report(message, urn);
        };
        return original(args, filtered);
    };
    return { ...stackPolicy, configSchema: schema, validateStack };
}

/** The pack-level policy that turns expired waivers and waivers of non-waivable policies into mandatory violations. */
export function waiverVerdictPolicy(policies: readonly PolicyDefinition[]): StackValidationPolicy {
    const byId = new Map(policies.map((p) => [p.id, p]));
    return {
        name: WAIVERS_POLICY_ID,
        description: "Checks whether every waiver given to the pack is still in force and names a waivable policy.",
        enforcementLevel: "mandatory",
        configSchema: { properties: { [WAIVERS_CONFIG_KEY]: WAIVERS_PROPERTY } },
        validateStack: (args, report) => {
            const now = new Date();
            for (const w of args.getConfig<WaiverConfig>().waivers ?? []) {
                const policy = byId.get(w.policy);
                const status = waiverStatus(w, policy, now);
                // Unknown policies cannot reach here (the spec loader rejects them); like the harness, skip them.
                if (!policy) continue;
                if (status === "expired") report(expiredWaiverMessage(w));
                else if (status === "rejected") report(rejectedWaiverMessage(w));
            }
        },
    };
}

/**
 * The pack config entries that carry waivers to the engine: each waived policy gets its own
 * waivers, `edf-waivers` gets all of them at the mandatory level. Empty when there are none,
 * so packs without waivers see exactly the config they saw before.
 */
export function waiverPackConfig(waivers: readonly Waiver[]): Record<string, Record<string, unknown>> {
    if (waivers.length === 0) return {};
    const data = waivers.map(({ source: _source, ...w }) => w);
    const config: Record<string, Record<string, unknown>> = {
        [WAIVERS_POLICY_ID]: { enforcementLevel: "mandatory", [WAIVERS_CONFIG_KEY]: data },
    };
    for (const w of data) {
        const entry = (config[w.policy] ??= { [WAIVERS_CONFIG_KEY]: [] });
        (entry[WAIVERS_CONFIG_KEY] as unknown[]).push(w);
    }
    return config;
}
