import { mustBeTrue, onlyInProduction, PRODUCTION_SCHEMA, SettingCheck, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

const protectedInProduction: SettingCheck = (args) => {
    onlyInProduction(args, "Deletion protection");
    return mustBeTrue("deletionProtection")(args);
};

export const rdsDeletionProtectionInProduction = settingPolicy(
    {
        id: "rds-deletion-protection-in-production",
        description: "Checks whether RDS instances, clusters and global clusters in production environments have deletion protection.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps: "Set `deletionProtection: true` on production databases; turning it off must be its own reviewed change.",
        configSchema: { properties: PRODUCTION_SCHEMA },
        // Partial: development databases are disposable and not judged; the peers judge every environment.
        peerChecks: { partial: ["AwsSolutions-RDS10", "CKV_AWS_139", "CKV_AWS_293"] },
    },
    {
        [T.rdsInstance]: protectedInProduction,
        [T.rdsCluster]: protectedInProduction,
        [T.rdsGlobalCluster]: protectedInProduction,
    },
);
