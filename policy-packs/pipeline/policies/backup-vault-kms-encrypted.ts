import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem } from "../support/customer-key";
import { T } from "../support/types";

export const backupVaultKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "backup-vault-kms-encrypted",
    description: "Checks whether AWS Backup vaults encrypt recovery points with a customer managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `kmsKeyArn` to a customer managed key (chosen at creation: replace the vault, which must be empty).",
    resourceTypes: [T.backupVault],
    peerChecks: { full: ["CKV_AWS_166"] },
    validateResource: forTypes([T.backupVault], (args, report) => {
        const problem = customerKeyProblem(args.props.kmsKeyArn, "kmsKeyArn");
        if (problem) report(`Backup vault \`${args.name}\` must encrypt recovery points with a customer managed KMS key: ${problem}.`);
    }),
};
