import { accountSecurityServicesEnabled } from "../../../../../policy-packs/pipeline/policies/account-security-services-enabled";
import { cloudtrailMultiRegionValidatedEncrypted } from "../../../../../policy-packs/pipeline/policies/cloudtrail-multi-region-validated-encrypted";
import { cloudwatchLogGroupKmsEncrypted } from "../../../../../policy-packs/pipeline/policies/cloudwatch-log-group-kms-encrypted";
import { cloudwatchLogGroupRetention } from "../../../../../policy-packs/pipeline/policies/cloudwatch-log-group-retention";
import { criticalResourcesProtected } from "../../../../../policy-packs/pipeline/policies/critical-resources-protected";
import { iamNoPassroleWildcard } from "../../../../../policy-packs/pipeline/policies/iam-no-passrole-wildcard";
import { iamNoUsersInWorkloadStacks } from "../../../../../policy-packs/pipeline/policies/iam-no-users-in-workload-stacks";
import { iamNoWildcardAdmin } from "../../../../../policy-packs/pipeline/policies/iam-no-wildcard-admin";
import { iamRolePermissionsBoundary } from "../../../../../policy-packs/pipeline/policies/iam-role-permissions-boundary";
import { productionStackTargetsProductionAccount } from "../../../../../policy-packs/pipeline/policies/production-stack-targets-production-account";
import { resourceRequiredTags } from "../../../../../policy-packs/pipeline/policies/resource-required-tags";
import { changeProps, changeRecord, compliantEstate, ESTATE_CONFIG, urnOf, withoutResources } from "../../../../fixtures/policy/estate";
import { describePolicy } from "../../support/policy-cases";

const LG = "aws:cloudwatch/logGroup:LogGroup";
const ROLE = "aws:iam/role:Role";
const RP = "aws:iam/rolePolicy:RolePolicy";
const PROVIDER = "pulumi:providers:aws";
const only =
    (...types: string[]) =>
    () =>
        compliantEstate().filter((r) => types.includes(r.type));
const set = (type: string, name: string, patch: Record<string, unknown>) => () =>
    changeProps(compliantEstate(), type, name, (p) => ({ ...p, ...patch }));
const doc = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

describe("logging policies", () => {
    describePolicy(cloudwatchLogGroupRetention, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "logs kept 30 days",
                resources: set(LG, "app-logs", { retentionInDays: 30 }),
                expect: /at least 365 days \(`retentionInDays` is 30\)/,
            },
        ],
        notApplicable: [{ name: "resources other than log groups", resources: only("aws:kms/key:Key") }],
    });
    describePolicy(cloudwatchLogGroupKmsEncrypted, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a log group without a key",
                resources: set(LG, "app-logs", { kmsKeyId: undefined }),
                expect: /must be encrypted with a KMS key/,
            },
        ],
        notApplicable: [{ name: "resources other than log groups", resources: only("aws:kms/key:Key") }],
    });
    describePolicy(cloudtrailMultiRegionValidatedEncrypted, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a single-region trail without validation",
                resources: set("aws:cloudtrail/trail:Trail", "org", { isMultiRegionTrail: false, enableLogFileValidation: false }),
                expect: /must set `isMultiRegionTrail: true`, `enableLogFileValidation: true`\./,
            },
        ],
        notApplicable: [{ name: "resources other than trails", resources: only(LG) }],
    });
});

describe("IAM policies", () => {
    describePolicy(iamNoWildcardAdmin, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "an inline policy allowing * on *",
                resources: set(RP, "app-task-s3", { policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }),
                expect: /must not allow `\*` on `\*`/,
            },
            {
                name: "NotAction on every resource (admin in disguise)",
                resources: set(RP, "app-task-s3", { policy: doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }) }),
                expect: /must not allow `\*` on `\*`/,
            },
            {
                name: "AdministratorAccess among a role's managed policies",
                resources: set(ROLE, "app-exec", { managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] }),
                expect: /must not carry the administrator policy/,
            },
        ],
        notApplicable: [{ name: "resources other than IAM policies", resources: only("aws:kms/key:Key") }],
    });
    describePolicy(iamNoPassroleWildcard, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "iam:PassRole on *",
                resources: set(RP, "app-task-s3", { policy: doc({ Effect: "Allow", Action: ["iam:PassRole"], Resource: "*" }) }),
                expect: /must not allow `iam:PassRole` on every resource/,
            },
            {
                name: "iam:* on *",
                resources: set(RP, "app-task-s3", { policy: doc({ Effect: "Allow", Action: "iam:*", Resource: ["*"] }) }),
                expect: /iam:PassRole/,
            },
        ],
        notApplicable: [{ name: "resources other than IAM policies", resources: only("aws:kms/key:Key") }],
    });
    describePolicy(iamNoUsersInWorkloadStacks, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "an IAM user",
                resources: () => [
                    ...compliantEstate(),
                    { type: "aws:iam/user:User", name: "ci", urn: urnOf("aws:iam/user:User", "ci"), props: {} },
                ],
                expect: /must not create IAM user `ci`/,
            },
            {
                name: "an access key",
                resources: () => [
                    ...compliantEstate(),
                    {
                        type: "aws:iam/accessKey:AccessKey",
                        name: "ci-key",
                        urn: urnOf("aws:iam/accessKey:AccessKey", "ci-key"),
                        props: { user: "ci" },
                    },
                ],
                expect: /long-lived access key `ci-key`/,
            },
        ],
        notApplicable: [{ name: "roles", resources: only(ROLE) }],
    });
    describePolicy(iamRolePermissionsBoundary, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a task role without the boundary",
                resources: set(ROLE, "app-task", { permissionsBoundary: undefined }),
                expect: /Service role `app-task` must carry the permissions boundary/,
            },
            {
                name: "a boundary that is not the organisation's",
                resources: set(ROLE, "app-task", { permissionsBoundary: "arn:aws:iam::aws:policy/PowerUserAccess" }),
                expect: /must carry the permissions boundary/,
            },
        ],
        notApplicable: [
            {
                name: "roles no workload service assumes",
                resources: () =>
                    changeProps(only(ROLE)(), ROLE, "app-task", (p) => ({
                        ...p,
                        permissionsBoundary: undefined,
                        assumeRolePolicy: doc({
                            Effect: "Allow",
                            Principal: { AWS: "arn:aws:iam::111111111111:root" },
                            Action: "sts:AssumeRole",
                        }),
                    })).filter((r) => r.name === "app-task"),
            },
        ],
    });
});

describe("governance policies", () => {
    describePolicy(resourceRequiredTags, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "resources when the provider has no default tags",
                resources: () => changeProps(compliantEstate(), PROVIDER, "default", (p) => ({ ...p, defaultTags: undefined })),
                expect: /must be tagged `owner`, `environment`, `data-classification`, `pci-scope`/,
            },
            {
                name: "a missing tag among configured ones",
                resources: compliantEstate,
                expect: /must be tagged `cost-centre`/,
                options: { config: { "resource-required-tags": { requiredTags: ["owner", "cost-centre"] } } },
            },
        ],
        notApplicable: [
            {
                name: "types that take no tags",
                resources: () =>
                    changeProps(
                        only("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")(),
                        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                        "data-pab",
                        (p) => p,
                    ).slice(0, 1),
            },
        ],
    });
    describePolicy(accountSecurityServicesEnabled, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a baseline without Security Hub",
                resources: () => withoutResources(compliantEstate(), "aws:securityhub/account:Account"),
                expect: /must enable Security Hub/,
            },
            {
                name: "a baseline with the Config recorder stopped",
                resources: set("aws:cfg/recorderStatus:RecorderStatus", "main", { isEnabled: false }),
                expect: /must record with AWS Config/,
            },
            {
                name: "the security unit, told to hold the baseline, holding none",
                resources: only("aws:kms/key:Key"),
                expect: /must enable GuardDuty/,
                options: { config: { "account-security-services-enabled": { requireInStack: true } } },
            },
        ],
        notApplicable: [{ name: "workload stacks", resources: only("aws:kms/key:Key", "aws:s3/bucket:Bucket") }],
    });
    describePolicy(productionStackTargetsProductionAccount, {
        compliant: compliantEstate,
        options: { config: ESTATE_CONFIG },
        nonCompliant: [
            {
                name: "a provider allowed into a non-production account",
                resources: set(PROVIDER, "default", { allowedAccountIds: ["222222222222"] }),
                expect: /must not reach non-production account\(s\) 222222222222/,
                options: { config: ESTATE_CONFIG },
            },
            {
                name: "a provider without an allow-list",
                resources: set(PROVIDER, "default", { allowedAccountIds: undefined }),
                expect: /must pin `allowedAccountIds`/,
                options: { config: ESTATE_CONFIG },
            },
            {
                name: "an allow-list as JSON text, as provider inputs are stored",
                resources: set(PROVIDER, "default", { allowedAccountIds: JSON.stringify(["333333333333"]) }),
                expect: /333333333333/,
                options: { config: ESTATE_CONFIG },
            },
            {
                name: "a production stack with no production accounts configured",
                resources: compliantEstate,
                expect: /set `productionAccountIds`/,
                options: {},
            },
        ],
        notApplicable: [
            {
                name: "dev stacks",
                resources: set(PROVIDER, "default", { allowedAccountIds: ["222222222222"] }),
                options: { environment: "dev", config: ESTATE_CONFIG },
            },
        ],
    });
    describePolicy(criticalResourcesProtected, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "an unprotected KMS key",
                resources: () => changeRecord(compliantEstate(), "aws:kms/key:Key", "data", (r) => ({ ...r, options: { protect: false } })),
                expect: /Critical resource `data` \(aws:kms\/key:Key\) must be created with `protect: true`/,
            },
            {
                name: "an unprotected log archive bucket",
                resources: () => changeRecord(compliantEstate(), "aws:s3/bucket:Bucket", "logs", (r) => ({ ...r, options: {} })),
                expect: /Critical resource `logs`/,
            },
        ],
        notApplicable: [{ name: "stacks without critical resources", resources: only("aws:sqs/queue:Queue") }],
    });
});
