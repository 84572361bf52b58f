import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { configuredKeys, describeGrant, narrowingKeysSchema, publicGrants } from "../support/resource-policy";
import { T } from "../support/types";

interface Config {
    narrowingConditionKeys: string[];
}

export const glueResourcePolicyNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "glue-resource-policy-not-public",
    description: "Checks whether the Glue Data Catalog resource policy grants access to everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Name the accounts or roles the catalog is shared with, or narrow `*` with a fixed `aws:PrincipalOrgID` condition.",
    configSchema: { properties: { narrowingConditionKeys: narrowingKeysSchema() } },
    resourceTypes: [T.glueResourcePolicy],
    validateResource: forTypes([T.glueResourcePolicy], (args, report) => {
        const keys = configuredKeys(args.getConfig<Config>().narrowingConditionKeys);
        for (const g of publicGrants(args.props.policy, keys))
            report(`Glue resource policy \`${args.name}\` must not be public: ${describeGrant(g)}.`);
    }),
};
