import { allOf, mustBeSet, mustNotBeFalse, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const redshiftClusterMaintenance = settingPolicy(
    {
        id: "redshift-cluster-maintenance",
        description: "Checks whether Redshift clusters take version upgrades in an explicit maintenance window.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Remove `allowVersionUpgrade: false` (the default is on) and set `preferredMaintenanceWindow`, e.g. `sun:02:00-sun:03:00`.",
        peerChecks: { full: ["AwsSolutions-RS9", "CKV_AWS_141"], partial: ["PCI.DSS.321-RedshiftClusterMaintenanceSettings"] },
    },
    {
        [T.redshiftCluster]: allOf(
            mustNotBeFalse("allowVersionUpgrade"),
            mustBeSet("preferredMaintenanceWindow", "the window in which upgrades are applied"),
        ),
    },
);
