import { customerManagedKey, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const elasticacheCustomerManagedKey = settingPolicy(
    {
        id: "elasticache-customer-managed-key",
        description:
            "Checks whether ElastiCache replication groups and serverless caches " +
            "and MemoryDB clusters and snapshots are encrypted with a customer " +
            "managed KMS key.",
        severity: "medium",
        // Announced first: moving live data to another key often means a restore or a new resource, so teams get until the date.
        enforcementLevel: "advisory",
        enforceAfter: "2027-03-01",
        waivable: true,
        remediationSteps: "Set `kmsKeyId` (MemoryDB: `kmsKeyArn`) to a customer managed key such as the landing zone's data key.",
        peerChecks: { full: ["CKV_AWS_191", "CKV_AWS_201", "CKV_AWS_278"] },
    },
    {
        [T.elasticacheReplicationGroup]: customerManagedKey("kmsKeyId"),
        [T.elasticacheServerlessCache]: customerManagedKey("kmsKeyId"),
        [T.memorydbCluster]: customerManagedKey("kmsKeyArn"),
        [T.memorydbSnapshot]: customerManagedKey("kmsKeyArn"),
    },
);
