import { allOf, customerManagedKey, SettingCheck, settingPolicy, unless } from "../support/data-settings";
import { T } from "../support/types";

const storageKey = customerManagedKey("kmsKeyId");
const insightsKey = customerManagedKey("performanceInsightsKmsKeyId");
// Performance Insights keeps query text and waits: the same data, under the same key discipline.
const insights: SettingCheck = (args) => (args.props.performanceInsightsEnabled === true ? insightsKey(args) : undefined);

export const rdsCustomerManagedKey = settingPolicy(
    {
        id: "rds-customer-managed-key",
        description:
            "Checks whether RDS storage, snapshot copies, replicated backups and " +
            "Performance Insights are encrypted with a customer managed KMS key.",
        severity: "medium",
        // Announced first: moving live data to another key often means a restore or a new resource, so teams get until the date.
        enforcementLevel: "advisory",
        enforceAfter: "2027-03-01",
        waivable: true,
        remediationSteps:
            "Set `kmsKeyId` (and `performanceInsightsKmsKeyId` when Performance " +
            "Insights is on) to the ARN of a customer managed key such as the " +
            "landing zone's data key, not `alias/aws/rds`.",
        peerChecks: {
            full: [
                "CKV_AWS_245",
                "CKV_AWS_266",
                "CKV_AWS_327",
                "CKV_AWS_354",
                "aws-rds-cluster-configure-customer-managed-key",
                "aws-rds-instance-configure-customer-managed-key",
                "aws-rds-clusterinstance-disallow-unencrypted-performance-insights",
                "aws-rds-instance-disallow-unencrypted-performance-insights",
            ],
        },
    },
    {
        [T.rdsInstance]: allOf(storageKey, insights),
        [T.rdsCluster]: allOf(storageKey, insights),
        [T.rdsClusterInstance]: unless(
            (args) =>
                args.props.performanceInsightsEnabled === true
                    ? undefined
                    : "Performance Insights is off: a cluster instance stores nothing else of its own.",
            insightsKey,
        ),
        [T.rdsSnapshotCopy]: storageKey,
        [T.rdsClusterSnapshotCopy]: storageKey,
        [T.rdsBackupsReplication]: storageKey,
    },
);
