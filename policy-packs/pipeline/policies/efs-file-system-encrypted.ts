import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem } from "../support/customer-key";
import { T } from "../support/types";

interface Config {
    requireCustomerManagedKey: boolean;
}

export const efsFileSystemEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "efs-file-system-encrypted",
    description: "Checks whether EFS file systems are encrypted at rest with a customer managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `encrypted: true` with a customer managed `kmsKeyId` (encryption is chosen at creation: replace the file system).",
    configSchema: { properties: { requireCustomerManagedKey: { type: "boolean", default: true } } },
    resourceTypes: [T.efsFileSystem],
    peerChecks: {
        full: [
            "AwsSolutions-EFS1",
            "PCI.DSS.321-EFSEncrypted",
            "CKV_AWS_42",
            "CKV_AWS_184",
            "aws-efs-filesystem-disallow-unencrypted-file-system",
            "aws-efs-filesystem-configure-customer-managed-key",
        ],
    },
    validateResource: forTypes([T.efsFileSystem], (args, report) => {
        if (args.props.encrypted !== true) {
            report(`EFS file system \`${args.name}\` must be encrypted (\`encrypted: true\`).`);
            return;
        }
        if (!args.getConfig<Config>().requireCustomerManagedKey) return;
        const problem = customerKeyProblem(args.props.kmsKeyId, "kmsKeyId");
        if (problem) report(`EFS file system \`${args.name}\` must be encrypted with a customer managed KMS key: ${problem}.`);
    }),
};
