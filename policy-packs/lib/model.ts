import type {
    EnforcementLevel,
    PolicyConfigSchema,
    ResourceRemediation,
    ResourceValidation,
    ResourceValidationPolicy,
    Severity,
    StackValidation,
    StackValidationPolicy,
} from "@pulumi/policy";
import { isCalendarDate } from "./dates";

export type { EnforcementLevel, Severity };

/**
 * Metadata every EDF policy carries; the data half of "data plus a function". A policy states
 * what it checks; which framework controls that evidences is the frameworks' mapping files' to
 * say (policy-packs/frameworks/*.yaml, lib/frameworks.ts).
 */
export interface PolicyMetadata {
    /** Kebab-case id, equal to the policy's file name (`s3-bucket-kms-encrypted`). */
    readonly id: string;
    /** One sentence starting "Checks whether". */
    readonly description: string;
    readonly severity: Severity;
    /** Default enforcement level, before the environment and overrides apply. */
    readonly enforcementLevel: EnforcementLevel;
    /**
     * Default level per environment name, when a policy is stricter (or looser) in one
     * environment than its default, e.g. digest pinning: advisory, but mandatory in `prod`.
     * @default - the `enforcementLevel` everywhere
     */
    readonly environmentLevels?: Readonly<Record<string, EnforcementLevel>>;
    /**
     * ISO date (YYYY-MM-DD) from which an advisory policy becomes mandatory: how a new policy
     * is announced before it blocks anyone.
     * @default - never escalates
     */
    readonly enforceAfter?: string;
    /** JSON schema of the policy's config; every property has a `default`. */
    readonly configSchema?: PolicyConfigSchema;
    /** Whether a waiver may suppress a violation of this policy. */
    readonly waivable: boolean;
    /** What to change to comply; shown in SARIF help and the Markdown summary. */
    readonly remediationSteps: string;
    /**
     * The peers' checks (ids from `../shared/anchors/peer-checks.json`: Checkov `CKV_AWS_*`,
     * cdk-nag `AwsSolutions-*` / `PCI.DSS.321-*`, compliance-policies `aws-*`) this policy checks
     * the same control as, fully or in part. Read only by the coverage script (docs/policy-coverage.md).
     * @default - none
     */
    readonly peerChecks?: { readonly full?: readonly string[]; readonly partial?: readonly string[] };
}

/** A policy that looks at one resource at a time (the engine's `Analyze` call). */
export interface ResourcePolicyDefinition extends PolicyMetadata {
    readonly kind: "resource";
    /** Pulumi type tokens the policy applies to (used for docs and the type fast path). */
    readonly resourceTypes: readonly string[];
    readonly validateResource: ResourceValidation;
    readonly remediateResource?: ResourceRemediation;
}

/** A policy that looks at the whole stack (the engine's `AnalyzeStack` call). */
export interface StackPolicyDefinition extends PolicyMetadata {
    readonly kind: "stack";
    /** Pulumi type tokens the policy reads (docs only: stack policies always run). */
    readonly resourceTypes: readonly string[];
    readonly validateStack: StackValidation;
}

export type PolicyDefinition = ResourcePolicyDefinition | StackPolicyDefinition;

/**
 * The CrossGuard shape of a definition, for `new PolicyPack(...)` and for the harness.
 * EDF-only fields stay out so the engine sees exactly what a hand-written policy would give it.
 * A pack adds `framework` and `tags` from the framework mappings (lib/pack-entry.ts).
 */
export function toPulumiPolicy(def: PolicyDefinition): ResourceValidationPolicy | StackValidationPolicy {
    const base = {
        name: def.id,
        description: def.description,
        enforcementLevel: def.enforcementLevel,
        severity: def.severity,
        remediationSteps: def.remediationSteps,
        ...(def.configSchema ? { configSchema: def.configSchema } : {}),
    };
    if (def.kind === "resource") {
        return {
            ...base,
            validateResource: def.validateResource,
            ...(def.remediateResource ? { remediateResource: def.remediateResource } : {}),
        };
    }
    return { ...base, validateStack: def.validateStack };
}

/**
 * A resource validation restricted to some type tokens. With one token it carries
 * `__pulumiType`, the marker the engine's analyzer uses to skip other types without calling
 * the function (the same marker `validateResourceOfType` sets); with several it checks itself.
 */
export function forTypes(types: readonly string[], validate: ResourceValidation): ResourceValidation {
    if (types.length === 1) {
        const only = types[0];
        const fn: ResourceValidation = (args, report) =>
            args.type === only ? validate(args, report) : args.notApplicable(`Policy only applies to resources of type '${only}'`);
        (fn as unknown as { __pulumiType: string }).__pulumiType = only;
        return fn;
    }
    const set = new Set(types);
    const reason =
        types.length <= 8
            ? `Policy only applies to resources of types ${types.join(", ")}`
            : `Policy only applies to ${types.length} resource types`;
    const fn: ResourceValidation = (args, report) => (set.has(args.type) ? validate(args, report) : args.notApplicable(reason));
    // The engine knows only a single `__pulumiType`, so it calls this for every resource and the
    // function declares itself not applicable. The harness reads this marker to skip those calls
    // up front: the same verdict (nothing reported), without an exception per resource.
    (fn as unknown as { __edfTypes: ReadonlySet<string> }).__edfTypes = set;
    return fn;
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

/**
 * Checks a policy list's metadata, returning every problem (empty when the list is sound):
 * ids kebab-case and unique, descriptions starting "Checks whether",
 * every config property with a default, dates ISO.
 */
export function validatePolicyMetadata(policies: readonly PolicyDefinition[]): string[] {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const p of policies) {
        const where = `policy \`${p.id}\``;
        if (!KEBAB.test(p.id)) problems.push(`${where}: \`id\` must be kebab-case (service-resource-expectation).`);
        if (seen.has(p.id)) problems.push(`${where}: \`id\` is used twice; ids must be unique in a pack.`);
        seen.add(p.id);
        if (!p.description.startsWith("Checks whether")) problems.push(`${where}: \`description\` must start "Checks whether".`);
        if (p.enforceAfter !== undefined && !isCalendarDate(p.enforceAfter))
            problems.push(`${where}: \`enforceAfter\` must be a real calendar day, YYYY-MM-DD.`);
        for (const [key, schema] of Object.entries(p.configSchema?.properties ?? {})) {
            if (typeof schema !== "object" || !("default" in schema))
                problems.push(`${where}: config property \`${key}\` needs a \`default\`.`);
        }
        if (p.remediationSteps.trim().length === 0) problems.push(`${where}: \`remediationSteps\` must say how to comply.`);
    }
    return problems;
}
