import { mustBeTrue, settingPolicy, unless } from "../support/data-settings";
import { T } from "../support/types";

const encrypted = mustBeTrue("storageEncrypted");

export const docdbStorageEncrypted = settingPolicy(
    {
        id: "docdb-storage-encrypted",
        description: "Checks whether DocumentDB clusters and global clusters encrypt their storage.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: false,
        remediationSteps:
            "Set `storageEncrypted: true` (the default is false) with a customer " +
            "managed `kmsKeyId`; an existing cluster must be restored from an " +
            "encrypted snapshot.",
        peerChecks: { full: ["AwsSolutions-DOC1", "CKV_AWS_74", "CKV_AWS_292"] },
    },
    {
        [T.docdbCluster]: encrypted,
        [T.docdbGlobalCluster]: unless(
            (args) =>
                args.props.sourceDbClusterIdentifier ? "The global cluster takes its encryption from its source cluster." : undefined,
            encrypted,
        ),
    },
);
