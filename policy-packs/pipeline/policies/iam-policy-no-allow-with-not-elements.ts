import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { IDENTITY_POLICY_TYPES, identityDocumentsOf } from "../support/iam";
import { isAllow } from "../support/policy-document";

/**
 * `NotAction` and `NotResource` invert a list: with Allow they grant every action (or resource)
 * AWS has or will ever add, except those named. AWS documents both as for Deny statements.
 * The permissions boundary is judged too: its Allow statements are a ceiling and must not be open-ended.
 */
export const iamPolicyNoAllowWithNotElements: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-policy-no-allow-with-not-elements",
    description: "Checks whether IAM policies avoid `NotAction` and `NotResource` in Allow statements, which grant everything not listed.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Write the Allow statement with `Action` and `Resource` listing what is granted; keep `NotAction`/`NotResource` " +
        "for Deny statements (e.g. a region guardrail).",
    resourceTypes: IDENTITY_POLICY_TYPES,
    validateResource: forTypes(IDENTITY_POLICY_TYPES, (args, report) => {
        for (const { where, document } of identityDocumentsOf(args.type, args.name, args.props, "")) {
            for (const s of document.statements.filter(isAllow)) {
                const inverted = [s.notActions ? "`NotAction`" : undefined, s.notResources ? "`NotResource`" : undefined].filter(Boolean);
                if (inverted.length > 0)
                    report(
                        `${where} must not use ${inverted.join(" and ")} in an Allow statement` +
                            `${s.sid ? ` (\`${s.sid}\`)` : ""}: it grants everything not listed.`,
                    );
            }
        }
    }),
};
