import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

export const vpcDefaultSecurityGroupClosed: StackPolicyDefinition = {
    kind: "stack",
    id: "vpc-default-security-group-closed",
    description: "Checks whether every VPC adopts its default security group with no ingress and no egress rules.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.ec2.DefaultSecurityGroup` for the VPC with empty `ingress` and `egress`, so nothing can use the default group.",
    peerChecks: { full: ["PCI.DSS.321-VPCDefaultSecurityGroupClosed", "CKV2_AWS_12"] },
    resourceTypes: [T.vpc, T.defaultSecurityGroup],
    validateStack: (args, report) => {
        const vpcs = ofTypes(args.resources, [T.vpc]);
        const defaults = ofTypes(args.resources, [T.defaultSecurityGroup]);
        if (vpcs.length === 0 && defaults.length === 0) args.notApplicable("The stack declares no VPC.");
        for (const d of defaults) {
            const open = asArray(d.props.ingress as unknown[]).length + asArray(d.props.egress as unknown[]).length;
            if (open > 0) report(`Default security group \`${d.name}\` must have no ingress or egress rules (it has ${open}).`, d.urn);
        }
        for (const vpc of vpcs) {
            if (!defaults.some((d) => refersTo(d, "vpcId", vpc, []))) {
                report(
                    `VPC \`${vpc.name}\` must adopt its default security group with an \`aws.ec2.DefaultSecurityGroup\` that has no rules.`,
                    vpc.urn,
                );
            }
        }
    },
};
