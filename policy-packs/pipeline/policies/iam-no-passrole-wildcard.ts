import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { allowsAction, inlineDocuments, onAnyResource, statementsOf } from "../support/iam";
import { T } from "../support/types";

const TYPES = [T.iamPolicy, T.iamRolePolicy, T.iamUserPolicy, T.iamGroupPolicy, T.iamRole];

export const iamNoPassroleWildcard: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-no-passrole-wildcard",
    description: "Checks whether IAM policies allow iam:PassRole only on named roles, never on every resource.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Restrict `iam:PassRole` to the ARNs of the roles that may be passed, ideally with an `iam:PassedToService` condition.",
    peerChecks: { partial: ["CKV_AWS_286", "CKV_AWS_355", "AwsSolutions-IAM5"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        for (const doc of inlineDocuments(args.props)) {
            // `*` on `*` is the admin policy's finding; here only a PassRole grant that stops short of admin.
            if (statementsOf(doc).some((s) => allowsAction(s, "iam:PassRole") && onAnyResource(s) && !s.actions.includes("*"))) {
                report(`IAM policy of \`${args.name}\` must not allow \`iam:PassRole\` on every resource.`);
            }
        }
    }),
};
