import { atLeast, MANDATORY_IN_PRODUCTION, settingPolicy, unless } from "../support/data-settings";
import { redisOnly } from "../support/cache-engines";
import { T } from "../support/types";

const retention = atLeast("snapshotRetentionLimit", "minRetentionDays", 0, "days");

export const elasticacheSnapshotRetention = settingPolicy(
    {
        id: "elasticache-snapshot-retention",
        description:
            "Checks whether ElastiCache (Redis OSS, Valkey) and MemoryDB caches " +
            "keep automatic snapshots for at least the minimum retention.",
        severity: "medium",
        enforcementLevel: "advisory",
        environmentLevels: MANDATORY_IN_PRODUCTION,
        waivable: true,
        remediationSteps:
            "Set `snapshotRetentionLimit` to at least the configured minimum (7 days by default; ElastiCache keeps up to 35).",
        configSchema: { properties: { minRetentionDays: { type: "integer", minimum: 1, maximum: 35, default: 7 } } },
        // Partial: a cluster that joins a replication group is not judged (the group carries the setting); Checkov judges it.
        peerChecks: { partial: ["CKV_AWS_134"] },
    },
    {
        [T.elasticacheReplicationGroup]: retention,
        [T.elasticacheCluster]: unless(redisOnly("snapshots"), retention),
        [T.elasticacheServerlessCache]: unless(redisOnly("snapshots"), retention),
        [T.memorydbCluster]: retention,
    },
);
