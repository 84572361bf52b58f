import { customerManagedKey, settingPolicy, unless } from "../support/data-settings";
import { T } from "../support/types";

export const docdbCustomerManagedKey = settingPolicy(
    {
        id: "docdb-customer-managed-key",
        description:
            "Checks whether DocumentDB clusters, elastic clusters and Performance Insights are encrypted with a customer managed KMS key.",
        severity: "medium",
        // Announced first: moving live data to another key often means a restore or a new resource, so teams get until the date.
        enforcementLevel: "advisory",
        enforceAfter: "2027-03-01",
        waivable: true,
        remediationSteps: "Set `kmsKeyId` (instances with Performance Insights: `performanceInsightsKmsKeyId`) to a customer managed key.",
        peerChecks: { full: ["CKV_AWS_182"] },
    },
    {
        [T.docdbCluster]: customerManagedKey("kmsKeyId"),
        [T.docdbElasticCluster]: customerManagedKey("kmsKeyId"),
        [T.docdbClusterInstance]: unless(
            (args) =>
                args.props.enablePerformanceInsights === true
                    ? undefined
                    : "Performance Insights is off: the instance stores nothing else of its own.",
            customerManagedKey("performanceInsightsKmsKeyId"),
        ),
    },
);
