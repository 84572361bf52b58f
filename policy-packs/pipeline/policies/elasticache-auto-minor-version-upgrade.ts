import { mustNotBeFalse, settingPolicy, unless } from "../support/data-settings";
import { redisOnly } from "../support/cache-engines";
import { T } from "../support/types";

const upgrades = mustNotBeFalse("autoMinorVersionUpgrade");

export const elasticacheAutoMinorVersionUpgrade = settingPolicy(
    {
        id: "elasticache-auto-minor-version-upgrade",
        description: "Checks whether ElastiCache (Redis OSS, Valkey) and MemoryDB caches take minor engine upgrades automatically.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps: "Remove `autoMinorVersionUpgrade: false` (the default is on) so security patches land in the maintenance window.",
        peerChecks: { full: ["CKV_AWS_322"] },
    },
    {
        [T.elasticacheCluster]: unless(redisOnly("automatic minor upgrades"), upgrades),
        [T.elasticacheReplicationGroup]: upgrades,
        [T.memorydbCluster]: upgrades,
    },
);
