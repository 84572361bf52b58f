import { mustBeTrue, settingPolicy, unless } from "../support/data-settings";
import { T } from "../support/types";

const encrypted = mustBeTrue("storageEncrypted");

export const rdsStorageEncrypted = settingPolicy(
    {
        id: "rds-storage-encrypted",
        description: "Checks whether RDS instances, clusters and global clusters encrypt their storage.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: false,
        remediationSteps:
            "Set `storageEncrypted: true` with a customer managed `kmsKeyId` (an " +
            "existing database must be restored from an encrypted snapshot copy).",
        peerChecks: {
            full: [
                "CKV_AWS_16",
                "CKV_AWS_96",
                "CKV_AWS_140",
                "AwsSolutions-RDS2",
                "PCI.DSS.321-RDSStorageEncrypted",
                "aws-rds-cluster-disallow-unencrypted-storage",
                "aws-rds-instance-disallow-unencrypted-storage",
            ],
            // A cluster snapshot is as encrypted as its cluster; its `storageEncrypted` is an output, not an input.
            partial: ["CKV_AWS_146"],
        },
    },
    {
        [T.rdsInstance]: encrypted,
        [T.rdsCluster]: encrypted,
        // A global cluster built from an existing cluster takes that cluster's encryption.
        [T.rdsGlobalCluster]: unless(
            (args) =>
                args.props.sourceDbClusterIdentifier ? "The global cluster takes its encryption from its source cluster." : undefined,
            encrypted,
        ),
    },
);
