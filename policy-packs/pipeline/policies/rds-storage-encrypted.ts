import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const rdsStorageEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "rds-storage-encrypted",
    description: "Checks whether RDS instances and clusters encrypt their storage.",
    severity: "high",
    controls: { "pci-dss-v4.0": ["3.5.1"] },
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Set `storageEncrypted: true` with a customer managed `kmsKeyId` (an existing database must be restored from an encrypted snapshot copy).",
    resourceTypes: [T.rdsInstance, T.rdsCluster],
    validateResource: forTypes([T.rdsInstance, T.rdsCluster], (args, report) => {
        if (args.props.storageEncrypted !== true)
            report(`RDS ${args.type === T.rdsCluster ? "cluster" : "instance"} \`${args.name}\` must set \`storageEncrypted: true\`.`);
    }),
};
