import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { known, ofTypes } from "../support/props";
import { T } from "../support/types";

interface Config {
    sharedTagKey: string;
}

/** Rule resources belong to their group; being named by one does not put a group to use. */
const RULE_TYPES = new Set<string>([T.securityGroupRule, T.ingressRule, T.egressRule]);

/**
 * URNs that resources other than security-group rules name in a property dependency (an instance's groups, a service's network
 * configuration, ...).
 */
function usedUrns(resources: readonly PolicyResource[]): Set<string> {
    const out = new Set<string>();
    for (const r of resources) {
        if (RULE_TYPES.has(r.type)) continue;
        for (const deps of Object.values(r.propertyDependencies)) for (const d of deps) if (d.urn !== r.urn) out.add(d.urn);
    }
    return out;
}

/**
 * Stack policy: a security group is used by whatever names it (instances, load balancers,
 * services, endpoints, databases). One that nothing uses is a rule set nobody reviews until
 * someone attaches it. A group made here for other stacks to use says so with a tag.
 */
export const securityGroupAttached: StackPolicyDefinition = {
    kind: "stack",
    id: "security-group-attached",
    description: "Checks whether every security group is used by a resource of the stack, or tagged as shared with other stacks.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Attach the group to the resource it protects, delete it, or, when " +
        "other stacks attach it, tag it `edf:shared=true` (the configured tag).",
    configSchema: { properties: { sharedTagKey: { type: "string", minLength: 1, default: "edf:shared" } } },
    // Checkov has no "shared" exception.
    peerChecks: { partial: ["CKV2_AWS_5"] },
    resourceTypes: [T.securityGroup],
    validateStack: (args, report) => {
        const groups = ofTypes(args.resources, [T.securityGroup]);
        if (groups.length === 0) args.notApplicable("The stack declares no security group.");
        const { sharedTagKey } = args.getConfig<Config>();
        const used = usedUrns(args.resources);
        for (const g of groups) {
            if (used.has(g.urn)) continue;
            const tags = (known(() => g.props.tags) as Record<string, string> | undefined) ?? {};
            if (String(tags[sharedTagKey]).toLowerCase() === "true") continue;
            report(
                `Security group \`${g.name}\` must be attached to a resource of the ` +
                    `stack, or tagged \`${sharedTagKey}=true\` if other stacks use it.`,
                g.urn,
            );
        }
    },
};
