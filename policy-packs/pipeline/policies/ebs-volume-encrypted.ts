import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const TYPES = [T.ebsVolume, T.ebsEncryptionByDefault];

export const ebsVolumeEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ebs-volume-encrypted",
    description: "Checks whether EBS volumes are encrypted, and that an account's encryption by default, when managed, is on.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `encrypted: true` (and a `kmsKeyId`), and keep `aws.ebs.EncryptionByDefault` `enabled: true` for the account.",
    peerChecks: {
        full: ["CKV_AWS_3", "CKV_AWS_106", "CKV2_AWS_2", "aws-ebs-volume-disallow-unencrypted-volume"],
        partial: ["AwsSolutions-EC26"],
    },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.type === T.ebsEncryptionByDefault) {
            if (args.props.enabled === false) report(`EBS encryption by default \`${args.name}\` must stay enabled (\`enabled: true\`).`);
            return;
        }
        if (args.props.encrypted !== true) report(`EBS volume \`${args.name}\` must be encrypted (\`encrypted: true\`).`);
    }),
};
