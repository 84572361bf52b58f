import { flag, SettingCheck, settingPolicy, subject, unless } from "../support/data-settings";
import { cacheEngine, redisOnly } from "../support/cache-engines";
import { T } from "../support/types";

// Valkey replication groups encrypt at rest unless told not to; Redis OSS ones only when told to.
const group: SettingCheck = (args) => {
    const value = flag(args.props.atRestEncryptionEnabled);
    const on = value ?? cacheEngine(args) === "valkey";
    return on ? undefined : `${subject(args.type, args.name)} must set \`atRestEncryptionEnabled: true\`.`;
};

// A lone Redis/Valkey node cannot encrypt its snapshots and swap: only a replication group can.
const lone: SettingCheck = (args) =>
    `${subject(args.type, args.name)} must be created as an ` +
    `aws.elasticache.ReplicationGroup with \`atRestEncryptionEnabled: ` +
    `true\` (a single-node cluster cannot encrypt at rest).`;

export const elasticacheEncryptedAtRest = settingPolicy(
    {
        id: "elasticache-encrypted-at-rest",
        description: "Checks whether ElastiCache for Redis OSS and Valkey caches encrypt their data at rest.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Use an `aws.elasticache.ReplicationGroup` with " +
            "`atRestEncryptionEnabled: true` and a customer managed `kmsKeyId` (a " +
            "new group: the setting cannot be turned on later). Serverless caches " +
            "and MemoryDB always encrypt.",
        peerChecks: { full: ["CKV_AWS_29"], partial: ["AwsSolutions-AEC3"] },
    },
    {
        [T.elasticacheReplicationGroup]: group,
        [T.elasticacheCluster]: unless(redisOnly("data at rest"), lone),
    },
);
