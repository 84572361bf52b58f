import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const isSymmetric = (props: Record<string, unknown>) =>
    (props.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT" &&
    (props.keyUsage ?? "ENCRYPT_DECRYPT") === "ENCRYPT_DECRYPT";

/** At level `remediate` the engine turns rotation on instead of failing. */
export const kmsKeyRotationEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kms-key-rotation-enabled",
    description: "Checks whether symmetric KMS keys rotate their key material automatically.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `enableKeyRotation: true` on the key.",
    // Partial for Checkov and compliance-policies, which also want rotation on HMAC or asymmetric keys, where AWS offers none.
    peerChecks: {
        full: ["AwsSolutions-KMS5", "PCI.DSS.321-KMSBackingKeyRotationEnabled"],
        partial: ["CKV_AWS_7", "aws-kms-key-enable-key-rotation"],
    },
    resourceTypes: [T.kmsKey],
    validateResource: forTypes([T.kmsKey], (args, report) => {
        if (!isSymmetric(args.props)) args.notApplicable("AWS rotates only symmetric encryption keys automatically.");
        if (args.props.enableKeyRotation !== true)
            report(`KMS key \`${args.name}\` must rotate automatically (\`enableKeyRotation: true\`).`);
    }),
    remediateResource: (args) =>
        args.type === T.kmsKey && isSymmetric(args.props) && args.props.enableKeyRotation !== true
            ? { ...args.props, enableKeyRotation: true }
            : undefined,
};
