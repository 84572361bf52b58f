import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, known, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

/**
 * Stack policy: a network ACL reaches subnets inline (`subnetIds`) or through separate
 * associations. One attached to nothing filters nothing while it looks, in a review, like a
 * control in place.
 */
export const vpcNetworkAclAttached: StackPolicyDefinition = {
    kind: "stack",
    id: "vpc-network-acl-attached",
    description: "Checks whether every network ACL is attached to at least one subnet.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "List the subnets in the ACL's `subnetIds` (or add an `aws.ec2.NetworkAclAssociation`), or delete the unused ACL.",
    peerChecks: { full: ["CKV2_AWS_1"] },
    resourceTypes: [T.networkAcl, T.networkAclAssociation],
    validateStack: (args, report) => {
        const acls = ofTypes(args.resources, [T.networkAcl]);
        if (acls.length === 0) args.notApplicable("The stack declares no network ACL.");
        const assocs = ofTypes(args.resources, [T.networkAclAssociation]);
        for (const acl of acls) {
            const inline = known(() => acl.props.subnetIds);
            // Subnet ids that are outputs of other resources are still subnets: attached.
            if (inline === undefined ? acl.propertyDependencies.subnetIds?.length : asArray(inline as unknown[]).length > 0) continue;
            if (assocs.some((a) => refersTo(a, "networkAclId", acl, []))) continue;
            report(
                `Network ACL \`${acl.name}\` must be attached to a subnet (\`subnetIds\` or an aws.ec2.NetworkAclAssociation).`,
                acl.urn,
            );
        }
    },
};
