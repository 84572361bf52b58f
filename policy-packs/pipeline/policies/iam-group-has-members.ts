import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, known, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

function hasMembers(group: PolicyResource, resources: readonly PolicyResource[]): boolean {
    const name = known(() => group.props.name);
    for (const m of ofTypes(resources, [T.iamGroupMembership])) {
        if (refersTo(m, "group", group, ["name"]) && asArray(known(() => m.props.users) as unknown[]).length > 0) return true;
    }
    for (const m of ofTypes(resources, [T.iamUserGroupMembership])) {
        if ((m.propertyDependencies.groups ?? []).some((d) => d.urn === group.urn)) return true;
        if (typeof name === "string" && asArray(known(() => m.props.groups) as unknown[]).includes(name)) return true;
    }
    return false;
}

/** Stack policy: groups and their memberships are separate resources. */
export const iamGroupHasMembers: StackPolicyDefinition = {
    kind: "stack",
    id: "iam-group-has-members",
    description: "Checks whether every IAM group the stack declares has at least one member.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Add the users with `aws.iam.GroupMembership` (or `aws.iam.UserGroupMembership`), or remove the unused group and its policies.",
    resourceTypes: [T.iamGroup, T.iamGroupMembership, T.iamUserGroupMembership],
    // Checkov also wants the members declared as aws_iam_user resources in the same configuration; users named by string pass here.
    peerChecks: { full: ["PCI.DSS.321-IAMGroupHasUsers"], partial: ["CKV2_AWS_14"] },
    validateStack: (args, report) => {
        const groups = ofTypes(args.resources, [T.iamGroup]);
        if (groups.length === 0) args.notApplicable("The stack declares no IAM group.");
        for (const g of groups) {
            if (!hasMembers(g, args.resources))
                report(`IAM group \`${g.name}\` must have at least one member (aws.iam.GroupMembership).`, g.urn);
        }
    },
};
