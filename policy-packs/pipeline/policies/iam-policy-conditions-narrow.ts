import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { IDENTITY_POLICY_TYPES, identityDocumentsOf } from "../support/iam";
import { KMS_KEY_POLICY_TYPES } from "../support/kms";
import { wideningConditions } from "../support/policy-conditions";
import { parsePolicyDocument, PolicyDocument } from "../support/policy-document";
import { T } from "../support/types";

const TYPES = [...IDENTITY_POLICY_TYPES, ...KMS_KEY_POLICY_TYPES];

/** Every document a resource carries: identity documents, a role's trust policy, a key's policy. */
function documentsOf(type: string, name: string, props: Record<string, unknown>): { where: string; document: PolicyDocument }[] {
    const out = identityDocumentsOf(type, name, props, "");
    const extra =
        type === T.iamRole
            ? { where: `Trust policy of role \`${name}\``, doc: props.assumeRolePolicy }
            : (KMS_KEY_POLICY_TYPES as readonly string[]).includes(type)
              ? { where: `Key policy of \`${name}\``, doc: props.policy }
              : undefined;
    const document = extra ? parsePolicyDocument(extra.doc) : undefined;
    if (extra && document) out.push({ where: extra.where, document });
    return out;
}

/**
 * A condition in an Allow statement is there to narrow the grant. Written with a negated
 * operator on the caller's identity, `IfExists`, `ForAllValues:` on a single-valued key, `*` as
 * the value, or `aws:SecureTransport` false, it widens instead: it passes for everyone except a
 * few, for requests that simply leave the key out, or for plaintext requests.
 */
export const iamPolicyConditionsNarrow: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-policy-conditions-narrow",
    description:
        "Checks whether the conditions of Allow statements in IAM, trust and key policies narrow the grant instead of widening it.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "In Allow statements use positive operators that must match (`StringEquals`, `ArnLike` with a real value) on " +
        "the identifying key, without `IfExists`; use `ForAllValues:` only with multi-valued keys such as " +
        "`aws:TagKeys`; never allow `aws:SecureTransport` false. Put exclusions in a separate Deny statement.",
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        for (const { where, document } of documentsOf(args.type, args.name, args.props)) {
            for (const s of document.statements) {
                const widening = wideningConditions(s);
                if (widening.length > 0)
                    report(
                        `${where} must narrow its Allow ` +
                            `statement${s.sid ? ` \`${s.sid}\`` : ""} with its conditions, but ${widening.join("; ")}.`,
                    );
            }
        }
    }),
};
