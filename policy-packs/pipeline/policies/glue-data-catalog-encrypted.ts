import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem } from "../support/customer-key";
import { T } from "../support/types";

type Settings = {
    encryptionAtRest?: { catalogEncryptionMode?: unknown; sseAwsKmsKeyId?: unknown };
    connectionPasswordEncryption?: { returnConnectionPasswordEncrypted?: unknown; awsKmsKeyId?: unknown };
};

const KMS_MODES = ["SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"];

export const glueDataCatalogEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "glue-data-catalog-encrypted",
    description: "Checks whether the Glue Data Catalog encrypts its metadata and connection passwords with a customer managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `dataCatalogEncryptionSettings: { encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId }, ' +
        "connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId } }` with customer managed keys.",
    resourceTypes: [T.glueCatalogEncryption],
    peerChecks: { partial: ["CKV_AWS_94"] },
    validateResource: forTypes([T.glueCatalogEncryption], (args, report) => {
        const settings = args.props.dataCatalogEncryptionSettings as Settings | undefined;
        const atRest = settings?.encryptionAtRest;
        const what = `Glue Data Catalog encryption \`${args.name}\``;
        if (typeof atRest?.catalogEncryptionMode !== "string" || !KMS_MODES.includes(atRest.catalogEncryptionMode))
            report(`${what} must encrypt the catalog with KMS (\`encryptionAtRest.catalogEncryptionMode: "SSE-KMS"\`).`);
        else {
            const problem = customerKeyProblem(atRest.sseAwsKmsKeyId, "encryptionAtRest.sseAwsKmsKeyId");
            if (problem) report(`${what} must encrypt the catalog with a customer managed KMS key: ${problem}.`);
        }
        const passwords = settings?.connectionPasswordEncryption;
        if (passwords?.returnConnectionPasswordEncrypted !== true)
            report(`${what} must encrypt connection passwords (\`connectionPasswordEncryption.returnConnectionPasswordEncrypted: true\`).`);
        else {
            const problem = customerKeyProblem(passwords.awsKmsKeyId, "connectionPasswordEncryption.awsKmsKeyId");
            if (problem) report(`${what} must encrypt connection passwords with a customer managed KMS key: ${problem}.`);
        }
    }),
};
