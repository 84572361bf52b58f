import { mustBeTrue, settingPolicy, unless } from "../support/data-settings";
import { T } from "../support/types";

const encrypted = mustBeTrue("storageEncrypted");

export const neptuneStorageEncrypted = settingPolicy(
    {
        id: "neptune-storage-encrypted",
        description: "Checks whether Neptune clusters and global clusters encrypt their storage.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: false,
        remediationSteps:
            "Set `storageEncrypted: true` (the default is false) with a customer " +
            "managed `kmsKeyArn`; an existing cluster must be restored from an " +
            "encrypted snapshot.",
        // A cluster snapshot is as encrypted as its cluster; the snapshot resource has no setting of its own.
        peerChecks: { full: ["AwsSolutions-N4", "CKV_AWS_44"], partial: ["CKV_AWS_279"] },
    },
    {
        [T.neptuneCluster]: encrypted,
        [T.neptuneGlobalCluster]: unless(
            (args) =>
                args.props.sourceDbClusterIdentifier ? "The global cluster takes its encryption from its source cluster." : undefined,
            encrypted,
        ),
    },
);
