import * as aws from "@pulumi/aws";
import { defineUnit } from "../../unit/define";
import { readContractInputs } from "../common/contract-inputs";
import { withGovernanceTags } from "../common/governance";
import { NAME_LIMITS, resourceName } from "../common/naming";
import { readBaseSettings } from "../common/unit-base";
import { ConfigReader } from "../common/unit-config";
import { S3_ACCESS_LOGS_PREFIX } from "../contract";
import { HardenedBucket } from "../security/hardened-bucket";
import { DEFAULT_KEY_DELETION_WINDOW_DAYS, KEY_ROTATION_PERIOD_DAYS } from "../security/keys";
import { SECURITY_PROFILES } from "../security/settings";
import { organizationArchiveBucketPolicy, organizationLogsKeyPolicy, serverAccessLogsBucketPolicy } from "./policies";

export const LOG_ARCHIVE_UNIT = "platform/log-archive";

/** What the log-archive stack hands the organisation trail (and anyone wiring Config delivery). */
export interface LogArchiveOutputs {
    readonly logArchiveBucketName: string;
    readonly logArchiveBucketArn: string;
    readonly logArchiveKmsKeyArn: string;
    readonly accessLogsBucketName: string;
}

/**
 * `platform/log-archive`, run in the log-archive account: the organisation's log archive — a
 * KMS key and an object-locked, versioned, TLS-only bucket that the organisation trail and AWS
 * Config of every member account deliver into (policies by `aws:SourceOrgID`), readable by the
 * audit account (`aws:PrincipalOrgID`), with its own server-access-log bucket. The workload
 * accounts keep their own archives (`platform/security`); this one is what no workload account can
 * reach. Deployed after `platform/organization`, before the organisation trail.
 */
export default defineUnit(async ({ config, environment, inputs }) => {
    const reader = new ConfigReader(config);
    const base = readBaseSettings(reader, environment);
    const protect = reader.boolean("protect") ?? true;
    const keyDeletionWindowDays = reader.integer("keyDeletionWindowDays", 7, 30) ?? DEFAULT_KEY_DELETION_WINDOW_DAYS;
    const org = readContractInputs(inputs, reader, "organization", ["organizationId", "managementAccountId", "auditAccountId"]);
    reader.throwIfInvalid(LOG_ARCHIVE_UNIT);

    const profile = SECURITY_PROFILES[base.size];
    const [identity, region, partition] = await Promise.all([aws.getCallerIdentity(), aws.getRegion(), aws.getPartition()]);
    const scope = { ...org, accountId: identity.accountId, region: region.region, partition: partition.partition };
    const prefix = `${base.namePrefix}-org`;

    const key = new aws.kms.Key(
        "org-logs",
        {
            description: `Organisation log archive key (${prefix})`,
            keyUsage: "ENCRYPT_DECRYPT",
            enableKeyRotation: true,
            rotationPeriodInDays: KEY_ROTATION_PERIOD_DAYS,
            deletionWindowInDays: keyDeletionWindowDays,
            policy: JSON.stringify(organizationLogsKeyPolicy(scope)),
            tags: withGovernanceTags(base.tags, `${prefix}/logs`, { "edf:key-purpose": "logs", "edf:role": "log-archive" }),
        },
        { protect },
    );
    new aws.kms.Alias("org-logs", { name: `alias/${base.namePrefix}/org/logs`, targetKeyId: key.keyId });

    const accessLogs = new HardenedBucket("access-logs", {
        bucketName: resourceName([prefix, "access-logs", scope.accountId, scope.region], NAME_LIMITS.s3Bucket),
        encryption: "sse-s3",
        policy: (bucketArn) => serverAccessLogsBucketPolicy({ ...scope, bucketArn }),
        lifecycle: profile.lifecycle,
        role: "s3-access-logs",
        protect,
        tags: base.tags,
    });
    const archive = new HardenedBucket("log-archive", {
        bucketName: resourceName([prefix, "log-archive", scope.accountId, scope.region], NAME_LIMITS.s3Bucket),
        encryption: key.arn,
        policy: (bucketArn) => organizationArchiveBucketPolicy({ ...scope, bucketArn }),
        lifecycle: profile.lifecycle,
        // The organisation's evidence is locked whatever the environment's size.
        objectLock: profile.objectLock ?? SECURITY_PROFILES.prod.objectLock,
        accessLogging: {
            targetBucket: accessLogs.bucketName,
            targetPrefix: `${S3_ACCESS_LOGS_PREFIX}log-archive/`,
            dependsOn: accessLogs.ready,
        },
        role: "log-archive",
        protect,
        tags: base.tags,
    });

    const outputs = {
        logArchiveBucketName: archive.bucketName,
        logArchiveBucketArn: archive.bucketArn,
        logArchiveKmsKeyArn: key.arn,
        accessLogsBucketName: accessLogs.bucketName,
    };
    return outputs;
});
