import type { PolicyResource } from "@pulumi/policy";
import { inlineDocuments, isAdminPolicyArn, isAdminStatement, statementsOf } from "./iam";
import { knownItems } from "./presence";
import { known, ofTypes, refersTo } from "./props";
import { T } from "./types";

/**
 * Whether a role of the stack has administrator access: an administrator managed policy, or an
 * `Allow *` on `*`, whether inline, in `managedPolicyArns`, or through a separate
 * `RolePolicyAttachment`/`RolePolicy` of the stack. Other resources' values unknown at preview count as
 * no access; the role's own inline policies are read directly.
 */
export function isAdminRole(role: PolicyResource, resources: readonly PolicyResource[]): boolean {
    // AWS managed administrator policies are literal ARNs; an item unknown at preview is another stack's or this stack's own policy.
    if (knownItems(() => role.props.managedPolicyArns).some(isAdminPolicyArn)) return true;
    if (inlineDocuments(role.props).some((d) => statementsOf(d).some(isAdminStatement))) return true;
    for (const a of ofTypes(resources, [T.iamRolePolicyAttachment])) {
        if (refersTo(a, "role", role, ["name"]) && isAdminPolicyArn(known(() => a.props.policyArn))) return true;
    }
    for (const p of ofTypes(resources, [T.iamRolePolicy])) {
        if (refersTo(p, "role", role, ["name"]) && statementsOf(known(() => p.props.policy)).some(isAdminStatement)) return true;
    }
    return false;
}
