import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const efsFileSystemEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "efs-file-system-encrypted",
    description: "Checks whether EFS file systems are encrypted at rest.",
    severity: "high",
    controls: { "pci-dss-v4.0": ["3.5.1"] },
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `encrypted: true` with a customer managed `kmsKeyId` (encryption is chosen at creation: replace the file system).",
    resourceTypes: [T.efsFileSystem],
    validateResource: forTypes([T.efsFileSystem], (args, report) => {
        if (args.props.encrypted !== true) report(`EFS file system \`${args.name}\` must be encrypted (\`encrypted: true\`).`);
    }),
};
