import * as pulumi from "@pulumi/pulumi";
import { defineUnit } from "../../unit/define";
import { CONTRACT_VERSION, OrganizationOutputs, ProducedOutputs } from "../contract";
import { UnitConfigError } from "../common/unit-config";
import { LandingZonePublication } from "../publication/publication";
import { DelegatedAdministration } from "./delegated-administration";
import { DeploymentRole } from "./deployment-role";
import { Organization, slug } from "./organization";
import { EXTERNAL_ID_INPUT, externalIdProblems, ORGANIZATION_UNIT, readOrganizationSettings } from "./settings";

/**
 * `platform/organization`, run from the management account: the organisation, its OUs and accounts,
 * the SCP guardrail baseline and tag policy, delegated administration of the security services to
 * the audit account, and the pipeline's deployment role in every member account. Exports the
 * `organization` part of the contract. Deployed first: every other stack runs in an account it made.
 */
export default defineUnit(async ({ config, environment, inputs }): Promise<ProducedOutputs<OrganizationOutputs>> => {
    // Config and the external id are checked before anything is registered; every problem at once.
    let settings: ReturnType<typeof readOrganizationSettings> | undefined;
    const problems: string[] = [];
    try {
        settings = readOrganizationSettings(config, environment);
    } catch (error) {
        if (!(error instanceof UnitConfigError)) throw error;
        problems.push(...error.problems);
    }
    // A secret (Vault): checked without being read as plain text, then used only as a Pulumi secret.
    problems.push(...inputs.problemsOf(EXTERNAL_ID_INPUT, externalIdProblems));
    if (problems.length > 0 || !settings) throw new UnitConfigError(ORGANIZATION_UNIT, problems);

    const { base, deployment } = settings;
    const partition = settings.homeRegion.startsWith("us-gov-") ? "aws-us-gov" : settings.homeRegion.startsWith("cn-") ? "aws-cn" : "aws";
    const org = new Organization("organization", {
        ...(settings.organizationId ? { organizationId: settings.organizationId } : {}),
        units: settings.units,
        rootGuardrails: settings.rootGuardrails,
        accounts: settings.accounts,
        guardrailContext: {
            partition,
            allowedRegions: settings.allowedRegions,
            deploymentRoleName: deployment.roleName,
            breakGlassRoleName: settings.breakGlassRoleName,
            bootstrapRoleName: deployment.bootstrapRoleName,
            namePrefix: base.namePrefix,
        },
        namePrefix: base.namePrefix,
        protect: settings.protect,
        tags: base.tags,
    });

    new DelegatedAdministration("delegated-admin", { auditAccountId: org.accountIds.audit!, dependsOn: [org.organization] });

    const secretExternalId = inputs.requireSecret<string>(EXTERNAL_ID_INPUT);
    for (const [key, accountId] of Object.entries(org.accountIds)) {
        new DeploymentRole(`deployment-${slug(key)}`, {
            accountId,
            bootstrapRoleName: deployment.bootstrapRoleName,
            roleName: deployment.roleName,
            trustedPrincipalArn: deployment.trustedPrincipalArn,
            externalId: secretExternalId,
            maxSessionSeconds: deployment.maxSessionSeconds,
            region: settings.homeRegion,
            partition,
            tags: base.tags,
        });
    }

    const outputs: ProducedOutputs<OrganizationOutputs> = {
        contractVersion: CONTRACT_VERSION,
        environment,
        organizationId: org.organizationId,
        organizationArn: org.organizationArn,
        rootId: org.rootId,
        managementAccountId: org.managementAccountId,
        logArchiveAccountId: org.accountIds.logArchive!,
        auditAccountId: org.accountIds.audit!,
        organizationalUnitIds: pulumi.output(org.unitIds),
        accountIds: pulumi.output(org.accountIds),
        deploymentRoleName: deployment.roleName,
    };
    new LandingZonePublication("publication", { environment, part: "organization", facts: outputs, publication: base.publication });
    return outputs;
});
