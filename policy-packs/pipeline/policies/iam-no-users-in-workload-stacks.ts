import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const iamNoUsersInWorkloadStacks: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-no-users-in-workload-stacks",
    description: "Checks whether workload stacks avoid IAM users and long-lived access keys.",
    severity: "high",
    controls: { "pci-dss-v4.0": ["8.2.2", "8.3.9", "8.6.1"] },
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Use IAM roles (task roles, IAM Identity Center, OIDC federation for CI) instead of IAM users and access keys.",
    resourceTypes: [T.iamUser, T.iamAccessKey],
    validateResource: forTypes([T.iamUser, T.iamAccessKey], (args, report) => {
        report(
            args.type === T.iamUser
                ? `Workload stacks must not create IAM user \`${args.name}\`: use a role.`
                : `Workload stacks must not create long-lived access key \`${args.name}\`: use a role.`,
        );
    }),
};
