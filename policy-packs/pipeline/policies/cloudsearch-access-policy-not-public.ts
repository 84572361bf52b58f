import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { configuredKeys, describeGrant, NARROWING_CONDITION_KEYS, narrowingKeysSchema, publicGrants } from "../support/resource-policy";
import { T } from "../support/types";

interface Config {
    narrowingConditionKeys: string[];
}

/** CloudSearch endpoints are public: the service access policy is the only gate, and an IP allow-list is its documented way in. */
export const cloudsearchAccessPolicyNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudsearch-access-policy-not-public",
    description: "Checks whether CloudSearch domain service access policies grant search or document access to everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Name the roles allowed to search and upload in `accessPolicy`, or narrow `*` with a fixed `aws:SourceIp` range.",
    configSchema: { properties: { narrowingConditionKeys: narrowingKeysSchema([...NARROWING_CONDITION_KEYS, "aws:SourceIp"]) } },
    resourceTypes: [T.cloudSearchAccessPolicy],
    validateResource: forTypes([T.cloudSearchAccessPolicy], (args, report) => {
        const keys = configuredKeys(args.getConfig<Config>().narrowingConditionKeys);
        for (const g of publicGrants(args.props.accessPolicy, keys))
            report(`CloudSearch access policy \`${args.name}\` must not be public: ${describeGrant(g)}.`);
    }),
};
