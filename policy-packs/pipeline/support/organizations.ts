import type { PolicyResource } from "@pulumi/policy";
import { known, ofTypes } from "./props";
import { T } from "./types";

/**
 * The organisation as one stack declares it: OUs with their parents, SCPs and where they are
 * attached. Links go through property dependencies (exact, even when ids are unknown at preview),
 * else through the ids the values carry (`r-…` for the root, `ou-…`), so a stack analysed from
 * state reads the same tree.
 */
export interface OrganizationTree {
    /** The root stands for the organisation resource's first root. */
    readonly organization: PolicyResource | undefined;
    readonly units: readonly PolicyResource[];
    /** Each OU's parent OU (absent: under the root, or unknown). */
    parentOf(unit: PolicyResource): PolicyResource | undefined;
    /** Whether the value of `prop` of `resource` names the root. */
    pointsAtRoot(resource: PolicyResource, prop: string): boolean;
    /** Whether the value of `prop` of `resource` names an OU of the stack (or an `ou-` id). */
    pointsAtUnit(resource: PolicyResource, prop: string): boolean;
    /** SCPs attached to the root. */
    readonly rootPolicies: readonly PolicyResource[];
    /** SCPs attached to an OU. */
    policiesOf(unit: PolicyResource): readonly PolicyResource[];
}

/** The tag the landing zone puts on each baseline SCP: its guardrail id. */
export const GUARDRAIL_TAG = "edf:guardrail";
/** The tag that marks an OU holding workloads. */
export const WORKLOAD_TAG = "edf:workload";

function linked(resource: PolicyResource, prop: string, targets: readonly PolicyResource[]): PolicyResource | undefined {
    const deps = resource.propertyDependencies[prop];
    if (deps && deps.length > 0) return targets.find((t) => deps.some((d) => d.urn === t.urn));
    const value = known(() => resource.props[prop]);
    if (typeof value !== "string") return undefined;
    return targets.find((t) => known(() => t.props.id) === value);
}

function valueOf(resource: PolicyResource, prop: string): string | undefined {
    const value = known(() => resource.props[prop]);
    return typeof value === "string" ? value : undefined;
}

export function organizationTree(resources: readonly PolicyResource[]): OrganizationTree {
    const organization = ofTypes(resources, [T.organization])[0];
    const units = ofTypes(resources, [T.organizationalUnit]);
    const policies = ofTypes(resources, [T.organizationsPolicy]).filter((p) => valueOf(p, "type") !== "TAG_POLICY");
    const attachments = ofTypes(resources, [T.organizationsPolicyAttachment]);
    const pointsAtRoot = (resource: PolicyResource, prop: string): boolean => {
        const deps = resource.propertyDependencies[prop];
        if (deps && deps.length > 0) return organization !== undefined && deps.some((d) => d.urn === organization.urn);
        return valueOf(resource, prop)?.startsWith("r-") === true;
    };
    const pointsAtUnit = (resource: PolicyResource, prop: string): boolean =>
        linked(resource, prop, units) !== undefined || valueOf(resource, prop)?.startsWith("ou-") === true;
    const attachedTo = (matches: (a: PolicyResource) => boolean): PolicyResource[] =>
        attachments
            .filter(matches)
            .map((a) => linked(a, "policyId", policies))
            .filter((p): p is PolicyResource => p !== undefined);
    return {
        organization,
        units,
        parentOf: (unit) => linked(unit, "parentId", units),
        pointsAtRoot,
        pointsAtUnit,
        rootPolicies: attachedTo((a) => pointsAtRoot(a, "targetId")),
        policiesOf: (unit) => attachedTo((a) => linked(a, "targetId", units) === unit),
    };
}

/** The guardrail id of a baseline SCP (its `edf:guardrail` tag), if it is one. */
export function guardrailOf(policy: PolicyResource): string | undefined {
    const tags = known(() => policy.props.tags) as Record<string, unknown> | undefined;
    const id = tags?.[GUARDRAIL_TAG];
    return typeof id === "string" ? id : undefined;
}

/** The OU's name for messages. */
export function unitName(unit: PolicyResource): string {
    const name = known(() => unit.props.name);
    return typeof name === "string" ? name : unit.name;
}

/** The baseline guardrails the landing zone attaches (platform/organization's catalogue), the policies' default. */
export const BASELINE_GUARDRAILS = [
    "deny-leaving-organization",
    "deny-root-user",
    "deny-security-services-changes",
    "deny-log-archive-changes",
    "deny-protected-roles-changes",
    "deny-regions-outside-allow-list",
    "deny-account-baseline-changes",
    "deny-iam-users",
] as const;
