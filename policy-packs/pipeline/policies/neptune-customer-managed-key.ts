import { customerManagedKey, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const neptuneCustomerManagedKey = settingPolicy(
    {
        id: "neptune-customer-managed-key",
        description: "Checks whether Neptune clusters are encrypted with a customer managed KMS key.",
        severity: "medium",
        // Announced first: moving live data to another key often means a restore or a new resource, so teams get until the date.
        enforcementLevel: "advisory",
        enforceAfter: "2027-03-01",
        waivable: true,
        remediationSteps: "Set `kmsKeyArn` to a customer managed key such as the landing zone's data key (with `storageEncrypted: true`).",
        // Snapshots are encrypted with their cluster's key; the snapshot resource names none.
        peerChecks: { full: ["CKV_AWS_347"], partial: ["CKV_AWS_280"] },
    },
    { [T.neptuneCluster]: customerManagedKey("kmsKeyArn") },
);
