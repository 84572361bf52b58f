import { UNKNOWN } from "../../../../../../policy-packs/lib/resources";
import { iamNoWildcardAdmin } from "../../../../../../policy-packs/pipeline/policies/iam-no-wildcard-admin";
import { iamPolicyConditionsNarrow } from "../../../../../../policy-packs/pipeline/policies/iam-policy-conditions-narrow";
import { iamPolicyNoAllowWithNotElements } from "../../../../../../policy-packs/pipeline/policies/iam-policy-no-allow-with-not-elements";
import { iamPolicyNoPrivilegeEscalation } from "../../../../../../policy-packs/pipeline/policies/iam-policy-no-privilege-escalation";
import { iamPolicyNoServiceWildcardActions } from "../../../../../../policy-packs/pipeline/policies/iam-policy-no-service-wildcard-actions";
import { iamPolicyResourcesScoped } from "../../../../../../policy-packs/pipeline/policies/iam-policy-resources-scoped";
import { changeProps } from "../../../../../fixtures/policy/estate";
import { doc, identityEstate } from "../../../../../fixtures/policy/identity-estate";
import { describePolicy } from "../../../support/policy-cases";

const RP = "aws:iam/rolePolicy:RolePolicy";
const POLICY = "aws:iam/policy:Policy";
const ROLE = "aws:iam/role:Role";
const SSO = "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy";
const KEY = "aws:kms/key:Key";

const set = (type: string, name: string, patch: Record<string, unknown>) => () =>
    changeProps(identityEstate(), type, name, (p) => ({ ...p, ...patch }));
const only =
    (...types: string[]) =>
    () =>
        identityEstate().filter((r) => types.includes(r.type));
/** The task role's inline policy (a RolePolicy) replaced by these statements. */
const taskPolicy = (...statements: object[]) => set(RP, "app-task-s3", { policy: doc(...statements) });
const unknownDocuments = [
    { name: "a role policy's document is another resource's output", resources: set(RP, "app-task-s3", { policy: UNKNOWN }) },
    { name: "a role's inline policies are unknown", resources: set(ROLE, "deploy", { inlinePolicies: UNKNOWN }) },
];

describe("IAM policy documents", () => {
    describePolicy(iamPolicyNoServiceWildcardActions, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "every action of a service",
                resources: taskPolicy({ Effect: "Allow", Action: ["s3:*"], Resource: "arn:aws:s3:::edf-data/*" }),
                expect: /IAM policy `app-task-s3` must name the actions it allows instead of `s3:\*`/,
            },
            {
                name: "every action, on one resource",
                resources: taskPolicy({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::edf-data" }),
                expect: /instead of `\*`/,
            },
            {
                name: "a service wildcard in a role's inline policy",
                resources: set(ROLE, "deploy", {
                    inlinePolicies: [{ name: "admin", policy: doc({ Effect: "Allow", Action: "iam:*", Resource: "*" }) }],
                }),
                expect: /Inline policy `admin` of role `deploy` must name the actions it allows instead of `iam:\*`/,
            },
            {
                name: "a service wildcard in a permission set",
                resources: set(SSO, "readers", { inlinePolicy: doc({ Effect: "Allow", Action: "kms:*", Resource: "*" }) }),
                expect: /permission set `readers`/,
            },
            {
                name: "the permissions boundary, when no boundary pattern is configured",
                resources: identityEstate,
                expect: /IAM policy `boundary` must name the actions/,
                options: { config: { "iam-policy-no-service-wildcard-actions": { boundaryArnPattern: "" } } },
            },
        ],
        notApplicable: [{ name: "resources that carry no identity policy", resources: only(KEY, "aws:s3/bucket:Bucket") }],
        unknown: unknownDocuments,
    });

    describePolicy(iamPolicyNoAllowWithNotElements, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "NotAction in an Allow",
                resources: taskPolicy({ Sid: "AllButIam", Effect: "Allow", NotAction: "iam:*", Resource: "arn:aws:s3:::edf-data/*" }),
                expect: /must not use `NotAction` in an Allow statement \(`AllButIam`\)/,
            },
            {
                name: "NotResource in an Allow",
                resources: taskPolicy({ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::edf-logs/*" }),
                expect: /must not use `NotResource` in an Allow statement/,
            },
            {
                name: "both, in the permissions boundary (a ceiling must not be open-ended either)",
                resources: set(POLICY, "boundary", { policy: doc({ Effect: "Allow", NotAction: "iam:*", NotResource: "arn:x" }) }),
                expect: /IAM policy `boundary` must not use `NotAction` and `NotResource`/,
            },
        ],
        notApplicable: [{ name: "resources that carry no identity policy", resources: only(KEY) }],
        unknown: unknownDocuments,
    });

    describePolicy(iamPolicyNoPrivilegeEscalation, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "rewriting managed policies",
                resources: taskPolicy({ Effect: "Allow", Action: "iam:CreatePolicyVersion", Resource: "*" }),
                expect: /must not let its holder rewrite a managed policy \(`iam:CreatePolicyVersion` without constraint\)/,
            },
            {
                name: "passing roles to new Lambda functions, granted across two statements",
                resources: taskPolicy(
                    { Effect: "Allow", Action: "iam:Pass*", Resource: "arn:aws:iam::111111111111:role/*" },
                    { Effect: "Allow", Action: ["lambda:CreateFunction", "lambda:InvokeFunction"], Resource: "*" },
                ),
                expect: /pass a role to a new Lambda function and invoke it \(`iam:PassRole` \+ `lambda:CreateFunction` \+ `lambda:InvokeFunction`/,
            },
            {
                name: "access keys for other users, with a condition that narrows nothing",
                resources: taskPolicy({
                    Effect: "Allow",
                    Action: "iam:CreateAccessKey",
                    Resource: "arn:aws:iam::111111111111:user/*",
                    Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
                }),
                expect: /create an access key for another user/,
            },
            {
                name: "rewriting a role's trust policy through a wildcard",
                resources: taskPolicy({ Effect: "Allow", Action: "IAM:Update*", Resource: "*" }),
                expect: /rewrite a role's trust policy/,
            },
        ],
        notApplicable: [{ name: "resources that carry no identity policy", resources: only(KEY) }],
        unknown: unknownDocuments,
    });

    describePolicy(iamPolicyResourcesScoped, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "reading every object of every bucket",
                resources: taskPolicy({ Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "*" }),
                expect: /must scope `s3:GetObject` \(data exfiltration\) to named resources or a narrowing condition, not every resource \(statement `Read`\)/,
            },
            {
                name: "assuming any role",
                resources: taskPolicy({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }),
                expect: /`sts:AssumeRole` \(returns credentials\)/,
            },
            {
                name: "writes on every resource under a condition that only demands TLS",
                resources: taskPolicy({
                    Effect: "Allow",
                    Action: ["dynamodb:PutItem", "xray:PutTraceSegments"],
                    Resource: "*",
                    Condition: { Bool: { "aws:SecureTransport": "true" } },
                }),
                expect: /must scope `dynamodb:PutItem` to named resources/,
            },
            {
                name: "every action but IAM's",
                resources: taskPolicy({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }),
                expect: /must scope every action except `iam:\*`/,
            },
        ],
        notApplicable: [{ name: "resources that carry no identity policy", resources: only(KEY) }],
        unknown: unknownDocuments,
    });

    describePolicy(iamPolicyConditionsNarrow, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "an Allow that passes for plaintext requests",
                resources: taskPolicy({
                    Sid: "Plain",
                    Effect: "Allow",
                    Action: "s3:GetObject",
                    Resource: "arn:aws:s3:::edf-data/*",
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                }),
                expect: /`app-task-s3` must narrow its Allow statement `Plain` with its conditions, but `Bool` on `aws:securetransport` allows requests/,
            },
            {
                name: "a trust policy narrowed with IfExists",
                resources: set(ROLE, "app-task", {
                    assumeRolePolicy: doc({
                        Effect: "Allow",
                        Principal: { Service: "ecs-tasks.amazonaws.com" },
                        Action: "sts:AssumeRole",
                        Condition: { StringEqualsIfExists: { "aws:SourceAccount": "111111111111" } },
                    }),
                }),
                expect: /Trust policy of role `app-task` .* passes when the request carries no `aws:sourceaccount`/,
            },
            {
                name: "a key policy that allows every account but one",
                resources: set(KEY, "data", {
                    policy: doc({
                        Effect: "Allow",
                        Principal: { AWS: "*" },
                        Action: "kms:Decrypt",
                        Resource: "*",
                        Condition: { StringNotEquals: { "kms:CallerAccount": "222222222222" } },
                    }),
                }),
                expect: /Key policy of `data` .* `StringNotEquals` on `kms:calleraccount` allows everything except the values named/,
            },
            {
                name: "ForAllValues on a single-valued key",
                resources: taskPolicy({
                    Effect: "Allow",
                    Action: "s3:GetObject",
                    Resource: "arn:aws:s3:::edf-data/*",
                    Condition: { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-abc" } },
                }),
                expect: /`ForAllValues:StringEquals` on `aws:principalorgid` passes when the request carries no/,
            },
        ],
        notApplicable: [{ name: "resources that carry no policy document", resources: only("aws:s3/bucket:Bucket") }],
        unknown: [
            ...unknownDocuments,
            { name: "a key policy is another resource's output", resources: set(KEY, "data", { policy: UNKNOWN }) },
            { name: "a trust policy is another resource's output", resources: set(ROLE, "app-task", { assumeRolePolicy: UNKNOWN }) },
        ],
    });

    describePolicy(iamNoWildcardAdmin, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "administrator access attached to a group",
                resources: set("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "auditors-reports", {
                    policyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
                }),
                expect: /`auditors-reports` must not attach the administrator policy/,
            },
            {
                name: "IAMFullAccess on a permission set",
                resources: () => [
                    ...identityEstate(),
                    {
                        type: "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment",
                        name: "iam-admins",
                        urn: "urn:pulumi:prod::edf::aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment::iam-admins",
                        props: { managedPolicyArn: "arn:aws:iam::aws:policy/IAMFullAccess", instanceArn: "i", permissionSetArn: "p" },
                    },
                ],
                expect: /`iam-admins` must not attach the administrator policy `arn:aws:iam::aws:policy\/IAMFullAccess`/,
            },
            {
                name: "`*` on `*` in a permission set",
                resources: set(SSO, "readers", { inlinePolicy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }),
                expect: /IAM policy of `readers` must not allow `\*` on `\*`/,
            },
        ],
        notApplicable: [{ name: "resources other than IAM policies", resources: only(KEY) }],
        unknown: [
            {
                name: "an attachment's policy ARN is unknown",
                resources: set("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "auditors-reports", { policyArn: UNKNOWN }),
            },
        ],
    });
});
