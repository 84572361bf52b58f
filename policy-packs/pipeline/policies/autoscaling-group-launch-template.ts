import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { T } from "../support/types";

/**
 * Launch configurations are frozen: no IMDSv2 hop limits beyond the basics, no customer-managed
 * keys for volumes, no new instance types, no versions to roll back to. Auto Scaling groups launch
 * from templates, directly or through a mixed-instances policy.
 */
export const autoscalingGroupLaunchTemplate: ResourcePolicyDefinition = {
    kind: "resource",
    id: "autoscaling-group-launch-template",
    description: "Checks whether Auto Scaling groups launch instances from launch templates rather than launch configurations.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Replace `launchConfiguration` with `launchTemplate: { id, version }` " +
        "(or `mixedInstancesPolicy.launchTemplate`), carrying IMDSv2, " +
        "encrypted volumes and no public IPs.",
    peerChecks: { full: ["CKV_AWS_315"] },
    resourceTypes: [T.autoscalingGroup],
    validateResource: forTypes([T.autoscalingGroup], (args, report) => {
        const mixed = args.props.mixedInstancesPolicy as { launchTemplate?: unknown } | undefined;
        if (!isSet(args.props, "launchTemplate") && !(mixed && isSet(mixed, "launchTemplate")))
            report(
                `Auto Scaling group \`${args.name}\` must launch from a launch template (\`launchTemplate\`), not a launch configuration.`,
            );
    }),
};
