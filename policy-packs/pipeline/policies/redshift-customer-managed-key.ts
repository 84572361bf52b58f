import { customerManagedKey, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

const key = customerManagedKey("kmsKeyId");

export const redshiftCustomerManagedKey = settingPolicy(
    {
        id: "redshift-customer-managed-key",
        description:
            "Checks whether Redshift clusters, serverless namespaces and " +
            "cross-region snapshot copies are encrypted with a customer managed " +
            "KMS key.",
        severity: "medium",
        // Announced first: moving live data to another key often means a restore or a new resource, so teams get until the date.
        enforcementLevel: "advisory",
        enforceAfter: "2027-03-01",
        waivable: true,
        remediationSteps:
            "Set `kmsKeyId` on the cluster or namespace, and on the snapshot copy " +
            "grant of the destination region, to a customer managed key.",
        peerChecks: { full: ["CKV_AWS_142", "CKV_AWS_281", "CKV_AWS_282"] },
    },
    { [T.redshiftCluster]: key, [T.redshiftServerlessNamespace]: key, [T.redshiftSnapshotCopyGrant]: key },
);
