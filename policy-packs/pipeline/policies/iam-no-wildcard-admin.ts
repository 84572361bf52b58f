import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { inlineDocuments, isAdminPolicyArn, isAdminStatement, statementsOf } from "../support/iam";
import { asArray } from "../support/props";
import { T } from "../support/types";

const TYPES = [
    T.iamPolicy,
    T.iamRolePolicy,
    T.iamUserPolicy,
    T.iamGroupPolicy,
    T.iamRole,
    T.iamRolePolicyAttachment,
    T.iamPolicyAttachment,
];

export const iamNoWildcardAdmin: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-no-wildcard-admin",
    description: "Checks whether IAM policies avoid granting every action on every resource, and administrator policies are not attached.",
    severity: "critical",
    controls: { "pci-dss-v4.0": ["7.2.1", "7.2.2"] },
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps: 'List the actions and resources the workload needs; never `Action: "*"` on `Resource: "*"` nor AdministratorAccess.',
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const p = args.props;
        if (args.type === T.iamRolePolicyAttachment || args.type === T.iamPolicyAttachment) {
            if (isAdminPolicyArn(p.policyArn))
                report(`\`${args.name}\` must not attach the administrator policy \`${String(p.policyArn)}\`.`);
            return;
        }
        if (args.type === T.iamRole) {
            for (const arn of asArray(p.managedPolicyArns as string[]))
                if (isAdminPolicyArn(arn)) report(`Role \`${args.name}\` must not carry the administrator policy \`${arn}\`.`);
        }
        if (inlineDocuments(p).some((d) => statementsOf(d).some(isAdminStatement)))
            report(`IAM policy of \`${args.name}\` must not allow \`*\` on \`*\`.`);
    }),
};
