import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isCustomerManagedKey } from "../support/encryption-keys";
import { T } from "../support/types";

export const mskClusterCustomerManagedKey: ResourcePolicyDefinition = {
    kind: "resource",
    id: "msk-cluster-customer-managed-key",
    description: "Checks whether MSK clusters encrypt stored data with a customer managed KMS key rather than the AWS managed one.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Set `encryptionInfo.encryptionAtRestKmsKeyArn` to the service's data key.",
    peerChecks: { partial: ["CKV_AWS_81"] },
    resourceTypes: [T.mskCluster],
    validateResource: forTypes([T.mskCluster], (args, report) => {
        const key = (args.props.encryptionInfo as { encryptionAtRestKmsKeyArn?: unknown } | undefined)?.encryptionAtRestKmsKeyArn;
        if (!isCustomerManagedKey(key))
            report(
                `MSK cluster \`${args.name}\` must be encrypted at rest with a ` +
                    `customer managed KMS key (\`encryptionInfo.encryptionAtRestKmsKeyArn\`).`,
            );
    }),
};
