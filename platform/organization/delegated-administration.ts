import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Services whose trusted access the organisation enables (Organizations' `awsServiceAccessPrincipals`). */
export const TRUSTED_SERVICE_PRINCIPALS = [
    "access-analyzer.amazonaws.com",
    "cloudtrail.amazonaws.com",
    "config-multiaccountsetup.amazonaws.com",
    "config.amazonaws.com",
    "guardduty.amazonaws.com",
    "inspector2.amazonaws.com",
    "securityhub.amazonaws.com",
    "sso.amazonaws.com",
] as const;

/** Services administered by the audit account through `aws.organizations.DelegatedAdministrator` (the others have their own resources). */
export const ORGANIZATIONS_DELEGATED_SERVICES = ["access-analyzer.amazonaws.com", "config.amazonaws.com"] as const;

/** Arguments of {@link DelegatedAdministration}. */
export interface DelegatedAdministrationArgs {
    /** The audit account: administrator of every security service. */
    readonly auditAccountId: pulumi.Input<string>;
    /** What must exist first (the organisation, with trusted access enabled). */
    readonly dependsOn: pulumi.Resource[];
}

/**
 * Delegated administration of GuardDuty, Security Hub, Config (its aggregator), Inspector and IAM
 * Access Analyzer to the audit account, so security tooling runs outside the management account.
 */
export class DelegatedAdministration extends pulumi.ComponentResource {
    constructor(name: string, args: DelegatedAdministrationArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:organization:DelegatedAdministration", name, {}, opts);
        const after = { parent: this, dependsOn: args.dependsOn };
        new aws.guardduty.OrganizationAdminAccount(`${name}-guardduty`, { adminAccountId: args.auditAccountId }, after);
        new aws.securityhub.OrganizationAdminAccount(`${name}-securityhub`, { adminAccountId: args.auditAccountId }, after);
        new aws.inspector2.DelegatedAdminAccount(`${name}-inspector`, { accountId: args.auditAccountId }, after);
        for (const service of ORGANIZATIONS_DELEGATED_SERVICES) {
            new aws.organizations.DelegatedAdministrator(
                `${name}-${service.split(".")[0]}`,
                { accountId: args.auditAccountId, servicePrincipal: service },
                after,
            );
        }
        this.registerOutputs({});
    }
}
