import { policyDocument } from "../../security/policy-document";
import { Guardrail, roleInAnyAccount } from "./model";

/** Everything that changes who a role trusts, what it may do, or whether it exists. */
export const ROLE_CHANGE_ACTIONS = [
    "iam:AttachRolePolicy",
    "iam:DeleteRole",
    "iam:DeleteRolePermissionsBoundary",
    "iam:DeleteRolePolicy",
    "iam:DetachRolePolicy",
    "iam:PutRolePermissionsBoundary",
    "iam:PutRolePolicy",
    "iam:TagRole",
    "iam:UntagRole",
    "iam:UpdateAssumeRolePolicy",
    "iam:UpdateRole",
    "iam:UpdateRoleDescription",
] as const;

/** The EDF deployment role and the break-glass role change only through the organisation's bootstrap role. */
export const denyProtectedRolesChanges: Guardrail = {
    id: "deny-protected-roles-changes",
    description: "EDF baseline: the EDF deployment and break-glass roles change only through the organization's bootstrap role.",
    rationale:
        "Whoever can rewrite the deployment role's trust policy can deploy anything as the pipeline; whoever can delete " +
        "the break-glass role removes the way back in. Only the management account (through its bootstrap role) may " +
        "change them. PCI DSS 7.2.1, 7.2.5, 8.2.2.",
    level: "ou",
    document: (context) =>
        policyDocument([
            {
                Sid: "DenyProtectedRoleChanges",
                Effect: "Deny",
                Action: [...ROLE_CHANGE_ACTIONS],
                Resource: [roleInAnyAccount(context, context.deploymentRoleName), roleInAnyAccount(context, context.breakGlassRoleName)],
                Condition: { ArnNotLike: { "aws:PrincipalArn": roleInAnyAccount(context, context.bootstrapRoleName) } },
            },
        ]),
};
