import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { known } from "../support/props";
import { T } from "../support/types";

/**
 * A managed node group given an SSH key and no source security groups opens port 22 of every
 * node to 0.0.0.0/0. Nodes are reached through SSM; if SSH must stay, only from named groups.
 */
export const eksNodeGroupNoOpenSsh: ResourcePolicyDefinition = {
    kind: "resource",
    id: "eks-node-group-no-open-ssh",
    description: "Checks whether EKS managed node groups with SSH access restrict it to named source security groups.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Drop `remoteAccess` and reach nodes through SSM Session Manager, or " +
        "add `remoteAccess.sourceSecurityGroupIds` with the administrators' group.",
    peerChecks: { full: ["CKV_AWS_100"] },
    resourceTypes: [T.eksNodeGroup],
    validateResource: forTypes([T.eksNodeGroup], (args, report) => {
        const remote = args.props.remoteAccess as { ec2SshKey?: string; sourceSecurityGroupIds?: string[] } | undefined;
        // Group ids are outputs of other resources: a list given (even unknown at preview) restricts, an empty one does not.
        const restricted =
            remote !== undefined && isSet(remote, "sourceSecurityGroupIds") && known(() => remote.sourceSecurityGroupIds?.length) !== 0;
        if (remote && isSet(remote, "ec2SshKey") && !restricted)
            report(
                `EKS node group \`${args.name}\` must restrict SSH to named security ` +
                    `groups (\`remoteAccess.sourceSecurityGroupIds\`), or drop the SSH key.`,
            );
    }),
};
