import { S3_ACCESS_LOGS_PREFIX } from "../contract";
import { transportStatements } from "../security/bucket-policies";
import { KEY_ADMIN_ACTIONS } from "../security/key-policies";
import { accountRoot, AccountScope, policyDocument, PolicyDocument } from "../security/policy-document";

/** What the organisation's archive policies are written for. */
export interface OrganizationArchiveScope extends AccountScope {
    /** The organisation (`o-…`): only its accounts' services deliver, only its principals read. */
    readonly organizationId: string;
    /** The management account, whose organisation trail delivers here. */
    readonly managementAccountId: string;
    /** The audit account, whose security tooling reads the archive. */
    readonly auditAccountId: string;
}

/** Trails of the management account, the only ones that may encrypt with the key (organisation trails live there). */
function managementTrails(scope: OrganizationArchiveScope): string {
    return `arn:${scope.partition ?? "aws"}:cloudtrail:*:${scope.managementAccountId}:trail/*`;
}

/**
 * The key of the organisation's log archive: administered by the log-archive account; CloudTrail
 * encrypts for the management account's trails and AWS Config for the organisation's accounts
 * (`aws:SourceOrgID`); the log-archive and audit accounts decrypt when they are the organisation's
 * (`aws:PrincipalOrgID`), through S3 only. Pure.
 */
export function organizationLogsKeyPolicy(scope: OrganizationArchiveScope): PolicyDocument {
    const org = { "aws:SourceOrgID": scope.organizationId };
    return policyDocument([
        {
            Sid: "AdministerKey",
            Effect: "Allow",
            Principal: { AWS: accountRoot(scope) },
            Action: [...KEY_ADMIN_ACTIONS],
            Resource: "*",
        },
        {
            Sid: "OrganizationTrailEncrypts",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:GenerateDataKey*",
            Resource: "*",
            Condition: { StringEquals: org, StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": managementTrails(scope) } },
        },
        {
            Sid: "OrganizationTrailDescribesKey",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:DescribeKey",
            Resource: "*",
            Condition: { StringEquals: org },
        },
        {
            Sid: "OrganizationConfigEncrypts",
            Effect: "Allow",
            Principal: { Service: "config.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: "*",
            Condition: { StringEquals: org },
        },
        {
            Sid: "OrganizationReadsThroughS3",
            Effect: "Allow",
            Principal: { AWS: [accountRoot(scope), accountRoot({ ...scope, accountId: scope.auditAccountId })] },
            Action: ["kms:Decrypt", "kms:DescribeKey"],
            Resource: "*",
            Condition: {
                StringEquals: { "aws:PrincipalOrgID": scope.organizationId, "kms:ViaService": `s3.${scope.region}.amazonaws.com` },
            },
        },
    ]);
}

/**
 * The organisation's log-archive bucket policy: TLS only; CloudTrail writes the organisation trail's
 * logs (under the organisation's and the management account's prefixes) and AWS Config its snapshots,
 * each only for this organisation (`aws:SourceOrgID`); the audit account reads as the organisation's. Pure.
 */
export function organizationArchiveBucketPolicy(scope: OrganizationArchiveScope & { readonly bucketArn: string }): PolicyDocument {
    const { bucketArn } = scope;
    const org = { "aws:SourceOrgID": scope.organizationId };
    const owned = { ...org, "s3:x-amz-acl": "bucket-owner-full-control" };
    return policyDocument([
        ...transportStatements(bucketArn),
        {
            Sid: "CloudTrailAclCheck",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:GetBucketAcl",
            Resource: bucketArn,
            Condition: { StringEquals: org },
        },
        {
            Sid: "OrganizationTrailWrite",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: [
                `${bucketArn}/cloudtrail/AWSLogs/${scope.organizationId}/*`,
                `${bucketArn}/cloudtrail/AWSLogs/${scope.managementAccountId}/*`,
            ],
            Condition: { StringEquals: owned },
        },
        {
            Sid: "ConfigAclCheck",
            Effect: "Allow",
            Principal: { Service: "config.amazonaws.com" },
            Action: ["s3:GetBucketAcl", "s3:ListBucket"],
            Resource: bucketArn,
            Condition: { StringEquals: org },
        },
        {
            Sid: "ConfigWrite",
            Effect: "Allow",
            Principal: { Service: "config.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${bucketArn}/config/AWSLogs/*`,
            Condition: { StringEquals: owned },
        },
        {
            Sid: "AuditAccountReads",
            Effect: "Allow",
            Principal: { AWS: accountRoot({ ...scope, accountId: scope.auditAccountId }) },
            Action: ["s3:GetObject", "s3:ListBucket"],
            Resource: [bucketArn, `${bucketArn}/*`],
            Condition: { StringEquals: { "aws:PrincipalOrgID": scope.organizationId } },
        },
    ]);
}

/** The archive's own access-log bucket: TLS only; S3 server access logging of this account writes under `s3/`. Pure. */
export function serverAccessLogsBucketPolicy(scope: AccountScope & { readonly bucketArn: string }): PolicyDocument {
    return policyDocument([
        ...transportStatements(scope.bucketArn),
        {
            Sid: "S3ServerAccessLogsWrite",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${scope.bucketArn}/${S3_ACCESS_LOGS_PREFIX}*`,
            Condition: { StringEquals: { "aws:SourceAccount": scope.accountId } },
        },
    ]);
}
