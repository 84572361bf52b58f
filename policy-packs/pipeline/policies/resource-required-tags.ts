import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { effectiveTags } from "../support/props";
import { TAGGABLE_TYPES } from "../support/taggable";

/** The team's governance tags. */
export const DEFAULT_REQUIRED_TAGS = ["owner", "environment", "data-classification", "pci-scope"];

interface Config {
    requiredTags: string[];
}

const validate = forTypes([...TAGGABLE_TYPES], (args, report) => {
    const { requiredTags } = args.getConfig<Config>();
    const tags = effectiveTags(args.props, args.provider?.props);
    const missing = requiredTags.filter((t) => typeof tags[t] !== "string" || tags[t].length === 0);
    if (missing.length > 0)
        report(
            `Resource \`${args.name}\` must be tagged ` +
                `${missing.map((m) => `\`${m}\``).join(", ")} (directly or through the ` +
                `provider's defaultTags).`,
        );
});

export const resourceRequiredTags: ResourcePolicyDefinition = {
    kind: "resource",
    id: "resource-required-tags",
    description:
        "Checks whether every taggable AWS resource carries the governance tags (owner, environment, data classification, PCI scope).",
    severity: "low",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set the tags on the AWS provider's `defaultTags` (preferred) or on the resource.",
    configSchema: {
        properties: { requiredTags: { type: "array", items: { type: "string", minLength: 1 }, default: DEFAULT_REQUIRED_TAGS } },
    },
    resourceTypes: ["aws:*"],
    validateResource: validate,
};
