import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

const TYPES = [T.iamUserPolicy, T.iamUserPolicyAttachment, T.iamPolicyAttachment];

export const iamUserNoDirectPolicies: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-user-no-direct-policies",
    description: "Checks whether IAM users receive permissions only through groups, never from policies attached to the user.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Attach the policy to a group (`aws.iam.GroupPolicyAttachment`) and add the user to it; remove " +
        "`aws.iam.UserPolicy`/`UserPolicyAttachment` and `users` of `aws.iam.PolicyAttachment`.",
    resourceTypes: TYPES,
    peerChecks: {
        full: [
            "CKV_AWS_40",
            "PCI.DSS.321-IAMUserNoPolicies",
            "aws-iam-policy-attachment-only-attachment-through-groups",
            "aws-iam-user-policy-attachment-only-attachment-through-groups",
        ],
    },
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.type === T.iamPolicyAttachment) {
            const users = asArray(args.props.users as string[]);
            if (users.length === 0) args.notApplicable("The attachment names no user.");
            report(
                `Policy attachment \`${args.name}\` must attach to groups or roles, ` +
                    `not to users ${users.map((u) => `\`${String(u)}\``).join(", ")}.`,
            );
            return;
        }
        report(
            `\`${args.name}\` must not give the user ` +
                `\`${String(args.props.user)}\` permissions directly: attach the ` +
                `policy to a group the user is in.`,
        );
    }),
};
