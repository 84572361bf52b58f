import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { keyEnabled, KMS_KEY_TYPES } from "../support/kms";

export const kmsKeyEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kms-key-enabled",
    description: "Checks whether KMS keys are enabled, so the data they protect stays readable.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Leave the key enabled (`isEnabled`, or `enabled` on replica and " +
        "external keys); retire a key by scheduling its deletion once nothing " +
        "uses it.",
    resourceTypes: KMS_KEY_TYPES,
    peerChecks: { full: ["CKV_AWS_227"] },
    validateResource: forTypes(KMS_KEY_TYPES, (args, report) => {
        if (!keyEnabled(args.type, args.props)) report(`KMS key \`${args.name}\` must be enabled.`);
    }),
};
