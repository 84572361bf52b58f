import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { known, ofTypes } from "../support/props";
import { T } from "../support/types";

/** Each delegated service: how the stack names its administrator, and the trusted-access principal it needs. */
const SERVICES: readonly { name: string; principal: string; find: (rs: readonly PolicyResource[]) => PolicyResource[]; account: string }[] =
    [
        {
            name: "GuardDuty",
            principal: "guardduty.amazonaws.com",
            find: (rs) => ofTypes(rs, [T.guardDutyOrganizationAdminAccount]),
            account: "adminAccountId",
        },
        {
            name: "Security Hub",
            principal: "securityhub.amazonaws.com",
            find: (rs) => ofTypes(rs, [T.securityHubOrganizationAdminAccount]),
            account: "adminAccountId",
        },
        {
            name: "Inspector",
            principal: "inspector2.amazonaws.com",
            find: (rs) => ofTypes(rs, [T.inspectorDelegatedAdminAccount]),
            account: "accountId",
        },
        {
            name: "AWS Config",
            principal: "config.amazonaws.com",
            find: (rs) => delegated(rs, "config.amazonaws.com"),
            account: "accountId",
        },
        {
            name: "IAM Access Analyzer",
            principal: "access-analyzer.amazonaws.com",
            find: (rs) => delegated(rs, "access-analyzer.amazonaws.com"),
            account: "accountId",
        },
    ];

function delegated(resources: readonly PolicyResource[], principal: string): PolicyResource[] {
    return ofTypes(resources, [T.organizationsDelegatedAdministrator]).filter((r) => known(() => r.props.servicePrincipal) === principal);
}

/**
 * The stack that runs the organisation hands its security services to one delegated administrator
 * (the audit account): GuardDuty, Security Hub, Inspector, Config and Access Analyzer, each with
 * trusted access enabled — so security tooling runs outside the management account, for every member.
 */
export const organizationDelegatedAdministratorsSet: StackPolicyDefinition = {
    kind: "stack",
    id: "organization-delegated-administrators-set",
    description:
        "Checks whether the organisation delegates GuardDuty, Security Hub, Inspector, AWS Config and IAM Access Analyzer to one " +
        "administrator account other than the management account, with trusted access enabled.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Declare `aws.guardduty.OrganizationAdminAccount`, `aws.securityhub.OrganizationAdminAccount`, " +
        "`aws.inspector2.DelegatedAdminAccount` " +
        "and `aws.organizations.DelegatedAdministrator` for `config.amazonaws.com` and `access-analyzer.amazonaws.com`, all naming " +
        "the audit account, and list each service in the organisation's `awsServiceAccessPrincipals`.",
    resourceTypes: [
        T.organization,
        T.guardDutyOrganizationAdminAccount,
        T.securityHubOrganizationAdminAccount,
        T.inspectorDelegatedAdminAccount,
    ],
    validateStack: (args, report) => {
        const organization = ofTypes(args.resources, [T.organization])[0];
        if (!organization) {
            args.notApplicable("The stack does not run the organisation.");
            return;
        }
        const trusted = known(() => organization.props.awsServiceAccessPrincipals);
        const master = known(() => organization.props.masterAccountId);
        const admins = new Set<string>();
        for (const service of SERVICES) {
            const found = service.find(args.resources);
            if (found.length === 0) {
                report(`The organisation must delegate ${service.name} to the audit account (no delegated administrator is declared).`);
                continue;
            }
            for (const r of found) {
                const account = known(() => r.props[service.account]);
                if (typeof account !== "string") continue;
                admins.add(account);
                if (account === master)
                    report(
                        `${service.name}'s delegated administrator must not be the management account \`${account}\`: name the audit account.`,
                    );
            }
            if (Array.isArray(trusted) && !trusted.includes(service.principal))
                report(
                    `The organisation must enable trusted access for ${service.name}: add \`${service.principal}\` to \`awsServiceAccessPrincipals\`.`,
                );
        }
        if (admins.size > 1)
            report(
                `The security services must share one delegated administrator; they name ${[...admins].map((a) => `\`${a}\``).join(", ")}.`,
            );
    },
};
