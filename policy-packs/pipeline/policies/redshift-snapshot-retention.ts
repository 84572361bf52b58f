import { atLeast, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const redshiftSnapshotRetention = settingPolicy(
    {
        id: "redshift-snapshot-retention",
        description: "Checks whether Redshift clusters keep automated snapshots for at least the minimum retention.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Set `automatedSnapshotRetentionPeriod` to at least the configured minimum (7 days by default; 0 turns snapshots off).",
        configSchema: { properties: { minRetentionDays: { type: "integer", minimum: 1, maximum: 35, default: 7 } } },
        peerChecks: { full: ["AwsSolutions-RS10", "CKV_AWS_343"], partial: ["PCI.DSS.321-RedshiftClusterMaintenanceSettings"] },
    },
    // Unset: the provider's default of one day.
    { [T.redshiftCluster]: atLeast("automatedSnapshotRetentionPeriod", "minRetentionDays", 1, "days") },
);
