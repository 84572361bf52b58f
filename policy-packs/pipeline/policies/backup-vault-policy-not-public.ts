import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { configuredKeys, describeGrant, narrowingKeysSchema, publicGrants } from "../support/resource-policy";
import { T } from "../support/types";

interface Config {
    narrowingConditionKeys: string[];
}

export const backupVaultPolicyNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "backup-vault-policy-not-public",
    description: "Checks whether AWS Backup vault access policies grant access to everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Name the accounts allowed to copy into the vault in its policy, or narrow `*` with a fixed `aws:PrincipalOrgID` condition; " +
        "a `Deny backup:DeleteRecoveryPoint` to `*` is fine.",
    configSchema: { properties: { narrowingConditionKeys: narrowingKeysSchema() } },
    resourceTypes: [T.backupVaultPolicy],
    validateResource: forTypes([T.backupVaultPolicy], (args, report) => {
        const keys = configuredKeys(args.getConfig<Config>().narrowingConditionKeys);
        for (const g of publicGrants(args.props.policy, keys))
            report(`Backup vault policy \`${args.name}\` must not be public: ${describeGrant(g)}.`);
    }),
};
