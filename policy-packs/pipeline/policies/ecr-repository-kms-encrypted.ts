import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { asArray } from "../support/props";
import { T } from "../support/types";

interface Config {
    requireCustomerManagedKey: boolean;
}

const KMS_TYPES = new Set(["KMS", "KMS_DSSE"]);

/**
 * Images carry the application and often its configuration: a repository encrypts them under
 * KMS, and by default under a customer-managed key whose policy decides who can pull.
 */
export const ecrRepositoryKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecr-repository-kms-encrypted",
    description: "Checks whether ECR repositories encrypt their images with KMS, under a customer-managed key by default.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: <customer-managed key ARN> }]` when creating the repository.',
    configSchema: { properties: { requireCustomerManagedKey: { type: "boolean", default: true } } },
    // Checkov wants encryption type KMS exactly; ours also accepts dual-layer KMS_DSSE.
    peerChecks: {
        full: ["aws-ecr-repository-disallow-unencrypted-repository", "aws-ecr-repository-configure-customer-managed-key"],
        partial: ["CKV_AWS_136"],
    },
    resourceTypes: [T.ecrRepository],
    validateResource: forTypes([T.ecrRepository], (args, report) => {
        const { requireCustomerManagedKey } = args.getConfig<Config>();
        const config = asArray(args.props.encryptionConfigurations as { encryptionType?: string; kmsKey?: string }[])[0];
        if (!config || !KMS_TYPES.has(String(config.encryptionType)))
            report(
                `ECR repository \`${args.name}\` must encrypt with KMS ` +
                    `(\`encryptionConfigurations[0].encryptionType: "KMS"\`), not AES256.`,
            );
        else if (requireCustomerManagedKey && !isSet(config, "kmsKey"))
            report(
                `ECR repository \`${args.name}\` must encrypt with a customer-managed KMS key (\`encryptionConfigurations[0].kmsKey\`).`,
            );
    }),
};
