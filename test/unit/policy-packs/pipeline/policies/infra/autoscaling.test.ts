import { autoscalingGroupCooldown } from "../../../../../../policy-packs/pipeline/policies/autoscaling-group-cooldown";
import { autoscalingGroupElbHealthCheck } from "../../../../../../policy-packs/pipeline/policies/autoscaling-group-elb-health-check";
import { autoscalingGroupLaunchTemplate } from "../../../../../../policy-packs/pipeline/policies/autoscaling-group-launch-template";
import { autoscalingGroupPropagatesTags } from "../../../../../../policy-packs/pipeline/policies/autoscaling-group-propagates-tags";
import { autoscalingGroupScalingNotifications } from "../../../../../../policy-packs/pipeline/policies/autoscaling-group-scaling-notifications";
import { describePolicy } from "../../../support/policy-cases";
import { change, rec, UNKNOWN } from "./records";

const ASG = "aws:autoscaling/group:Group";
const TAGS = ["owner", "environment", "data-classification", "pci-scope"].map((key) => ({ key, value: "x", propagateAtLaunch: true }));

const group = (props: Record<string, unknown> = {}) =>
    rec(ASG, "web", {
        name: "web",
        minSize: 2,
        maxSize: 6,
        vpcZoneIdentifiers: ["subnet-a", "subnet-b"],
        launchTemplate: { id: "lt-1", version: "$Latest" },
        targetGroupArns: ["arn:tg"],
        healthCheckType: "ELB",
        healthCheckGracePeriod: 300,
        tags: TAGS,
        ...props,
    });
const EVENTS = [
    "autoscaling:EC2_INSTANCE_LAUNCH",
    "autoscaling:EC2_INSTANCE_LAUNCH_ERROR",
    "autoscaling:EC2_INSTANCE_TERMINATE",
    "autoscaling:EC2_INSTANCE_TERMINATE_ERROR",
];
const notified = (events = EVENTS) => {
    const g = group();
    return [
        g,
        rec(
            "aws:autoscaling/notification:Notification",
            "web-events",
            { groupNames: [UNKNOWN], notifications: events, topicArn: "arn:sns" },
            { groupNames: g },
        ),
    ];
};

describe("infra: Auto Scaling", () => {
    describePolicy(autoscalingGroupLaunchTemplate, {
        compliant: () =>
            [
                // A template whose id is another resource's output is still a template.
                group({ launchTemplate: { id: UNKNOWN, version: "$Latest" } }),
                group({
                    launchTemplate: undefined,
                    mixedInstancesPolicy: { launchTemplate: { launchTemplateSpecification: { launchTemplateId: "lt-1" } } },
                }),
            ].map((r, i) => ({ ...r, name: `web-${i}`, urn: `${r.urn}-${i}` })),
        nonCompliant: [
            {
                name: "a group launching from a launch configuration",
                resources: () => [group({ launchTemplate: undefined, launchConfiguration: "old" })],
                expect: /Auto Scaling group `web` must launch from a launch template/,
            },
        ],
        notApplicable: [
            {
                name: "launch configurations themselves",
                resources: () => [rec("aws:ec2/launchConfiguration:LaunchConfiguration", "old", {})],
            },
        ],
        unknown: [
            {
                name: "the mixed-instances policy is unknown",
                resources: () => [group({ launchTemplate: undefined, mixedInstancesPolicy: UNKNOWN })],
            },
        ],
    });

    describePolicy(autoscalingGroupElbHealthCheck, {
        compliant: () => [group(), rec(ASG, "workers", { minSize: 1, maxSize: 2, launchTemplate: { id: "lt-2" } })],
        nonCompliant: [
            {
                name: "a group behind a target group on EC2 health checks",
                resources: () => [group({ healthCheckType: "EC2" })],
                expect: /Auto Scaling group `web` is behind a load balancer and must use its health checks/,
            },
            {
                name: "a group attached through an attachment resource with the default health check",
                resources: () => {
                    const g = group({ targetGroupArns: undefined, healthCheckType: undefined });
                    return [
                        g,
                        rec(
                            "aws:autoscaling/attachment:Attachment",
                            "web-tg",
                            { autoscalingGroupName: UNKNOWN, lbTargetGroupArn: "arn:tg" },
                            { autoscalingGroupName: g },
                        ),
                    ];
                },
                expect: /must use its health checks/,
            },
            {
                name: "an ELB health check without a grace period",
                resources: () => [group({ healthCheckGracePeriod: 0 })],
                expect: /must give new instances a health-check grace period/,
            },
        ],
        notApplicable: [{ name: "stacks without Auto Scaling groups", resources: () => [rec("aws:lb/targetGroup:TargetGroup", "tg", {})] }],
        unknown: [{ name: "the health-check type is unknown", resources: () => [group({ healthCheckType: UNKNOWN })] }],
    });

    describePolicy(autoscalingGroupCooldown, {
        compliant: () =>
            [group(), change([group()], "web", (p) => ({ ...p, defaultCooldown: 120 }))[0]].map((r, i) => ({
                ...r,
                name: `web-${i}`,
                urn: `${r.urn}-${i}`,
            })),
        nonCompliant: [
            {
                name: "a group without cooldown",
                resources: () => [group({ defaultCooldown: 0 })],
                expect: /must keep a cooldown between scaling activities/,
            },
        ],
        notApplicable: [{ name: "launch templates", resources: () => [rec("aws:ec2/launchTemplate:LaunchTemplate", "lt", {})] }],
        unknown: [{ name: "the cooldown is unknown", resources: () => [group({ defaultCooldown: UNKNOWN })] }],
    });

    describePolicy(autoscalingGroupScalingNotifications, {
        compliant: () => notified(),
        nonCompliant: [
            {
                name: "a group without notifications",
                resources: () => [group()],
                expect: /Auto Scaling group `web` must notify a topic of autoscaling:EC2_INSTANCE_LAUNCH,/,
            },
            {
                name: "notifications that leave out failures",
                resources: () => notified(["autoscaling:EC2_INSTANCE_LAUNCH", "autoscaling:EC2_INSTANCE_TERMINATE"]),
                expect: /must notify a topic of autoscaling:EC2_INSTANCE_LAUNCH_ERROR, autoscaling:EC2_INSTANCE_TERMINATE_ERROR/,
            },
        ],
        notApplicable: [{ name: "stacks without Auto Scaling groups", resources: () => [rec("aws:sns/topic:Topic", "t", {})] }],
    });

    describePolicy(autoscalingGroupPropagatesTags, {
        compliant: () => [group()],
        nonCompliant: [
            {
                name: "governance tags kept on the group only",
                resources: () => [group({ tags: TAGS.map((t) => ({ ...t, propagateAtLaunch: t.key !== "owner" })) })],
                expect: /must propagate the tags `owner` to its instances/,
            },
        ],
        notApplicable: [{ name: "instances", resources: () => [rec("aws:ec2/instance:Instance", "i", {})] }],
        unknown: [{ name: "the tags are unknown", resources: () => [group({ tags: UNKNOWN })] }],
    });
});
