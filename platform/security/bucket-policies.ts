import { S3_ACCESS_LOGS_PREFIX } from "../contract";
import { AccountScope, policyDocument, PolicyDocument, PolicyStatement } from "./policy-document";

/** Statements every landing-zone bucket carries: TLS only, and TLS 1.2 at least. */
export function transportStatements(bucketArn: string): PolicyStatement[] {
    const resources = [bucketArn, `${bucketArn}/*`];
    return [
        {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: resources,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
            Sid: "DenyOutdatedTls",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: resources,
            Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
        },
    ];
}

/** What the log-archive bucket policy needs to know. */
export interface LogArchivePolicyInput extends AccountScope {
    readonly bucketArn: string;
    /** ARN of the trail allowed to deliver (`aws:SourceArn`). */
    readonly trailArn: string;
}

/**
 * The log-archive bucket policy: TLS only; CloudTrail (this trail only) and AWS Config
 * (this account only) may check the ACL and write under their own prefixes.
 */
export function logArchiveBucketPolicy(input: LogArchivePolicyInput): PolicyDocument {
    const { bucketArn, accountId } = input;
    return policyDocument([
        ...transportStatements(bucketArn),
        {
            Sid: "CloudTrailAclCheck",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:GetBucketAcl",
            Resource: bucketArn,
            Condition: { StringEquals: { "aws:SourceArn": input.trailArn } },
        },
        {
            Sid: "CloudTrailWrite",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${bucketArn}/cloudtrail/AWSLogs/${accountId}/*`,
            Condition: { StringEquals: { "aws:SourceArn": input.trailArn, "s3:x-amz-acl": "bucket-owner-full-control" } },
        },
        {
            Sid: "ConfigAclCheck",
            Effect: "Allow",
            Principal: { Service: "config.amazonaws.com" },
            Action: ["s3:GetBucketAcl", "s3:ListBucket"],
            Resource: bucketArn,
            Condition: { StringEquals: { "aws:SourceAccount": accountId } },
        },
        {
            Sid: "ConfigWrite",
            Effect: "Allow",
            Principal: { Service: "config.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${bucketArn}/config/AWSLogs/${accountId}/Config/*`,
            Condition: { StringEquals: { "aws:SourceAccount": accountId, "s3:x-amz-acl": "bucket-owner-full-control" } },
        },
    ]);
}

/** What the access-logs bucket policy needs to know. */
export interface AccessLogsPolicyInput extends AccountScope {
    readonly bucketArn: string;
    /** The regional Elastic Load Balancing account (from `aws.elb.getServiceAccount`), for regions that predate the service principal. */
    readonly elbServiceAccountArn: string;
}

/**
 * The access-logs bucket policy: TLS only; Elastic Load Balancing may write this
 * account's logs under `alb/` — by the regional ELB account (older regions) or the
 * log-delivery service principal (newer regions), whichever the region uses; S3 server
 * access logging may write this account's buckets' logs under `s3/`.
 */
export function accessLogsBucketPolicy(input: AccessLogsPolicyInput): PolicyDocument {
    const target = `${input.bucketArn}/alb/AWSLogs/${input.accountId}/*`;
    return policyDocument([
        ...transportStatements(input.bucketArn),
        {
            Sid: "ElbRegionalAccountWrite",
            Effect: "Allow",
            Principal: { AWS: input.elbServiceAccountArn },
            Action: "s3:PutObject",
            Resource: target,
        },
        {
            Sid: "ElbLogDeliveryWrite",
            Effect: "Allow",
            Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: target,
            Condition: { StringEquals: { "aws:SourceAccount": input.accountId } },
        },
        {
            Sid: "S3ServerAccessLogsWrite",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${input.bucketArn}/${S3_ACCESS_LOGS_PREFIX}*`,
            Condition: { StringEquals: { "aws:SourceAccount": input.accountId } },
        },
    ]);
}
