import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { asArray, known, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

const ATTACHMENTS = [T.autoscalingAttachment, T.autoscalingTrafficSourceAttachment];

/** Whether a group is behind a load balancer: inline target groups, classic names or traffic sources, or an attachment resource. */
function behindLoadBalancer(group: PolicyResource, attachments: readonly PolicyResource[]): boolean {
    for (const prop of ["targetGroupArns", "loadBalancers", "trafficSources"]) {
        if (isSet(group.props, prop) && (known(() => asArray(group.props[prop] as unknown[]).length) ?? 1) > 0) return true;
    }
    return attachments.some((a) => refersTo(a, "autoscalingGroupName", group, ["name"]));
}

/**
 * Stack policy: load balancers attach to a group inline or through attachment resources. EC2
 * status checks see a running instance whose application is dead; only the load balancer's
 * health check makes the group replace it, once the grace period has let it start.
 */
export const autoscalingGroupElbHealthCheck: StackPolicyDefinition = {
    kind: "stack",
    id: "autoscaling-group-elb-health-check",
    description:
        "Checks whether Auto Scaling groups behind a load balancer replace " +
        "instances on its health checks (type ELB) after a non-zero grace period.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: 'Set `healthCheckType: "ELB"` and a `healthCheckGracePeriod` long enough for an instance to start (e.g. 300).',
    peerChecks: { full: ["PCI.DSS.321-AutoScalingGroupELBHealthCheckRequired", "CKV2_AWS_15", "AwsSolutions-AS2"] },
    resourceTypes: [T.autoscalingGroup, ...ATTACHMENTS],
    validateStack: (args, report) => {
        const groups = ofTypes(args.resources, [T.autoscalingGroup]);
        if (groups.length === 0) args.notApplicable("The stack declares no Auto Scaling group.");
        const attachments = ofTypes(args.resources, ATTACHMENTS);
        for (const g of groups) {
            if (!behindLoadBalancer(g, attachments)) continue;
            if (g.props.healthCheckType !== "ELB")
                report(
                    `Auto Scaling group \`${g.name}\` is behind a load balancer and must ` +
                        `use its health checks (\`healthCheckType: "ELB"\`).`,
                    g.urn,
                );
            else if (g.props.healthCheckGracePeriod === 0)
                report(
                    `Auto Scaling group \`${g.name}\` must give new instances a ` +
                        `health-check grace period (\`healthCheckGracePeriod\` > 0).`,
                    g.urn,
                );
        }
    },
};
