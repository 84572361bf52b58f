import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { LB_TYPES, T } from "../support/types";

const TARGET_GROUP_TYPES = [T.targetGroup, T.albTargetGroupLegacy];
const TYPES = [...LB_TYPES, T.elbClassic, ...TARGET_GROUP_TYPES];
const IS_TARGET_GROUP: ReadonlySet<string> = new Set(TARGET_GROUP_TYPES);

/**
 * A load balancer keeps a service up through the loss of a zone or a target only if it spreads
 * traffic across zones and checks its targets' health: cross-zone load balancing on NLBs and
 * GWLBs (off by default there), and on classic load balancers at least two zones, connection
 * draining and a health check; HTTP target groups check a path rather than a TCP connect.
 */
export const lbHighAvailability: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lb-high-availability",
    description:
        "Checks whether load balancers spread traffic across availability zones, drain connections and health-check their targets.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "NLB/GWLB: `enableCrossZoneLoadBalancing: true`. Classic: two or more " +
        "subnets or zones, `crossZoneLoadBalancing` left on, " +
        "`connectionDraining: true` and a `healthCheck`. HTTP(S) target " +
        "groups: `healthCheck: { path: ... }`.",
    // cdk-nag's ELB4 and AS2 read CloudFormation, where cross-zone is off unless set; in the provider it is on unless set false.
    peerChecks: {
        full: [
            "CKV_AWS_152",
            "CKV_AWS_138",
            "AwsSolutions-ELB3",
            "AwsSolutions-ELB4",
            "CKV_AWS_261",
            "aws-elb-loadbalancer-enable-health-check",
        ],
        partial: ["aws-elb-loadbalancer-configure-multi-availability-zone"],
    },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const p = args.props;
        if (IS_TARGET_GROUP.has(args.type)) {
            if (p.protocol !== "HTTP" && p.protocol !== "HTTPS") args.notApplicable("Only HTTP(S) target groups health-check a path.");
            const hc = p.healthCheck as { enabled?: boolean; path?: string } | undefined;
            if (hc?.enabled === false || !hc?.path)
                report(`${String(p.protocol)} target group \`${args.name}\` must health-check a path (\`healthCheck.path\`).`);
            return;
        }
        if (args.type !== T.elbClassic) {
            const kind = (p.loadBalancerType as string | undefined) ?? "application";
            if ((kind === "network" || kind === "gateway") && p.enableCrossZoneLoadBalancing !== true)
                report(
                    `${kind === "network" ? "Network" : "Gateway"} load balancer \`${args.name}\` must enable cross-zone load balancing.`,
                );
            return;
        }
        // Count without reading the items: subnet ids are outputs of other resources.
        const zones = (p.subnets as unknown[] | undefined)?.length || (p.availabilityZones as unknown[] | undefined)?.length || 0;
        if (zones < 2) report(`Classic load balancer \`${args.name}\` must span at least two availability zones (subnets).`);
        if (p.crossZoneLoadBalancing === false) report(`Classic load balancer \`${args.name}\` must keep cross-zone load balancing on.`);
        if (p.connectionDraining !== true)
            report(`Classic load balancer \`${args.name}\` must drain connections (\`connectionDraining: true\`).`);
        if (!p.healthCheck) report(`Classic load balancer \`${args.name}\` must health-check its instances (\`healthCheck\`).`);
    }),
};
