import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { KMS_KEY_POLICY_TYPES } from "../support/kms";

export const kmsKeyNoLockoutSafetyBypass: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kms-key-no-lockout-safety-bypass",
    description:
        "Checks whether KMS keys and key policies keep the policy lockout " +
        "safety check, which refuses a policy that would lock everyone out of " +
        "the key.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Remove `bypassPolicyLockoutSafetyCheck` (or set it to false) and fix " +
        "the key policy so the deploying principal can still administer the key.",
    resourceTypes: KMS_KEY_POLICY_TYPES,
    peerChecks: { full: ["aws-kms-key-disallow-bypass-policy-lockout-safety-check"] },
    validateResource: forTypes(KMS_KEY_POLICY_TYPES, (args, report) => {
        if (args.props.bypassPolicyLockoutSafetyCheck === true)
            report(`\`${args.name}\` must not bypass the key policy lockout safety check (\`bypassPolicyLockoutSafetyCheck: true\`).`);
    }),
};
