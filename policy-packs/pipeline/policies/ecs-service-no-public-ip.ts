import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const ecsServiceNoPublicIp: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecs-service-no-public-ip",
    description: "Checks whether ECS services run their tasks without public IP addresses.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `networkConfiguration.assignPublicIp: false` and reach the service through the load balancer.",
    peerChecks: { full: ["CKV_AWS_333"] },
    resourceTypes: [T.ecsService],
    validateResource: forTypes([T.ecsService], (args, report) => {
        const net = args.props.networkConfiguration as { assignPublicIp?: boolean } | undefined;
        if (net?.assignPublicIp === true) report(`ECS service \`${args.name}\` must not assign public IPs to its tasks.`);
    }),
};
