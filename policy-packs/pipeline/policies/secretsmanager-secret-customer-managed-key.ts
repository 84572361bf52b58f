import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isCustomerManagedKey } from "../support/encryption-keys";
import { T } from "../support/types";

export const secretsmanagerSecretCustomerManagedKey: ResourcePolicyDefinition = {
    kind: "resource",
    id: "secretsmanager-secret-customer-managed-key",
    description: "Checks whether Secrets Manager secrets are encrypted with a customer managed KMS key rather than `aws/secretsmanager`.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `kmsKeyId` to the landing zone's secrets key, so reading the " +
        "secret needs both the secret's and the key's permissions and every " +
        "decryption is audited.",
    peerChecks: {
        full: ["CKV_AWS_149", "PCI.DSS.321-SecretsManagerUsingKMSKey", "aws-secretsmanager-secret-configure-customer-managed-key"],
    },
    resourceTypes: [T.secretsManagerSecret],
    validateResource: forTypes([T.secretsManagerSecret], (args, report) => {
        const key = args.props.kmsKeyId;
        if (!isCustomerManagedKey(key))
            report(
                `Secret \`${args.name}\` must be encrypted with a customer managed KMS ` +
                    `key (\`kmsKeyId\`), not ${key ? `\`${key}\`` : "`aws/secretsmanager`"}.`,
            );
    }),
};
