import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem } from "../support/customer-key";
import { T } from "../support/types";

export const kendraIndexKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kendra-index-kms-encrypted",
    description: "Checks whether Kendra indexes encrypt the indexed documents with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `serverSideEncryptionConfiguration: { kmsKeyId: <customer managed key> }` (chosen at creation: replace the index).",
    resourceTypes: [T.kendraIndex],
    peerChecks: { full: ["CKV_AWS_262"] },
    validateResource: forTypes([T.kendraIndex], (args, report) => {
        const sse = args.props.serverSideEncryptionConfiguration as { kmsKeyId?: unknown } | undefined;
        const problem = customerKeyProblem(sse?.kmsKeyId, "serverSideEncryptionConfiguration.kmsKeyId");
        if (problem) report(`Kendra index \`${args.name}\` must be encrypted with a customer managed KMS key: ${problem}.`);
    }),
};
