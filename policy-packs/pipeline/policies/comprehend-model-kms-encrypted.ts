import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem, valueAt } from "../support/customer-key";
import { T } from "../support/types";

/** A custom model and the volumes it is trained on hold (derivatives of) the training documents. */
const KEY_PATHS: Readonly<Record<string, readonly (readonly string[])[]>> = {
    [T.comprehendEntityRecognizer]: [["modelKmsKeyId"], ["volumeKmsKeyId"]],
    [T.comprehendDocumentClassifier]: [["modelKmsKeyId"], ["volumeKmsKeyId"]],
};
const TYPES = Object.keys(KEY_PATHS);

export const comprehendModelKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "comprehend-model-kms-encrypted",
    description:
        "Checks whether Comprehend custom models (entity recognizers, document " +
        "classifiers) and their training volumes use a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `modelKmsKeyId` and `volumeKmsKeyId` to a customer managed key.",
    resourceTypes: TYPES,
    peerChecks: { full: ["CKV_AWS_267", "CKV_AWS_268"] },
    validateResource: forTypes(TYPES, (args, report) => {
        for (const path of KEY_PATHS[args.type]) {
            const problem = customerKeyProblem(valueAt(args.props, path), path.join("."));
            if (problem) report(`Comprehend model \`${args.name}\` must be encrypted with a customer managed KMS key: ${problem}.`);
        }
    }),
};
