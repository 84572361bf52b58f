import { atLeast, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const neptuneBackupRetention = settingPolicy(
    {
        id: "neptune-backup-retention",
        description: "Checks whether Neptune clusters keep automated backups for at least the minimum retention.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Set `backupRetentionPeriod` to at least the configured minimum (7 days by default; the provider's default is 1).",
        configSchema: { properties: { minRetentionDays: { type: "integer", minimum: 1, maximum: 35, default: 7 } } },
        peerChecks: { full: ["AwsSolutions-N3", "CKV_AWS_361"] },
    },
    { [T.neptuneCluster]: atLeast("backupRetentionPeriod", "minRetentionDays", 1, "days") },
);
