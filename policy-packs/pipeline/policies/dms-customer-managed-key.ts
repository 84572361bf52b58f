import { customerManagedKey, settingPolicy, unless } from "../support/data-settings";
import { T } from "../support/types";

export const dmsCustomerManagedKey = settingPolicy(
    {
        id: "dms-customer-managed-key",
        description:
            "Checks whether DMS replication instances and endpoints encrypt their " +
            "storage and connection settings with a customer managed KMS key.",
        severity: "medium",
        // Announced first: moving live data to another key often means a restore or a new resource, so teams get until the date.
        enforcementLevel: "advisory",
        enforceAfter: "2027-03-01",
        waivable: true,
        remediationSteps: "Set `kmsKeyArn` on the replication instance and on every endpoint (S3 endpoints too) to a customer managed key.",
        peerChecks: { full: ["CKV_AWS_212", "CKV_AWS_296", "CKV_AWS_298"] },
    },
    {
        [T.dmsReplicationInstance]: customerManagedKey("kmsKeyArn"),
        [T.dmsEndpoint]: unless(
            (args) => (args.props.engineName === "s3" ? "S3 endpoints are aws.dms.S3Endpoint resources, judged as such." : undefined),
            customerManagedKey("kmsKeyArn"),
        ),
        [T.dmsS3Endpoint]: customerManagedKey("kmsKeyArn"),
    },
);
