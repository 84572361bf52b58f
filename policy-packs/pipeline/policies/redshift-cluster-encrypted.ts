import { mustNotBeFalse, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const redshiftClusterEncrypted = settingPolicy(
    {
        id: "redshift-cluster-encrypted",
        description: "Checks whether Redshift clusters encrypt their data at rest (serverless namespaces always do).",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: false,
        remediationSteps:
            'Remove `encrypted: "false"` (the provider\'s default is encrypted) and give the cluster a customer managed `kmsKeyId`.',
        // The provider encrypts when `encrypted` is unset, so unset is as encrypted as the peers' explicit true.
        peerChecks: { full: ["AwsSolutions-RS6", "CKV_AWS_64"], partial: ["PCI.DSS.321-RedshiftClusterConfiguration"] },
    },
    { [T.redshiftCluster]: mustNotBeFalse("encrypted") },
);
