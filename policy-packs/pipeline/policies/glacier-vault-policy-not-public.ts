import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { configuredKeys, describeGrant, narrowingKeysSchema, publicGrants } from "../support/resource-policy";
import { T } from "../support/types";

interface Config {
    narrowingConditionKeys: string[];
}

export const glacierVaultPolicyNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "glacier-vault-policy-not-public",
    description: "Checks whether S3 Glacier vault access policies grant access to everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Name the accounts or roles in the vault's `accessPolicy` instead of `*`, " +
        "or narrow `*` with a fixed `aws:PrincipalOrgID` or `aws:PrincipalAccount` condition.",
    configSchema: { properties: { narrowingConditionKeys: narrowingKeysSchema() } },
    resourceTypes: [T.glacierVault],
    peerChecks: { full: ["CKV_AWS_167"] },
    validateResource: forTypes([T.glacierVault], (args, report) => {
        const keys = configuredKeys(args.getConfig<Config>().narrowingConditionKeys);
        for (const g of publicGrants(args.props.accessPolicy, keys))
            report(`Glacier vault \`${args.name}\` must not be public: ${describeGrant(g)}.`);
    }),
};
