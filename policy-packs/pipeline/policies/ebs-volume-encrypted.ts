import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const ebsVolumeEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ebs-volume-encrypted",
    description: "Checks whether EBS volumes are encrypted.",
    severity: "high",
    controls: { "pci-dss-v4.0": ["3.5.1"] },
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `encrypted: true` (and a `kmsKeyId`), or turn on EBS encryption by default for the account.",
    resourceTypes: [T.ebsVolume],
    validateResource: forTypes([T.ebsVolume], (args, report) => {
        if (args.props.encrypted !== true) report(`EBS volume \`${args.name}\` must be encrypted (\`encrypted: true\`).`);
    }),
};
