import type { StackPolicyDefinition } from "../../lib/model";
import { knownItems } from "../support/presence";
import { known, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

const EVENTS = [
    "autoscaling:EC2_INSTANCE_LAUNCH",
    "autoscaling:EC2_INSTANCE_LAUNCH_ERROR",
    "autoscaling:EC2_INSTANCE_TERMINATE",
    "autoscaling:EC2_INSTANCE_TERMINATE_ERROR",
];

/**
 * Stack policy: notifications are a separate resource naming its groups. Instances appearing
 * and vanishing, and failures to launch, are what an operator (and an incident timeline) needs
 * to see.
 */
export const autoscalingGroupScalingNotifications: StackPolicyDefinition = {
    kind: "stack",
    id: "autoscaling-group-scaling-notifications",
    description: "Checks whether every Auto Scaling group notifies an SNS topic of instance launches, terminations and their failures.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        `Add an \`aws.autoscaling.Notification\` with the group in ` +
        `\`groupNames\`, an SNS \`topicArn\`, and notifications ${EVENTS.join(", ")}.`,
    peerChecks: { full: ["AwsSolutions-AS3"] },
    resourceTypes: [T.autoscalingGroup, T.autoscalingNotification],
    validateStack: (args, report) => {
        const groups = ofTypes(args.resources, [T.autoscalingGroup]);
        if (groups.length === 0) args.notApplicable("The stack declares no Auto Scaling group.");
        const notifications = ofTypes(args.resources, [T.autoscalingNotification]);
        for (const g of groups) {
            const mine = notifications.filter((n) => {
                const deps = n.propertyDependencies.groupNames;
                if (deps && deps.length > 0) return deps.some((d) => d.urn === g.urn);
                const names = knownItems(() => n.props.groupNames);
                return names.includes(known(() => g.props.name) as string) || refersTo(n, "groupNames", g, ["name"]);
            });
            const events = new Set(mine.flatMap((n) => knownItems(() => n.props.notifications)));
            const missing = EVENTS.filter((e) => !events.has(e));
            if (missing.length > 0) report(`Auto Scaling group \`${g.name}\` must notify a topic of ${missing.join(", ")}.`, g.urn);
        }
    },
};
