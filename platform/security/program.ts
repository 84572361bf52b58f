import * as aws from "@pulumi/aws";
import { defineUnit } from "../../unit/define";
import { CONTRACT_VERSION, ProducedOutputs, S3_ACCESS_LOGS_PREFIX, SecurityOutputs } from "../contract";
import { NAME_LIMITS, resourceName } from "../common/naming";
import { LandingZonePublication } from "../publication/publication";
import { AccountBaseline } from "./account-baseline";
import { AuditTrail, ConfigRecording, trailArn } from "./audit";
import { SecurityAlarms } from "./security-alarms";
import { PermissionsBoundary } from "./boundary";
import { accessLogsBucketPolicy, logArchiveBucketPolicy } from "./bucket-policies";
import { ThreatDetection } from "./detection";
import { DetectiveControls } from "./detective-controls";
import { HardenedBucket } from "./hardened-bucket";
import { PurposeKeys } from "./keys";
import { readSecuritySettings } from "./settings";

/**
 * `platform/security`: purpose KMS keys, the log archive, CloudTrail, AWS Config,
 * GuardDuty, Security Hub (PCI DSS), the account baseline, the permissions boundary, and
 * the AWS Config managed rules that mirror the pipeline policies (detective controls).
 * Exports the `security` part of the contract. Deployed first: the other units encrypt and
 * log with what it creates.
 */
export default defineUnit(async ({ config, environment }): Promise<ProducedOutputs<SecurityOutputs>> => {
    const settings = readSecuritySettings(config, environment);
    const { base } = settings;
    const [identity, region, partition, elb] = await Promise.all([
        aws.getCallerIdentity(),
        aws.getRegion(),
        aws.getPartition(),
        aws.elb.getServiceAccount(),
    ]);
    const scope = { accountId: identity.accountId, region: region.region, partition: partition.partition };
    const prefix = `${base.namePrefix}-${environment}`;

    const keys = new PurposeKeys("keys", {
        scope,
        aliasPrefix: `${base.namePrefix}/${environment}`,
        administratorArns: settings.keyAdministratorArns,
        deletionWindowInDays: settings.keyDeletionWindowDays,
        protect: settings.protect,
        tags: base.tags,
    });

    // ALB access-log delivery supports only SSE-S3 (not KMS), so those logs get their own bucket;
    // it also receives the S3 server access logs, and so does not log into itself.
    const accessLogs = new HardenedBucket("access-logs", {
        bucketName: resourceName([prefix, "access-logs", scope.accountId, scope.region], NAME_LIMITS.s3Bucket),
        encryption: "sse-s3",
        policy: (bucketArn) => accessLogsBucketPolicy({ ...scope, bucketArn, elbServiceAccountArn: elb.arn }),
        lifecycle: settings.lifecycle,
        role: "elb-access-logs",
        protect: settings.protect,
        tags: base.tags,
    });

    const trailName = `${prefix}-trail`;
    const archive = new HardenedBucket("log-archive", {
        bucketName: resourceName([prefix, "log-archive", scope.accountId, scope.region], NAME_LIMITS.s3Bucket),
        encryption: keys.keyArns.logs,
        policy: (bucketArn) => logArchiveBucketPolicy({ ...scope, bucketArn, trailArn: trailArn(scope, trailName) }),
        lifecycle: settings.lifecycle,
        objectLock: settings.objectLock,
        accessLogging: {
            targetBucket: accessLogs.bucketName,
            targetPrefix: `${S3_ACCESS_LOGS_PREFIX}log-archive/`,
            dependsOn: accessLogs.ready,
        },
        role: "log-archive",
        protect: settings.protect,
        tags: base.tags,
    });

    const trail = new AuditTrail("trail", {
        scope,
        trailName,
        bucketName: archive.bucketName,
        kmsKeyArn: keys.keyArns.logs,
        logRetentionInDays: settings.logRetentionDays,
        dependsOn: archive.ready,
        tags: base.tags,
    });

    new SecurityAlarms("alarms", {
        scope,
        namePrefix: prefix,
        logGroupName: trail.logGroupName,
        kmsKeyArn: keys.keyArns.logs,
        tags: base.tags,
    });

    const recording = new ConfigRecording("config", {
        namePrefix: prefix,
        bucketName: archive.bucketName,
        kmsKeyArn: keys.keyArns.logs,
        dependsOn: archive.ready,
        tags: base.tags,
    });

    if (settings.detectiveControls !== "off") {
        new DetectiveControls("detective-controls", {
            namePrefix: prefix,
            production: base.size === "prod",
            mode: settings.detectiveControls,
            recorder: recording,
            tags: base.tags,
        });
    }

    const detection = new ThreatDetection("detection", {
        scope,
        pciDssVersion: settings.pciDssVersion,
        managedBy: settings.securityServices,
        tags: base.tags,
    });
    new AccountBaseline("account", { ebsKmsKeyArn: keys.keyArns.data });

    const boundary = new PermissionsBoundary("boundary", {
        scope,
        policyName: `${prefix}-service-boundary`,
        logArchiveBucketArn: archive.bucketArn,
        kmsKeyArns: [keys.keyArns.logs, keys.keyArns.data, keys.keyArns.secrets],
        allowedRegions: settings.allowedRegions,
        tags: base.tags,
    });

    const outputs: ProducedOutputs<SecurityOutputs> = {
        contractVersion: CONTRACT_VERSION,
        environment,
        logsKmsKeyArn: keys.keyArns.logs,
        dataKmsKeyArn: keys.keyArns.data,
        secretsKmsKeyArn: keys.keyArns.secrets,
        logArchiveBucketName: archive.bucketName,
        logArchiveBucketArn: archive.bucketArn,
        accessLogsBucketName: accessLogs.bucketName,
        accessLogsBucketArn: accessLogs.bucketArn,
        permissionsBoundaryArn: boundary.policyArn,
        cloudTrailArn: trail.trailArn,
        guardDutyDetectorId: detection.detectorId,
    };
    new LandingZonePublication("publication", { environment, part: "security", facts: outputs, publication: base.publication });
    return outputs;
});
