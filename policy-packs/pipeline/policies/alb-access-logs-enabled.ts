import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { LB_TYPES, T } from "../support/types";

const TYPES = [...LB_TYPES, T.elbClassic];

export const albAccessLogsEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "alb-access-logs-enabled",
    description: "Checks whether load balancers write access logs to S3.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `accessLogs: { enabled: true, bucket: <log archive bucket> }` on the load balancer.",
    // The peers also ask access logs of gateway load balancers, which cannot write any.
    peerChecks: {
        full: ["CKV_AWS_91", "CKV_AWS_92", "aws-elb-loadbalancer-configure-access-logging"],
        partial: [
            "AwsSolutions-ELB2",
            "PCI.DSS.321-ELBLoggingEnabled",
            "aws-alb-loadbalancer-configure-access-logging",
            "aws-alb-loadbalancer-enable-access-logging",
            "aws-lb-loadbalancer-configure-access-logging",
            "aws-lb-loadbalancer-enable-access-logging",
        ],
    },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        // Gateway load balancers forward packets and write no access logs.
        if (args.type !== T.elbClassic && args.props.loadBalancerType === "gateway")
            args.notApplicable("Gateway load balancers write no access logs.");
        const logs = args.props.accessLogs as { enabled?: boolean; bucket?: string } | undefined;
        // A classic load balancer's `enabled` defaults to true; an ALB/NLB's to false.
        const enabled = args.type === T.elbClassic ? logs?.enabled !== false : logs?.enabled === true;
        // The bucket is often another resource's output: that it is named is enough.
        if (!enabled || !logs || !isSet(logs, "bucket"))
            report(`Load balancer \`${args.name}\` must have access logs enabled to an S3 bucket.`);
    }),
};
