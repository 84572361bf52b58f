import * as aws from "@pulumi/aws";
import { defineUnit } from "../../unit/define";
import { withGovernanceTags } from "../common/governance";
import { readBaseSettings } from "../common/unit-base";
import { ConfigReader } from "../common/unit-config";

export const ORGANIZATION_TRAIL_UNIT = "platform/organization-trail";

/**
 * `platform/organization-trail`, run in the management account: the organisation trail — every
 * account, every region, global service events, log-file validation — delivered to the
 * organisation's log archive (another account, its bucket and key policies admitting this trail by
 * `aws:SourceOrgID`), encrypted with the archive's key. A unit of its own because the archive is
 * made after the organisation and before the trail: management → log-archive → this.
 */
export default defineUnit(({ config, environment, inputs }) => {
    const reader = new ConfigReader(config);
    const base = readBaseSettings(reader, environment);
    const bucket = inputs.get<string>("logArchiveBucketName");
    const key = inputs.get<string>("logArchiveKmsKeyArn");
    if (typeof bucket !== "string" || bucket.length === 0) {
        reader.add(["input `logArchiveBucketName` is missing: inject `platform/log-archive`'s output `logArchiveBucketName`."]);
    }
    if (typeof key !== "string" || !key.startsWith("arn:")) {
        reader.add(["input `logArchiveKmsKeyArn` is missing: inject `platform/log-archive`'s output `logArchiveKmsKeyArn`."]);
    }
    reader.throwIfInvalid(ORGANIZATION_TRAIL_UNIT);

    const name = `${base.namePrefix}-organization-trail`;
    const trail = new aws.cloudtrail.Trail("organization", {
        name,
        isOrganizationTrail: true,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        enableLogging: true,
        s3BucketName: bucket!,
        s3KeyPrefix: "cloudtrail",
        kmsKeyId: key!,
        tags: withGovernanceTags(base.tags, name, { "edf:role": "organization-trail" }),
    });
    return { organizationTrailArn: trail.arn };
});
