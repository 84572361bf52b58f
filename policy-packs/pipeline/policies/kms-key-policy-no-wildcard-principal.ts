import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { KMS_KEY_POLICY_TYPES } from "../support/kms";
import { isNarrowed } from "../support/policy-conditions";
import { admitsAnyPrincipal, isAllow, statementsIn } from "../support/policy-document";

/**
 * A key policy is the key's only gate: an Allow to `*` (or through `NotPrincipal`) without a
 * condition on the caller lets any AWS account use — with `kms:*`, also administer — the key.
 * `kms:CallerAccount`, `aws:PrincipalOrgID` or `aws:PrincipalArn` make such a grant safe.
 */
export const kmsKeyPolicyNoWildcardPrincipal: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kms-key-policy-no-wildcard-principal",
    description: "Checks whether KMS key policies grant to named principals, never to `*` without a condition identifying the caller.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Name the account root, roles or services in `Principal`; if `*` is needed (use through an AWS service), add a " +
        "condition such as `kms:CallerAccount` or `aws:PrincipalOrgID`.",
    resourceTypes: KMS_KEY_POLICY_TYPES,
    peerChecks: { full: ["CKV_AWS_33"] },
    validateResource: forTypes(KMS_KEY_POLICY_TYPES, (args, report) => {
        for (const s of statementsIn(args.props.policy)) {
            if (isAllow(s) && admitsAnyPrincipal(s) && !isNarrowed(s, "principal")) {
                const kmsAll = s.actions?.some((a) => a === "*" || a.toLowerCase() === "kms:*") ? " `kms:*`" : "";
                report(
                    `Key policy of \`${args.name}\` must not grant${kmsAll} to any principal${s.sid ? ` (statement \`${s.sid}\`)` : ""}: ` +
                        "name the principals or add a condition identifying the caller.",
                );
            }
        }
    }),
};
