import { mustNotBeFalse, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

const upgrades = mustNotBeFalse("autoMinorVersionUpgrade");

export const rdsAutoMinorVersionUpgrade = settingPolicy(
    {
        id: "rds-auto-minor-version-upgrade",
        description: "Checks whether RDS instances, cluster instances and Multi-AZ DB clusters take minor engine upgrades automatically.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Remove `autoMinorVersionUpgrade: false` (the default is on) so " +
            "security patches land in the maintenance window; pin a version only " +
            "with a waiver that names the reason and the date.",
        peerChecks: { full: ["PCI.DSS.321-RDSAutomaticMinorVersionUpgradeEnabled", "CKV_AWS_226"] },
    },
    { [T.rdsInstance]: upgrades, [T.rdsClusterInstance]: upgrades, [T.rdsCluster]: upgrades },
);
