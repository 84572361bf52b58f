import { mustBeTrue, onlyInProduction, PRODUCTION_SCHEMA, SettingCheck, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

const protectedInProduction: SettingCheck = (args) => {
    onlyInProduction(args, "Deletion protection");
    return mustBeTrue("deletionProtection")(args);
};

export const docdbDeletionProtectionInProduction = settingPolicy(
    {
        id: "docdb-deletion-protection-in-production",
        description: "Checks whether DocumentDB clusters and global clusters in production environments have deletion protection.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps: "Set `deletionProtection: true` on production clusters; turning it off must be its own reviewed change.",
        configSchema: { properties: PRODUCTION_SCHEMA },
    },
    { [T.docdbCluster]: protectedInProduction, [T.docdbGlobalCluster]: protectedInProduction },
);
