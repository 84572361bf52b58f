import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { LB_TYPES } from "../support/types";

export const albAccessLogsEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "alb-access-logs-enabled",
    description: "Checks whether load balancers write access logs to S3.",
    severity: "medium",
    controls: { "pci-dss-v4.0": ["10.2.1"] },
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `accessLogs: { enabled: true, bucket: <log archive bucket> }` on the load balancer.",
    resourceTypes: [...LB_TYPES],
    validateResource: forTypes(LB_TYPES, (args, report) => {
        const logs = args.props.accessLogs as { enabled?: boolean; bucket?: string } | undefined;
        if (logs?.enabled !== true || !logs.bucket) report(`Load balancer \`${args.name}\` must have access logs enabled to an S3 bucket.`);
    }),
};
