import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, isWorldCidr, known, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

const GROUP_KEYS = ["emrManagedMasterSecurityGroup", "emrManagedSlaveSecurityGroup", "serviceAccessSecurityGroup"] as const;
const LIST_KEYS = ["additionalMasterSecurityGroups", "additionalSlaveSecurityGroups"] as const;

/** The security groups a cluster names in `ec2Attributes`: by the engine's dependencies, else by id. */
function clusterGroups(cluster: PolicyResource, groups: readonly PolicyResource[]): PolicyResource[] {
    const deps = new Set((cluster.propertyDependencies.ec2Attributes ?? []).map((d) => d.urn));
    const attrs = (known(() => cluster.props.ec2Attributes) ?? {}) as Record<string, unknown>;
    const ids = new Set<string>();
    for (const k of GROUP_KEYS) if (typeof attrs[k] === "string") ids.add(attrs[k] as string);
    // The additional groups are one comma-separated string.
    for (const k of LIST_KEYS) for (const id of String(attrs[k] ?? "").split(",")) if (id.trim()) ids.add(id.trim());
    return groups.filter((g) => deps.has(g.urn) || ids.has(String(known(() => g.props.id) ?? "")));
}

/** Whether the group, or a rule attached to it, admits 0.0.0.0/0 or ::/0. */
function openToWorld(group: PolicyResource, rules: readonly PolicyResource[]): boolean {
    const inline = asArray(group.props.ingress as Record<string, unknown>[]).some((r) =>
        [...asArray(r.cidrBlocks as string[]), ...asArray(r.ipv6CidrBlocks as string[])].some(isWorldCidr),
    );
    if (inline) return true;
    return rules.some((r) => {
        if (!refersTo(r, "securityGroupId", group, ["id"])) return false;
        const p = r.props;
        if (r.type === T.securityGroupRule)
            return (
                p.type === "ingress" && [...asArray(p.cidrBlocks as string[]), ...asArray(p.ipv6CidrBlocks as string[])].some(isWorldCidr)
            );
        return isWorldCidr(p.cidrIpv4) || isWorldCidr(p.cidrIpv6);
    });
}

/** Stack policy: a cluster's security groups and their rules are separate resources. */
export const emrClusterSecurityGroupsNotPublic: StackPolicyDefinition = {
    kind: "stack",
    id: "emr-cluster-security-groups-not-public",
    description: "Checks whether the security groups of EMR clusters admit no traffic from the internet, on any port.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Remove the 0.0.0.0/0 and ::/0 ingress rules from the cluster's security groups; reach the cluster through Session Manager, " +
        "a VPN or EMR Studio instead.",
    resourceTypes: [T.emrCluster, T.securityGroup, T.securityGroupRule, T.ingressRule],
    peerChecks: { full: ["CKV2_AWS_7"] },
    validateStack: (args, report) => {
        const clusters = ofTypes(args.resources, [T.emrCluster]);
        if (clusters.length === 0) args.notApplicable("The stack declares no EMR cluster.");
        const groups = ofTypes(args.resources, [T.securityGroup]);
        const rules = ofTypes(args.resources, [T.securityGroupRule, T.ingressRule]);
        for (const cluster of clusters) {
            for (const group of clusterGroups(cluster, groups)) {
                if (openToWorld(group, rules))
                    report(
                        `Security group \`${group.name}\` of EMR cluster \`${cluster.name}\` must not admit traffic from the internet.`,
                        cluster.urn,
                    );
            }
        }
    },
};
