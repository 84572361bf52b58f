import { mustBeTrue, onlyInProduction, PRODUCTION_SCHEMA, SettingCheck, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

const protectedInProduction: SettingCheck = (args) => {
    onlyInProduction(args, "Deletion protection");
    return mustBeTrue("deletionProtection")(args);
};

export const neptuneDeletionProtectionInProduction = settingPolicy(
    {
        id: "neptune-deletion-protection-in-production",
        description: "Checks whether Neptune clusters and global clusters in production environments have deletion protection.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps: "Set `deletionProtection: true` on production graphs; turning it off must be its own reviewed change.",
        configSchema: { properties: PRODUCTION_SCHEMA },
        // Partial: development clusters are not judged; the peers judge every environment.
        peerChecks: { partial: ["CKV2_AWS_58"] },
    },
    { [T.neptuneCluster]: protectedInProduction, [T.neptuneGlobalCluster]: protectedInProduction },
);
