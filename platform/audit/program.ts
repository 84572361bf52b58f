import * as aws from "@pulumi/aws";
import { defineUnit } from "../../unit/define";
import { readContractInputs } from "../common/contract-inputs";
import { withGovernanceTags } from "../common/governance";
import { readBaseSettings } from "../common/unit-base";
import { ConfigReader } from "../common/unit-config";
import { ConfigRecording } from "../security/audit";
import {
    DEFAULT_PCI_DSS_STANDARD_VERSION,
    foundationalStandardArn,
    PCI_DSS_STANDARD_VERSIONS,
    pciDssStandardArn,
} from "../security/detection";

export const AUDIT_UNIT = "platform/audit";

/**
 * `platform/audit`, run in the audit (security tooling) account, the delegated administrator
 * `platform/organization` names: GuardDuty, Security Hub (PCI DSS and AWS Foundational, central
 * configuration), Inspector and the organisation's IAM Access Analyzer switched on for every member
 * account, present and future; an AWS Config aggregator of every account and region; and the audit
 * account's own detector, hub and recorder (delivering to the organisation's log archive). Deployed
 * after `platform/organization` and `platform/log-archive`, before the workload accounts' security units.
 */
export default defineUnit(async ({ config, environment, inputs }) => {
    const reader = new ConfigReader(config);
    const base = readBaseSettings(reader, environment);
    const pciDssVersion = reader.enumValue("pciDssVersion", PCI_DSS_STANDARD_VERSIONS) ?? DEFAULT_PCI_DSS_STANDARD_VERSION;
    readContractInputs(inputs, reader, "organization", ["organizationId"]);
    const archiveBucket = inputs.get<string>("logArchiveBucketName");
    const archiveKey = inputs.get<string>("logArchiveKmsKeyArn");
    if (typeof archiveBucket !== "string" || typeof archiveKey !== "string" || !archiveKey.startsWith("arn:")) {
        reader.add([
            "inputs `logArchiveBucketName` and `logArchiveKmsKeyArn` are required: inject `platform/log-archive`'s outputs " +
                "of the same names (the audit account's Config delivers to the organisation's archive).",
        ]);
    }
    reader.throwIfInvalid(AUDIT_UNIT);

    const [identity, region, partition] = await Promise.all([aws.getCallerIdentity(), aws.getRegion(), aws.getPartition()]);
    const scope = { region: region.region, partition: partition.partition, accountId: "" };
    const prefix = `${base.namePrefix}-org`;

    // The audit account's own detector, administering every member's.
    const detector = new aws.guardduty.Detector("guardduty", {
        enable: true,
        findingPublishingFrequency: "FIFTEEN_MINUTES",
        tags: withGovernanceTags(base.tags, `${prefix}-guardduty`),
    });
    new aws.guardduty.OrganizationConfiguration("guardduty", { detectorId: detector.id, autoEnableOrganizationMembers: "ALL" });

    const hub = new aws.securityhub.Account("securityhub", {
        enableDefaultStandards: false,
        autoEnableControls: true,
        controlFindingGenerator: "SECURITY_CONTROL",
    });
    new aws.securityhub.StandardsSubscription(
        "securityhub-pci-dss",
        { standardsArn: pciDssStandardArn(scope, pciDssVersion) },
        { dependsOn: [hub] },
    );
    new aws.securityhub.StandardsSubscription("securityhub-fsbp", { standardsArn: foundationalStandardArn(scope) }, { dependsOn: [hub] });
    new aws.securityhub.OrganizationConfiguration(
        "securityhub",
        { autoEnable: true, autoEnableStandards: "DEFAULT" },
        { dependsOn: [hub] },
    );

    new aws.inspector2.OrganizationConfiguration("inspector", { autoEnable: { ec2: true, ecr: true, lambda: true } });
    new aws.accessanalyzer.Analyzer("access-analyzer", {
        analyzerName: `${prefix}-organization`,
        type: "ORGANIZATION",
        tags: withGovernanceTags(base.tags, `${prefix}-organization`),
    });

    const aggregatorRole = new aws.iam.Role("config-aggregator", {
        description: "AWS Config aggregator of the organisation",
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "config.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": identity.accountId } },
                },
            ],
        }),
        tags: withGovernanceTags(base.tags, `${prefix}-config-aggregator`),
    });
    // What AWS's `AWSConfigRoleForOrganizations` grants, written out: the aggregator lists the organisation's accounts.
    new aws.iam.RolePolicy("config-aggregator", {
        role: aggregatorRole.id,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "ListOrganizationAccounts",
                    Effect: "Allow",
                    Action: [
                        "organizations:DescribeOrganization",
                        "organizations:ListAWSServiceAccessForOrganization",
                        "organizations:ListAccounts",
                        "organizations:ListDelegatedAdministrators",
                    ],
                    Resource: "*",
                },
            ],
        }),
    });
    new aws.cfg.ConfigurationAggregator("organization", {
        name: `${prefix}-aggregator`,
        organizationAggregationSource: { allRegions: true, roleArn: aggregatorRole.arn },
        tags: withGovernanceTags(base.tags, `${prefix}-aggregator`),
    });

    new ConfigRecording("config", { namePrefix: `${prefix}-audit`, bucketName: archiveBucket!, kmsKeyArn: archiveKey!, tags: base.tags });

    return { guardDutyDetectorId: detector.id, securityHubAccountId: hub.id };
});
