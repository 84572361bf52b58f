import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/** Without a cooldown a group reacts to the metrics of instances still starting, and flaps. */
export const autoscalingGroupCooldown: ResourcePolicyDefinition = {
    kind: "resource",
    id: "autoscaling-group-cooldown",
    description: "Checks whether Auto Scaling groups keep a non-zero cooldown between scaling activities.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Leave `defaultCooldown` at its default (300 seconds) or set it above zero.",
    peerChecks: { full: ["AwsSolutions-AS1"] },
    resourceTypes: [T.autoscalingGroup],
    validateResource: forTypes([T.autoscalingGroup], (args, report) => {
        if (args.props.defaultCooldown === 0)
            report(`Auto Scaling group \`${args.name}\` must keep a cooldown between scaling activities (\`defaultCooldown\` > 0).`);
    }),
};
