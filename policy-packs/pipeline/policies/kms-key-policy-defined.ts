import type { StackPolicyDefinition } from "../../lib/model";
import { KMS_KEY_TYPES } from "../support/kms";
import { ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

/**
 * Without a policy of its own a key gets the default one, which hands every decision to IAM in
 * the account: the key's use is then only as narrow as the widest IAM policy. Stack policy: the
 * policy may be set on the key or by a separate `aws.kms.KeyPolicy`.
 */
export const kmsKeyPolicyDefined: StackPolicyDefinition = {
    kind: "stack",
    id: "kms-key-policy-defined",
    description: "Checks whether every KMS key has an explicit key policy, on the key or as an `aws.kms.KeyPolicy`.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `policy` on the key (or declare an `aws.kms.KeyPolicy` for it) naming its administrators and users, least privilege.",
    resourceTypes: [...KMS_KEY_TYPES, T.kmsKeyPolicy],
    peerChecks: { full: ["CKV2_AWS_64"] },
    validateStack: (args, report) => {
        const keys = ofTypes(args.resources, KMS_KEY_TYPES);
        if (keys.length === 0) args.notApplicable("The stack declares no KMS key.");
        const policies = ofTypes(args.resources, [T.kmsKeyPolicy]);
        for (const key of keys) {
            if (policies.some((p) => refersTo(p, "keyId", key, ["keyId", "arn"]))) continue;
            const own = key.props.policy;
            if ((typeof own === "string" && own.trim() !== "") || (typeof own === "object" && own !== null)) continue;
            report(`KMS key \`${key.name}\` must have an explicit key policy (\`policy\`, or an aws.kms.KeyPolicy).`, key.urn);
        }
    },
};
