import { UNKNOWN } from "../../../../../../policy-packs/lib/resources";
import { organizationAccountsInOrganizationalUnits } from "../../../../../../policy-packs/pipeline/policies/organization-accounts-in-organizational-units";
import { organizationDelegatedAdministratorsSet } from "../../../../../../policy-packs/pipeline/policies/organization-delegated-administrators-set";
import { organizationScpNoAllowBypass } from "../../../../../../policy-packs/pipeline/policies/organization-scp-no-allow-bypass";
import { organizationTrailMultiRegionValidated } from "../../../../../../policy-packs/pipeline/policies/organization-trail-multi-region-validated";
import { organizationWorkloadOusGuardrailsAttached } from "../../../../../../policy-packs/pipeline/policies/organization-workload-ous-guardrails-attached";
import { changeProps, changeRecord, withoutResources } from "../../../../../fixtures/policy/estate";
import { organizationEstate, TYPES } from "../../../../../fixtures/policy/organization-estate";
import { describePolicy } from "../../../support/policy-cases";

const only =
    (...types: string[]) =>
    () =>
        organizationEstate().filter((r) => types.includes(r.type));
const set = (type: string, name: string, patch: Record<string, unknown>) => () =>
    changeProps(organizationEstate(), type, name, (p) => ({ ...p, ...patch }));

describe("the organisation", () => {
    describePolicy(organizationWorkloadOusGuardrailsAttached, {
        compliant: organizationEstate,
        nonCompliant: [
            {
                name: "a root guardrail detached",
                resources: () =>
                    withoutResources(organizationEstate(), TYPES.attachment, "attach-deny-security-services-changes-organization"),
                expect: /Workload OU `Workloads` must be reached by every baseline guardrail; attach `deny-security-services-changes`/,
            },
            {
                name: "the OU baseline attached beside the workloads instead of above them",
                resources: () => withoutResources(organizationEstate(), TYPES.attachment, "attach-deny-iam-users-ou-workloads"),
                expect: /Workload OU `Prod` must be reached by every baseline guardrail; attach `deny-iam-users`/,
            },
        ],
        notApplicable: [{ name: "a stack without workload OUs", resources: only(TYPES.policy, TYPES.attachment) }],
    });

    describePolicy(organizationAccountsInOrganizationalUnits, {
        compliant: organizationEstate,
        nonCompliant: [
            {
                name: "an account with no parent (the root)",
                resources: () =>
                    changeRecord(organizationEstate(), TYPES.account, "account-prod", (r) => ({
                        ...r,
                        props: { ...r.props, parentId: undefined },
                        propertyDependencies: {},
                        dependencies: [],
                    })),
                expect: /Account `account-prod` must sit in an organisational unit, not directly under the root/,
            },
            {
                name: "an account whose parent is the root's id",
                resources: () =>
                    changeRecord(organizationEstate(), TYPES.account, "account-audit", (r) => ({
                        ...r,
                        props: { ...r.props, parentId: "r-ab12" },
                        propertyDependencies: {},
                        dependencies: [],
                    })),
                expect: /Account `account-audit` must sit in an organisational unit/,
            },
        ],
        notApplicable: [{ name: "a stack without accounts", resources: only(TYPES.organization, TYPES.ou) }],
    });

    describePolicy(organizationTrailMultiRegionValidated, {
        compliant: organizationEstate,
        nonCompliant: [
            {
                name: "a single-region organisation trail without validation",
                resources: set(TYPES.trail, "organization-trail", { isMultiRegionTrail: false, enableLogFileValidation: false }),
                expect: /Organisation trail `organization-trail` must set `isMultiRegionTrail: true`, `enableLogFileValidation: true`\./,
            },
            {
                name: "an unencrypted organisation trail",
                resources: set(TYPES.trail, "organization-trail", { kmsKeyId: undefined }),
                expect: /must set `kmsKeyId`/,
            },
        ],
        notApplicable: [
            {
                name: "an account's own trail",
                resources: set(TYPES.trail, "organization-trail", { isOrganizationTrail: false, kmsKeyId: undefined }),
            },
        ],
        unknown: [
            {
                name: "the validation flag is unknown",
                resources: set(TYPES.trail, "organization-trail", { enableLogFileValidation: UNKNOWN }),
            },
        ],
    });

    describePolicy(organizationDelegatedAdministratorsSet, {
        compliant: organizationEstate,
        nonCompliant: [
            {
                name: "no GuardDuty administrator",
                resources: () => withoutResources(organizationEstate(), "aws:guardduty/organizationAdminAccount:OrganizationAdminAccount"),
                expect: /The organisation must delegate GuardDuty to the audit account/,
            },
            {
                name: "Security Hub administered from the management account",
                resources: set("aws:securityhub/organizationAdminAccount:OrganizationAdminAccount", "admin-securityhub", {
                    adminAccountId: "999999999999",
                }),
                expect: /Security Hub's delegated administrator must not be the management account `999999999999`/,
            },
            {
                name: "Inspector without trusted access",
                resources: set(TYPES.organization, "organization", { awsServiceAccessPrincipals: ["guardduty.amazonaws.com"] }),
                expect: /enable trusted access for Inspector: add `inspector2\.amazonaws\.com`/,
            },
            {
                name: "two different administrators",
                resources: set(TYPES.delegated, "admin-config", { accountId: "555555555555" }),
                expect: /The security services must share one delegated administrator/,
            },
        ],
        notApplicable: [{ name: "a stack that does not run the organisation", resources: only(TYPES.trail) }],
    });

    describePolicy(organizationScpNoAllowBypass, {
        compliant: organizationEstate,
        nonCompliant: [
            {
                name: "an SCP allowing everything but one action with NotAction",
                resources: () => [
                    ...organizationEstate(),
                    {
                        ...organizationEstate().find((r) => r.name === "scp-deny-root-user")!,
                        name: "loophole",
                        urn: "urn:pulumi:organization::edf::aws:organizations/policy:Policy::loophole",
                        props: {
                            type: "SERVICE_CONTROL_POLICY",
                            content: JSON.stringify({
                                Version: "2012-10-17",
                                Statement: [
                                    { Sid: "AllButLeaving", Effect: "Allow", NotAction: "organizations:LeaveOrganization", Resource: "*" },
                                ],
                            }),
                        },
                    },
                ],
                expect: /SCP `loophole` \(statement `AllButLeaving`\) must not allow with `NotAction`: it allows everything it does not list, including `cloudtrail:StopLogging`/,
            },
            {
                name: "a guardrail with an Allow statement",
                resources: set(TYPES.policy, "scp-deny-iam-users", {
                    content: JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [{ Sid: "Oops", Effect: "Allow", Action: "iam:CreateUser", Resource: "*" }],
                    }),
                }),
                expect: /SCP `scp-deny-iam-users` \(statement `Oops`\) is a guardrail and must only deny/,
            },
        ],
        notApplicable: [{ name: "a stack without SCPs", resources: only(TYPES.organization, TYPES.ou) }],
    });
});
