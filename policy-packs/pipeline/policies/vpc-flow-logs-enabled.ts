import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

export const vpcFlowLogsEnabled: StackPolicyDefinition = {
    kind: "stack",
    id: "vpc-flow-logs-enabled",
    description: "Checks whether every VPC has a flow log capturing all traffic.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.ec2.FlowLog` with `vpcId` set to the VPC and " +
        '`trafficType: "ALL"`, delivered to a KMS-encrypted log group or the ' +
        "log archive.",
    peerChecks: { full: ["CKV2_AWS_11", "AwsSolutions-VPC7", "PCI.DSS.321-VPCFlowLogsEnabled"] },
    resourceTypes: [T.vpc, T.flowLog],
    validateStack: (args, report) => {
        const vpcs = ofTypes(args.resources, [T.vpc]);
        if (vpcs.length === 0) args.notApplicable("The stack declares no VPC.");
        const logs = ofTypes(args.resources, [T.flowLog]);
        for (const vpc of vpcs) {
            const mine = logs.filter((l) => refersTo(l, "vpcId", vpc, []));
            if (mine.length === 0) report(`VPC \`${vpc.name}\` must have a flow log (aws.ec2.FlowLog with \`vpcId\`).`, vpc.urn);
            else if (!mine.some((l) => (l.props.trafficType ?? "ALL") === "ALL"))
                report(`VPC \`${vpc.name}\` must have a flow log with \`trafficType\` ALL.`, vpc.urn);
        }
    },
};
