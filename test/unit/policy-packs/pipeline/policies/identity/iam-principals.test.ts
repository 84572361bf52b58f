import { UNKNOWN } from "../../../../../../policy-packs/lib/resources";
import { iamAccountPasswordPolicyStrong } from "../../../../../../policy-packs/pipeline/policies/iam-account-password-policy-strong";
import { iamBoundaryNotAttached } from "../../../../../../policy-packs/pipeline/policies/iam-boundary-not-attached";
import { iamGroupHasMembers } from "../../../../../../policy-packs/pipeline/policies/iam-group-has-members";
import { iamNoAwsManagedPolicies } from "../../../../../../policy-packs/pipeline/policies/iam-no-aws-managed-policies";
import { iamNoInlinePolicies } from "../../../../../../policy-packs/pipeline/policies/iam-no-inline-policies";
import { iamRoleTrustPrincipalsScoped } from "../../../../../../policy-packs/pipeline/policies/iam-role-trust-principals-scoped";
import { iamUserNoDirectPolicies } from "../../../../../../policy-packs/pipeline/policies/iam-user-no-direct-policies";
import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { changeProps, urnOf, withoutResources } from "../../../../../fixtures/policy/estate";
import { doc, identityEstate } from "../../../../../fixtures/policy/identity-estate";
import { describePolicy } from "../../../support/policy-cases";

const ROLE = "aws:iam/role:Role";
const KEY = "aws:kms/key:Key";
const GROUP = "aws:iam/group:Group";
const PASSWORD = "aws:iam/accountPasswordPolicy:AccountPasswordPolicy";
const GITHUB = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";

const set = (type: string, name: string, patch: Record<string, unknown>) => () =>
    changeProps(identityEstate(), type, name, (p) => ({ ...p, ...patch }));
const only =
    (...types: string[]) =>
    () =>
        identityEstate().filter((r) => types.includes(r.type));
const added = (type: string, name: string, props: Record<string, unknown>) => (): ResourceRecord[] => [
    ...identityEstate(),
    { type, name, urn: urnOf(type, name), props },
];
const trust = (statement: object) =>
    set(ROLE, "deploy", { assumeRolePolicy: doc({ Action: "sts:AssumeRole", Effect: "Allow", ...statement }) });
const githubSub = (sub: string) =>
    trust({
        Principal: { Federated: GITHUB },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringLike: { "token.actions.githubusercontent.com:sub": sub } },
    });

describe("IAM principals and attachments", () => {
    describePolicy(iamRoleTrustPrincipalsScoped, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "anyone",
                resources: trust({ Principal: { AWS: "*" } }),
                expect: /Trust policy of role `deploy` must not let any principal assume it/,
            },
            { name: "anyone, as a bare string", resources: trust({ Principal: "*" }), expect: /must not let any principal assume it/ },
            {
                name: "anyone, under a condition that does not identify the caller",
                resources: trust({ Principal: "*", Condition: { Bool: { "aws:SecureTransport": "true" } } }),
                expect: /must not let any principal assume it/,
            },
            {
                name: "everyone but one principal",
                resources: trust({ NotPrincipal: { AWS: "arn:aws:iam::1:root" } }),
                expect: /`NotPrincipal`/,
            },
            {
                name: "a whole other account",
                resources: trust({ Principal: { AWS: "arn:aws:iam::222222222222:root" } }),
                expect: /must not trust every principal of `arn:aws:iam::222222222222:root` without a condition naming which/,
            },
            { name: "a bare account id", resources: trust({ Principal: { AWS: "333333333333" } }), expect: /`333333333333`/ },
            {
                name: "a SAML provider without an audience",
                resources: trust({
                    Principal: { Federated: "arn:aws:iam::111111111111:saml-provider/corp" },
                    Action: "sts:AssumeRoleWithSAML",
                }),
                expect: /must restrict who federates through `arn:aws:iam::111111111111:saml-provider\/corp`/,
            },
            {
                name: "GitHub Actions without a `sub` condition",
                resources: trust({
                    Principal: { Federated: GITHUB },
                    Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } },
                }),
                expect: /must pin the GitHub `sub` claim/,
            },
            {
                name: "GitHub Actions from any repository",
                resources: githubSub("*"),
                expect: /must not accept GitHub `sub` `\*`: it matches every repository/,
            },
            { name: "GitHub Actions from any owner", resources: githubSub("repo:*"), expect: /matches every value of its first claim/ },
            {
                name: "GitHub Actions by workflow name",
                resources: githubSub("workflow:deploy"),
                expect: /starts with the `workflow` claim/,
            },
            {
                name: "GitHub Actions from an owner prefix",
                resources: githubSub("repo:edf*"),
                expect: /does not pin an `owner\/repository`/,
            },
        ],
        notApplicable: [{ name: "resources other than roles", resources: only(KEY) }],
        unknown: [{ name: "the trust policy is another resource's output", resources: set(ROLE, "deploy", { assumeRolePolicy: UNKNOWN }) }],
    });
    describePolicy(iamRoleTrustPrincipalsScoped, {
        // Whole accounts and `*` are fine once a condition says which caller.
        compliant: () =>
            changeProps(
                trust({
                    Principal: { AWS: "arn:aws:iam::222222222222:root" },
                    Condition: { StringEquals: { "sts:ExternalId": "edf-9f3a" } },
                })(),
                ROLE,
                "app-task",
                (p) => ({
                    ...p,
                    assumeRolePolicy: doc({
                        Effect: "Allow",
                        Principal: "*",
                        Action: "sts:AssumeRole",
                        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } },
                    }),
                }),
            ),
        nonCompliant: [],
        notApplicable: [],
    });

    describePolicy(iamBoundaryNotAttached, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "the boundary attached to a role as a grant",
                resources: added("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "sneaky", {
                    role: "app-task",
                    policyArn: "arn:aws:iam::111111111111:policy/edf-prod-service-boundary",
                }),
                expect: /`sneaky` must not attach the permissions boundary `arn:aws:iam::111111111111:policy\/edf-prod-service-boundary` as a/,
            },
            {
                name: "the boundary among a role's managed policies",
                resources: set(ROLE, "deploy", { managedPolicyArns: ["arn:aws:iam::111111111111:policy/edf-prod-service-boundary"] }),
                expect: /`deploy` must not attach the permissions boundary/,
            },
        ],
        notApplicable: [{ name: "resources other than roles and attachments", resources: only(KEY) }],
        unknown: [
            {
                name: "an attachment's policy ARN is unknown",
                resources: set("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "auditors-reports", { policyArn: UNKNOWN }),
            },
        ],
    });

    describePolicy(iamNoAwsManagedPolicies, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a broad AWS managed policy on a group",
                resources: set("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "auditors-reports", {
                    policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
                }),
                expect: /`auditors-reports` must not rely on the AWS managed policy `arn:aws:iam::aws:policy\/ReadOnlyAccess`/,
            },
            {
                name: "an AWS managed policy among a role's managed policies",
                resources: set(ROLE, "app-exec", { managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"] }),
                expect: /`app-exec` must not rely on the AWS managed policy/,
            },
            {
                name: "a service-role policy once the allow-list is emptied",
                resources: identityEstate,
                expect: /AmazonECSTaskExecutionRolePolicy/,
                options: { config: { "iam-no-aws-managed-policies": { allowedPolicyArns: [] } } },
            },
        ],
        notApplicable: [{ name: "resources other than roles and attachments", resources: only(KEY) }],
        unknown: [{ name: "a role's managed policies are unknown", resources: set(ROLE, "app-exec", { managedPolicyArns: UNKNOWN }) }],
    });

    describePolicy(iamUserNoDirectPolicies, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "an inline user policy",
                resources: added("aws:iam/userPolicy:UserPolicy", "alice-extra", { user: "alice", policy: doc() }),
                expect: /`alice-extra` must not give the user `alice` permissions directly/,
            },
            {
                name: "a policy attached to a user",
                resources: added("aws:iam/userPolicyAttachment:UserPolicyAttachment", "alice-reports", {
                    user: "alice",
                    policyArn: "arn:p",
                }),
                expect: /the user `alice`/,
            },
            {
                name: "a shared attachment naming users",
                resources: added("aws:iam/policyAttachment:PolicyAttachment", "shared", {
                    policyArn: "arn:p",
                    users: ["alice"],
                    groups: ["auditors"],
                }),
                expect: /Policy attachment `shared` must attach to groups or roles, not to users `alice`/,
            },
        ],
        notApplicable: [
            {
                name: "shared attachments to groups and roles only",
                resources: added("aws:iam/policyAttachment:PolicyAttachment", "shared", { policyArn: "arn:p", roles: ["r"] }),
            },
        ],
        unknown: [
            {
                name: "a shared attachment's users are unknown",
                resources: added("aws:iam/policyAttachment:PolicyAttachment", "shared", { policyArn: "arn:p", users: UNKNOWN }),
            },
        ],
    });

    describePolicy(iamNoInlinePolicies, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "an inline group policy",
                resources: added("aws:iam/groupPolicy:GroupPolicy", "auditors-inline", { group: "auditors", policy: doc() }),
                expect: /Inline policy `auditors-inline` must be a managed policy attached to its group/,
            },
            {
                name: "a role's inline policies, when roles are included",
                resources: identityEstate,
                expect: /Role `deploy` must not carry `inlinePolicies`/,
                options: { config: { "iam-no-inline-policies": { includeRoles: true } } },
            },
        ],
        notApplicable: [
            { name: "role policies, which the service SDK writes on purpose", resources: only("aws:iam/rolePolicy:RolePolicy") },
        ],
        unknown: [
            {
                name: "a role's inline policies are unknown and roles are included",
                resources: () => withoutResources(set(ROLE, "deploy", { inlinePolicies: UNKNOWN })(), "aws:iam/rolePolicy:RolePolicy"),
                options: { config: { "iam-no-inline-policies": { includeRoles: true } } },
            },
        ],
    });

    describePolicy(iamGroupHasMembers, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a group without a membership",
                resources: () => withoutResources(identityEstate(), "aws:iam/groupMembership:GroupMembership"),
                expect: /IAM group `auditors` must have at least one member/,
            },
            {
                name: "a membership with no users",
                resources: set("aws:iam/groupMembership:GroupMembership", "auditors-members", { users: [] }),
                expect: /`auditors` must have at least one member/,
            },
        ],
        notApplicable: [{ name: "stacks without groups", resources: only(KEY) }],
    });
    describePolicy(iamGroupHasMembers, {
        compliant: () => [
            ...withoutResources(identityEstate(), "aws:iam/groupMembership:GroupMembership"),
            {
                type: "aws:iam/userGroupMembership:UserGroupMembership",
                name: "alice-groups",
                urn: urnOf("aws:iam/userGroupMembership:UserGroupMembership", "alice-groups"),
                props: { user: "alice", groups: ["auditors"] },
            },
        ],
        nonCompliant: [],
        notApplicable: [],
    });

    describePolicy(iamAccountPasswordPolicyStrong, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "short, reusable, never-expiring passwords",
                resources: set(PASSWORD, "account", { minimumPasswordLength: 8, passwordReusePrevention: undefined, maxPasswordAge: 0 }),
                expect: /must set `minimumPasswordLength` ≥ 14, `passwordReusePrevention` ≥ 24, `maxPasswordAge` between 1 and 90\./,
            },
            {
                name: "no symbols required",
                resources: set(PASSWORD, "account", { requireSymbols: false }),
                expect: /Account password policy `account` must set `requireSymbols: true`/,
            },
            {
                name: "a longer maximum age than configured",
                resources: identityEstate,
                expect: /`maxPasswordAge` between 1 and 60/,
                options: { config: { "iam-account-password-policy-strong": { maxAgeDays: 60 } } },
            },
        ],
        notApplicable: [{ name: "stacks without a password policy", resources: only(GROUP) }],
        unknown: [{ name: "the minimum length is unknown", resources: set(PASSWORD, "account", { minimumPasswordLength: UNKNOWN }) }],
    });
});
