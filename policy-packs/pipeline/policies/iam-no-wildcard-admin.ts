import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { identityDocumentsOf, isAdminPolicyArn } from "../support/iam";
import { appliesToEveryResource, isAllow, PolicyStatement } from "../support/policy-document";
import { asArray } from "../support/props";
import { T } from "../support/types";

const ATTACHMENTS = [T.iamRolePolicyAttachment, T.iamPolicyAttachment, T.iamUserPolicyAttachment, T.iamGroupPolicyAttachment];
const TYPES = [
    T.iamPolicy,
    T.iamRolePolicy,
    T.iamUserPolicy,
    T.iamGroupPolicy,
    T.iamRole,
    T.ssoPermissionSetInlinePolicy,
    ...ATTACHMENTS,
    T.ssoManagedPolicyAttachment,
];

/** Allow of every action on every resource (`*`, or `NotAction` with nothing else): administrator access. */
function isAdminStatement(s: PolicyStatement): boolean {
    return (
        isAllow(s) &&
        appliesToEveryResource(s) &&
        (s.actions?.includes("*") === true || (s.actions === undefined && s.notActions !== undefined))
    );
}

export const iamNoWildcardAdmin: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-no-wildcard-admin",
    description: "Checks whether IAM policies avoid granting every action on every resource, and administrator policies are not attached.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps: 'List the actions and resources the workload needs; never `Action: "*"` on `Resource: "*"` nor AdministratorAccess.',
    resourceTypes: TYPES,
    peerChecks: {
        full: ["CKV_AWS_62", "CKV_AWS_274", "CKV2_AWS_56", "PCI.DSS.321-IAMPolicyNoStatementsWithAdminAccess"],
    },
    validateResource: forTypes(TYPES, (args, report) => {
        const p = args.props;
        if ((ATTACHMENTS as string[]).includes(args.type) || args.type === T.ssoManagedPolicyAttachment) {
            const arn = args.type === T.ssoManagedPolicyAttachment ? p.managedPolicyArn : p.policyArn;
            if (isAdminPolicyArn(arn)) report(`\`${args.name}\` must not attach the administrator policy \`${String(arn)}\`.`);
            return;
        }
        if (args.type === T.iamRole) {
            for (const arn of asArray(p.managedPolicyArns as string[]))
                if (isAdminPolicyArn(arn)) report(`Role \`${args.name}\` must not carry the administrator policy \`${arn}\`.`);
        }
        // The boundary is judged too: a boundary of `*` on `*` bounds nothing.
        if (identityDocumentsOf(args.type, args.name, p, "").some((d) => d.document.statements.some(isAdminStatement)))
            report(`IAM policy of \`${args.name}\` must not allow \`*\` on \`*\`.`);
    }),
};
