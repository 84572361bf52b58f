import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem } from "../support/customer-key";
import { T } from "../support/types";

const TYPES = [T.bucketObject, T.bucketObjectV2, T.s3ObjectCopy];

/**
 * Objects written by the program (`BucketObject`, `ObjectCopy`) name their key explicitly, so
 * that they stay encrypted with the customer managed key whatever the target bucket's default.
 */
export const s3ObjectKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "s3-object-kms-encrypted",
    description: "Checks whether S3 objects that a program writes or copies are encrypted with a customer managed KMS key.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: 'Set `serverSideEncryption: "aws:kms"` and `kmsKeyId` to a customer managed key on the object.',
    resourceTypes: TYPES,
    peerChecks: { full: ["CKV_AWS_181", "CKV_AWS_186"] },
    validateResource: forTypes(TYPES, (args, report) => {
        const problem = customerKeyProblem(args.props.kmsKeyId, "kmsKeyId");
        if (problem) report(`S3 object \`${args.name}\` should be encrypted with a customer managed KMS key: ${problem}.`);
    }),
};
