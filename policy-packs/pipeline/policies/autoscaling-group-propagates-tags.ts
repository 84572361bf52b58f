import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";
import { DEFAULT_REQUIRED_TAGS } from "./resource-required-tags";

interface Config {
    requiredTags: string[];
}

/**
 * The provider's default tags reach the group, not the instances it launches: a group must
 * propagate the governance tags itself, or every instance is an unowned, unclassified host in
 * the inventory.
 */
export const autoscalingGroupPropagatesTags: ResourcePolicyDefinition = {
    kind: "resource",
    id: "autoscaling-group-propagates-tags",
    description: "Checks whether Auto Scaling groups propagate the governance tags to the instances they launch.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Add each governance tag to the group's `tags` with `propagateAtLaunch: true`.",
    configSchema: {
        properties: { requiredTags: { type: "array", items: { type: "string", minLength: 1 }, default: DEFAULT_REQUIRED_TAGS } },
    },
    peerChecks: { full: ["CKV_AWS_153"] },
    resourceTypes: [T.autoscalingGroup],
    validateResource: forTypes([T.autoscalingGroup], (args, report) => {
        const { requiredTags } = args.getConfig<Config>();
        const propagated = new Set(
            asArray(args.props.tags as { key?: string; propagateAtLaunch?: boolean }[])
                .filter((t) => t.propagateAtLaunch === true)
                .map((t) => t.key),
        );
        const missing = requiredTags.filter((t) => !propagated.has(t));
        if (missing.length > 0)
            report(
                `Auto Scaling group \`${args.name}\` must propagate the tags ` +
                    `${missing.map((m) => `\`${m}\``).join(", ")} to its instances ` +
                    `(\`propagateAtLaunch: true\`).`,
            );
    }),
};
