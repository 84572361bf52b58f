import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isCustomerManagedKey } from "../support/encryption-keys";
import { asArray } from "../support/props";
import { T } from "../support/types";

const TYPES = [T.codepipelinePipeline, T.codeartifactDomain, T.codeguruRepositoryAssociation];

export const devtoolsCustomerManagedKey: ResourcePolicyDefinition = {
    kind: "resource",
    id: "devtools-customer-managed-key",
    description:
        "Checks whether CodePipeline artifact stores, CodeArtifact domains and " +
        "CodeGuru Reviewer associations encrypt what they store with a " +
        "customer " +
        "managed KMS key.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "CodePipeline: set `artifactStores[].encryptionKey = { id: <key ARN>, " +
        'type: "KMS" }`. CodeArtifact: set the domain\'s `encryptionKey`. ' +
        'CodeGuru Reviewer: set `kmsKeyDetails = { encryptionOption: "CUSTOMER_MANAGED_CMK", kmsKeyId }`.',
    peerChecks: { full: ["CKV_AWS_219", "CKV_AWS_221", "CKV_AWS_381"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.type === T.codepipelinePipeline) {
            const stores = asArray(args.props.artifactStores as { encryptionKey?: { id?: unknown } }[]);
            if (stores.length === 0 || stores.some((s) => !isCustomerManagedKey(s.encryptionKey?.id)))
                report(
                    `CodePipeline \`${args.name}\` must encrypt its artifact stores with a ` +
                        `customer managed KMS key (\`artifactStores[].encryptionKey\`).`,
                );
        } else if (args.type === T.codeartifactDomain) {
            if (!isCustomerManagedKey(args.props.encryptionKey))
                report(`CodeArtifact domain \`${args.name}\` must be encrypted with a customer managed KMS key (\`encryptionKey\`).`);
        } else {
            const details = args.props.kmsKeyDetails as { encryptionOption?: unknown; kmsKeyId?: unknown } | undefined;
            if (details?.encryptionOption !== "CUSTOMER_MANAGED_CMK" || !isCustomerManagedKey(details.kmsKeyId))
                report(`CodeGuru Reviewer association \`${args.name}\` must use a customer managed KMS key (\`kmsKeyDetails\`).`);
        }
    }),
};
