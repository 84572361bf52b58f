import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const kmsKeyRotationEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kms-key-rotation-enabled",
    description: "Checks whether symmetric KMS keys rotate their key material automatically.",
    severity: "medium",
    controls: { "pci-dss-v4.0": ["3.6.1", "3.7.4"] },
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `enableKeyRotation: true` on the key.",
    resourceTypes: [T.kmsKey],
    validateResource: forTypes([T.kmsKey], (args, report) => {
        const spec = args.props.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
        if (spec !== "SYMMETRIC_DEFAULT" || (args.props.keyUsage ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT") args.notApplicable("AWS rotates only symmetric encryption keys automatically.");
        if (args.props.enableKeyRotation !== true) report(`KMS key \`${args.name}\` must rotate automatically (\`enableKeyRotation: true\`).`);
    }),
};
