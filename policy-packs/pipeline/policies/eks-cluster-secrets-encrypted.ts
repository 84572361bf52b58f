import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { asArray } from "../support/props";
import { T } from "../support/types";

/**
 * Kubernetes secrets sit base64-encoded in etcd: envelope encryption under a customer-managed
 * KMS key keeps them unreadable to anyone with etcd (or backup) access but no key grant.
 */
export const eksClusterSecretsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "eks-cluster-secrets-encrypted",
    description: "Checks whether EKS clusters envelope-encrypt Kubernetes secrets with a KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `encryptionConfig: { resources: ["secrets"], provider: { keyArn: <customer-managed key ARN> } }` on the cluster.',
    peerChecks: { full: ["CKV_AWS_58", "aws-eks-cluster-enable-cluster-encryption-config"] },
    resourceTypes: [T.eksCluster],
    validateResource: forTypes([T.eksCluster], (args, report) => {
        const enc = args.props.encryptionConfig as { resources?: string[]; provider?: { keyArn?: string } } | undefined;
        if (!enc || !asArray(enc.resources).includes("secrets"))
            report(`EKS cluster \`${args.name}\` must encrypt Kubernetes secrets with KMS (\`encryptionConfig.resources: ["secrets"]\`).`);
        else if (!enc.provider || !isSet(enc.provider, "keyArn"))
            report(`EKS cluster \`${args.name}\` must name the KMS key for secrets (\`encryptionConfig.provider.keyArn\`).`);
    }),
};
