import type { PolicyResource } from "@pulumi/policy";
import { inlineDocuments, isAdminPolicyArn, isAdminStatement, statementsOf } from "./iam";
import { knownItems } from "./presence";
import { known, ofTypes, refersTo } from "./props";
import { T } from "./types";

interface RoleGrants {
    readonly attachments: PolicyResource[];
    readonly rolePolicies: PolicyResource[];
}

/** The stack's attachments and role policies, found once per stack rather than once per role asked about. */
const grantsByStack = new WeakMap<readonly PolicyResource[], RoleGrants>();

function grantsOf(resources: readonly PolicyResource[]): RoleGrants {
    let grants = grantsByStack.get(resources);
    if (!grants) {
        grants = { attachments: ofTypes(resources, [T.iamRolePolicyAttachment]), rolePolicies: ofTypes(resources, [T.iamRolePolicy]) };
        grantsByStack.set(resources, grants);
    }
    return grants;
}

/**
 * Whether a role of the stack has administrator access: an administrator managed policy, or an
 * `Allow *` on `*`, whether inline, in `managedPolicyArns`, or through a separate
 * `RolePolicyAttachment`/`RolePolicy` of the stack. Other resources' values unknown at preview
 * count as no access; the role's own inline policies are read directly.
 */
export function isAdminRole(role: PolicyResource, resources: readonly PolicyResource[]): boolean {
    // AWS managed administrator policies are literal ARNs; an item unknown at preview is another stack's or this stack's own policy.
    if (knownItems(() => role.props.managedPolicyArns).some(isAdminPolicyArn)) return true;
    if (inlineDocuments(role.props).some((d) => statementsOf(d).some(isAdminStatement))) return true;
    const { attachments, rolePolicies } = grantsOf(resources);
    for (const a of attachments) {
        if (refersTo(a, "role", role, ["name"]) && isAdminPolicyArn(known(() => a.props.policyArn))) return true;
    }
    for (const p of rolePolicies) {
        if (refersTo(p, "role", role, ["name"]) && statementsOf(known(() => p.props.policy)).some(isAdminStatement)) return true;
    }
    return false;
}
