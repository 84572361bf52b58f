import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resourceName, NAME_LIMITS } from "../../platform/common/naming";
import { loadBalancerArnSuffix } from "./container-definition";
import { resourceTags } from "./governance";
import type { ServiceIdentity } from "./service-identity";

export const DEFAULT_HEALTH_CHECK_PATH = "/health";
export const DEFAULT_CPU_TARGET_PERCENT = 60;
export const DEFAULT_REQUESTS_PER_TARGET = 1000;

/** How an HTTP service is reached through the shared ALB. */
export interface HttpRouting {
    /** Path patterns of the listener rule, e.g. `["/payments/*"]` (1–5). */
    readonly pathPatterns: readonly string[];
    /** The rule's priority on the shared listener (1–50000), unique per listener. */
    readonly priority: number;
    /** Host headers the rule also requires. @default - any host */
    readonly hostHeaders?: readonly string[];
    /** The health-check path. @default "/health" */
    readonly healthCheckPath?: string;
}

/** Autoscaling bounds and targets. */
export interface ServiceScaling {
    /** Fewest running tasks. @default - the environment's sizing (dev 1, prod 2) */
    readonly minTasks?: number;
    /** Most running tasks. @default - the environment's sizing (dev 2, prod 10) */
    readonly maxTasks?: number;
    /** Average CPU utilisation to hold, in percent. @default 60 */
    readonly cpuTargetPercent?: number;
    /** ALB requests per task to hold (HTTP services only). @default 1000 */
    readonly requestsPerTarget?: number;
}

/**
 * Puts a service on the shared ALB: an IP target group with a health check in the
 * landing zone's VPC, a listener rule on the shared HTTPS listener, and ingress to the
 * tasks from the ALB's security group on the container port only.
 */
export function attachToAlb(
    parent: pulumi.Resource,
    name: string,
    identity: ServiceIdentity,
    http: HttpRouting,
    containerPort: number,
    tags: (suffix: string) => Record<string, string>,
): aws.lb.TargetGroup {
    const { network, sharedServices } = identity.landingZone;
    const targetGroup = new aws.lb.TargetGroup(
        `${name}-targets`,
        {
            name: resourceName([identity.environment, name], NAME_LIMITS.loadBalancer),
            port: containerPort,
            protocol: "HTTP",
            targetType: "ip",
            vpcId: network.vpcId,
            deregistrationDelay: 30,
            healthCheck: {
                enabled: true,
                path: http.healthCheckPath ?? DEFAULT_HEALTH_CHECK_PATH,
                protocol: "HTTP",
                matcher: "200-399",
                interval: 15,
                healthyThreshold: 2,
                unhealthyThreshold: 3,
                timeout: 5,
            },
            tags: tags("targets"),
        },
        { parent },
    );
    new aws.lb.ListenerRule(
        `${name}-route`,
        {
            listenerArn: sharedServices.httpsListenerArn,
            priority: http.priority,
            actions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
            conditions: [
                { pathPattern: { values: [...http.pathPatterns] } },
                ...(http.hostHeaders && http.hostHeaders.length > 0 ? [{ hostHeader: { values: [...http.hostHeaders] } }] : []),
            ],
            tags: tags("route"),
        },
        { parent },
    );
    new aws.vpc.SecurityGroupIngressRule(
        `${name}-from-alb`,
        {
            securityGroupId: identity.securityGroup.id,
            description: `ALB to ${name} on ${containerPort}`,
            ipProtocol: "tcp",
            fromPort: containerPort,
            toPort: containerPort,
            referencedSecurityGroupId: sharedServices.albSecurityGroupId,
            tags: tags("from-alb"),
        },
        { parent },
    );
    return targetGroup;
}

/** Scales the service between `minTasks` and `maxTasks` on CPU and, behind the ALB, on requests per task. */
export function autoscaleService(
    parent: pulumi.Resource,
    name: string,
    identity: ServiceIdentity,
    service: aws.ecs.Service,
    targetGroup: aws.lb.TargetGroup | undefined,
    scaling: ServiceScaling | undefined,
    minTasks: number,
    maxTasks: number,
): void {
    const { sharedServices } = identity.landingZone;
    const target = new aws.appautoscaling.Target(
        `${name}-scaling`,
        {
            serviceNamespace: "ecs",
            scalableDimension: "ecs:service:DesiredCount",
            resourceId: pulumi.interpolate`service/${sharedServices.ecsClusterName}/${service.name}`,
            minCapacity: minTasks,
            maxCapacity: maxTasks,
            tags: resourceTags(identity.tags, `${name}-scaling`),
        },
        { parent },
    );
    const tracking = (
        suffix: string,
        metric: aws.types.input.appautoscaling.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification,
        value: number,
    ) =>
        new aws.appautoscaling.Policy(
            `${name}-scale-on-${suffix}`,
            {
                policyType: "TargetTrackingScaling",
                serviceNamespace: target.serviceNamespace,
                scalableDimension: target.scalableDimension,
                resourceId: target.resourceId,
                targetTrackingScalingPolicyConfiguration: {
                    predefinedMetricSpecification: metric,
                    targetValue: value,
                    scaleInCooldown: 120,
                    scaleOutCooldown: 60,
                },
            },
            { parent: target },
        );
    tracking("cpu", { predefinedMetricType: "ECSServiceAverageCPUUtilization" }, scaling?.cpuTargetPercent ?? DEFAULT_CPU_TARGET_PERCENT);
    if (targetGroup) {
        const resourceLabel = pulumi.interpolate`${sharedServices.albArn.apply(loadBalancerArnSuffix)}/${targetGroup.arnSuffix}`;
        tracking(
            "requests",
            { predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel },
            scaling?.requestsPerTarget ?? DEFAULT_REQUESTS_PER_TARGET,
        );
    }
}
