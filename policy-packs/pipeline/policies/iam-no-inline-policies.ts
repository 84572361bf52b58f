import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

interface Config {
    includeRoles: boolean;
}

const TYPES = [T.iamUserPolicy, T.iamGroupPolicy, T.iamRolePolicy, T.iamRole];

/**
 * Inline policies on people (users, groups) scatter permissions where no one reviews them as a
 * set. Roles are left out by default: the service SDK grants each dependency as the role's inline
 * policy on purpose, so the grant lives and dies with the dependency (`includeRoles` brings them in).
 */
export const iamNoInlinePolicies: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-no-inline-policies",
    description:
        "Checks whether IAM users and groups (and roles, when configured) get " +
        "their permissions from managed policies rather than inline ones.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Move the inline policy's statements into an `aws.iam.Policy` and " +
        "attach it with `aws.iam.GroupPolicyAttachment` (or a role attachment).",
    configSchema: { properties: { includeRoles: { type: "boolean", default: false } } },
    resourceTypes: TYPES,
    peerChecks: { partial: ["PCI.DSS.321-IAMNoInlinePolicy"] },
    validateResource: forTypes(TYPES, (args, report) => {
        const isRole = args.type === T.iamRolePolicy || args.type === T.iamRole;
        if (isRole && !args.getConfig<Config>().includeRoles)
            args.notApplicable("Inline role policies are allowed (`includeRoles` is false).");
        if (args.type === T.iamRole) {
            if (asArray(args.props.inlinePolicies as unknown[]).length > 0)
                report(`Role \`${args.name}\` must not carry \`inlinePolicies\`: attach managed policies.`);
            return;
        }
        report(
            `Inline policy \`${args.name}\` must be a managed policy attached to ` +
                `its ${args.type === T.iamGroupPolicy ? "group" : isRole ? "role" : "user"}.`,
        );
    }),
};
