import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem } from "../support/customer-key";
import { T } from "../support/types";

const TYPES = [T.fsxLustre, T.fsxOntap, T.fsxWindows, T.fsxOpenZfs];

/** FSx always encrypts at rest; without `kmsKeyId` it uses the AWS managed `aws/fsx` key, whose use the account cannot restrict. */
export const fsxFileSystemKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "fsx-file-system-kms-encrypted",
    description:
        "Checks whether FSx file systems (Lustre, ONTAP, Windows File Server, OpenZFS) encrypt data with a customer managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `kmsKeyId` to a customer managed key (chosen at creation: replace " +
        "the file system); Lustre needs a PERSISTENT deployment type for it.",
    resourceTypes: TYPES,
    peerChecks: { full: ["CKV_AWS_178", "CKV_AWS_179", "CKV_AWS_190", "CKV_AWS_203"] },
    validateResource: forTypes(TYPES, (args, report) => {
        const deployment = args.type === T.fsxLustre ? args.props.deploymentType : undefined;
        if (typeof deployment === "string" && deployment.startsWith("SCRATCH")) {
            report(
                `FSx file system \`${args.name}\` must use a PERSISTENT deployment ` +
                    `type to be encrypted with a customer managed key (is \`${deployment}\`).`,
            );
            return;
        }
        const problem = customerKeyProblem(args.props.kmsKeyId, "kmsKeyId");
        if (problem) report(`FSx file system \`${args.name}\` must be encrypted with a customer managed KMS key: ${problem}.`);
    }),
};
