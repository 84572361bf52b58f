import { policyDocument } from "../../security/policy-document";
import { Guardrail, pipelinePrincipals } from "./model";

/** Bucket settings that keep the archive what it is: private, versioned, locked, encrypted, kept. */
export const LOG_ARCHIVE_BUCKET_ACTIONS = [
    "s3:DeleteBucket",
    "s3:DeleteBucketPolicy",
    "s3:PutBucketObjectLockConfiguration",
    "s3:PutBucketPolicy",
    "s3:PutBucketPublicAccessBlock",
    "s3:PutBucketVersioning",
    "s3:PutEncryptionConfiguration",
    "s3:PutLifecycleConfiguration",
] as const;

/** Key actions that would make the archive unreadable. */
export const LOG_ARCHIVE_KEY_ACTIONS = ["kms:DisableKey", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"] as const;

/**
 * The log archives (the organisation's and each account's, named `<prefix>-…-log-archive-…`) keep their
 * evidence: no principal deletes a log, and only the pipeline changes the buckets' and keys' settings.
 */
export const denyLogArchiveChanges: Guardrail = {
    id: "deny-log-archive-changes",
    description: "EDF baseline: log-archive objects cannot be deleted; archive buckets and keys change only through the pipeline.",
    rationale:
        "Audit logs must survive the incident they record: deleting an object version, loosening the bucket policy, " +
        "suspending versioning or disabling the key would erase or expose evidence. Object deletion is denied to every " +
        "principal (object lock and lifecycle expire what is due); settings only to the deployment and bootstrap roles. " +
        "PCI DSS 10.3.2, 10.3.3, 10.5.1.",
    level: "root",
    document: (context) => {
        const buckets = `arn:${context.partition}:s3:::${context.namePrefix}-*-log-archive-*`;
        return policyDocument([
            {
                Sid: "DenyLogDeletion",
                Effect: "Deny",
                Action: ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectRetention", "s3:BypassGovernanceRetention"],
                Resource: `${buckets}/*`,
            },
            {
                Sid: "DenyArchiveBucketChanges",
                Effect: "Deny",
                Action: [...LOG_ARCHIVE_BUCKET_ACTIONS],
                Resource: buckets,
                Condition: { ArnNotLike: { "aws:PrincipalArn": pipelinePrincipals(context) } },
            },
            {
                Sid: "DenyArchiveKeyChanges",
                Effect: "Deny",
                Action: [...LOG_ARCHIVE_KEY_ACTIONS],
                Resource: "*",
                Condition: {
                    StringEquals: { "aws:ResourceTag/edf:role": "log-archive" },
                    ArnNotLike: { "aws:PrincipalArn": pipelinePrincipals(context) },
                },
            },
        ]);
    },
};
