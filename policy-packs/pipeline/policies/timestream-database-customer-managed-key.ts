import { customerManagedKey, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const timestreamDatabaseCustomerManagedKey = settingPolicy(
    {
        id: "timestream-database-customer-managed-key",
        description: "Checks whether Timestream databases are encrypted with a customer managed KMS key.",
        severity: "medium",
        // Announced first: moving live data to another key often means a restore or a new resource, so teams get until the date.
        enforcementLevel: "advisory",
        enforceAfter: "2027-03-01",
        waivable: true,
        remediationSteps: "Set `kmsKeyId` to a customer managed key (unset takes the AWS managed `alias/aws/timestream`).",
        peerChecks: { full: ["AwsSolutions-TS3", "CKV_AWS_160"] },
    },
    { [T.timestreamDatabase]: customerManagedKey("kmsKeyId") },
);
