import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { configuredKeys, describeGrant, narrowingKeysSchema, publicGrants } from "../support/resource-policy";
import { T } from "../support/types";

interface Config {
    narrowingConditionKeys: string[];
}

/** A file system policy that allows `*` lets any client that reaches a mount target mount, read and write. */
export const efsFileSystemPolicyNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "efs-file-system-policy-not-public",
    description: "Checks whether EFS file system policies grant access to everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Name the roles allowed to mount (`elasticfilesystem:ClientMount`, `ClientWrite`) in the file system policy, or narrow `*` with " +
        "a fixed `aws:PrincipalAccount`, `aws:SourceVpc` or `elasticfilesystem:AccessPointArn`-style condition that pins callers.",
    configSchema: { properties: { narrowingConditionKeys: narrowingKeysSchema() } },
    resourceTypes: [T.efsFileSystemPolicy],
    validateResource: forTypes([T.efsFileSystemPolicy], (args, report) => {
        const keys = configuredKeys(args.getConfig<Config>().narrowingConditionKeys);
        for (const g of publicGrants(args.props.policy, keys))
            report(`EFS file system policy \`${args.name}\` must not be public: ${describeGrant(g)}.`);
    }),
};
