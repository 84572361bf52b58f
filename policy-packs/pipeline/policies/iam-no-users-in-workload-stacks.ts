import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const iamNoUsersInWorkloadStacks: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-no-users-in-workload-stacks",
    description: "Checks whether workload stacks avoid IAM users and long-lived access keys.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Use IAM roles (task roles, IAM Identity Center, OIDC federation for CI) instead of IAM users and access keys.",
    peerChecks: { full: ["CKV_AWS_273", "CKV_AWS_348", "CKV2_AWS_21", "CKV2_AWS_22", "PCI.DSS.321-IAMUserGroupMembership"] },
    resourceTypes: [T.iamUser, T.iamAccessKey],
    validateResource: forTypes([T.iamUser, T.iamAccessKey], (args, report) => {
        report(
            args.type === T.iamUser
                ? `Workload stacks must not create IAM user \`${args.name}\`: use a role.`
                : `Workload stacks must not create long-lived access key \`${args.name}\`: use a role.`,
        );
    }),
};
