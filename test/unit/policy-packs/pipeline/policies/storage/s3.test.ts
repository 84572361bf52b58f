import * as assert from "assert";
import { glacierVaultPolicyNotPublic } from "../../../../../../policy-packs/pipeline/policies/glacier-vault-policy-not-public";
import { s3AccessPointNotPublic } from "../../../../../../policy-packs/pipeline/policies/s3-access-point-not-public";
import { s3BucketAccessLoggingEnabled } from "../../../../../../policy-packs/pipeline/policies/s3-bucket-access-logging-enabled";
import { s3BucketAclNotPublic } from "../../../../../../policy-packs/pipeline/policies/s3-bucket-acl-not-public";
import { s3BucketAclsDisabled } from "../../../../../../policy-packs/pipeline/policies/s3-bucket-acls-disabled";
import { s3BucketKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/s3-bucket-kms-encrypted";
import { s3BucketLifecycleConfigured } from "../../../../../../policy-packs/pipeline/policies/s3-bucket-lifecycle-configured";
import { s3BucketPolicyNoLockout } from "../../../../../../policy-packs/pipeline/policies/s3-bucket-policy-no-lockout";
import { s3BucketPolicyNotPublic } from "../../../../../../policy-packs/pipeline/policies/s3-bucket-policy-not-public";
import { s3BucketPublicAccessBlocked } from "../../../../../../policy-packs/pipeline/policies/s3-bucket-public-access-blocked";
import { s3BucketTlsOnly } from "../../../../../../policy-packs/pipeline/policies/s3-bucket-tls-only";
import { s3BucketVersioningEnabled } from "../../../../../../policy-packs/pipeline/policies/s3-bucket-versioning-enabled";
import { s3LogBucketObjectLockEnabled } from "../../../../../../policy-packs/pipeline/policies/s3-log-bucket-object-lock-enabled";
import { s3ObjectKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/s3-object-kms-encrypted";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { describePolicy, runOne } from "../../../support/policy-cases";
import { dropped, onlyTypes, patched, plus, provider, res, UNKNOWN } from "./records";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/data";
const ORG = "o-abc123def4";

const tlsOnly = (bucket: string) => ({
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
});
const doc = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const orgRead = (bucket: string) => ({
    Sid: "OrgRead",
    Effect: "Allow",
    Principal: "*",
    Action: "s3:GetObject",
    Resource: `arn:aws:s3:::${bucket}/*`,
    Condition: { StringEquals: { "aws:PrincipalOrgID": ORG } },
});

/** A bucket and every setting a compliant bucket has, linked by property dependencies. */
function bucketWith(name: string, extra: { logArchive?: boolean; logsTo?: ResourceRecord } = {}): ResourceRecord[] {
    const bucket = `edf-${name}`;
    const b = res(T.bucket, name, {
        bucket,
        ...(extra.logArchive ? { objectLockEnabled: true, tags: { "edf:role": "log-archive" } } : {}),
    });
    const ref = { bucket: b };
    const settings = [
        res(T.bucketVersioning, `${name}-versioning`, { bucket, versioningConfiguration: { status: "Enabled" } }, ref),
        res(
            T.bucketSse,
            `${name}-sse`,
            {
                bucket,
                rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true }],
            },
            ref,
        ),
        res(
            T.bucketPublicAccessBlock,
            `${name}-pab`,
            { bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            ref,
        ),
        res(T.bucketPolicy, `${name}-policy`, { bucket, policy: doc(tlsOnly(bucket), orgRead(bucket)) }, ref),
        res(T.bucketOwnershipControls, `${name}-ownership`, { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, ref),
        res(
            T.bucketLifecycle,
            `${name}-lifecycle`,
            { bucket, rules: [{ id: "abort", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }] },
            ref,
        ),
    ];
    if (extra.logArchive)
        settings.push(
            res(T.bucketObjectLock, `${name}-lock`, { bucket, rule: { defaultRetention: { mode: "GOVERNANCE", days: 365 } } }, ref),
        );
    if (extra.logsTo)
        settings.push(
            res(
                T.bucketLogging,
                `${name}-logging`,
                { bucket, targetBucket: "edf-logs", targetPrefix: `s3/${bucket}/` },
                { bucket: b, targetBucket: extra.logsTo },
            ),
        );
    return [b, ...settings];
}

/** The happy path: a log-archive bucket, a data bucket logging into it, an object, an access point and a Glacier vault. */
function s3Stack(): ResourceRecord[] {
    const logs = bucketWith("logs", { logArchive: true });
    const data = bucketWith("data", { logsTo: logs[0] });
    return [
        provider(),
        ...logs,
        ...data,
        res(
            T.bucketObjectV2,
            "readme",
            { bucket: "edf-data", key: "README", kmsKeyId: KEY, serverSideEncryption: "aws:kms" },
            { bucket: data[0] },
        ),
        res(
            T.s3AccessPoint,
            "data-ap",
            {
                bucket: "edf-data",
                name: "data-ap",
                publicAccessBlockConfiguration: {
                    blockPublicAcls: true,
                    blockPublicPolicy: true,
                    ignorePublicAcls: true,
                    restrictPublicBuckets: true,
                },
                policy: doc({
                    Effect: "Allow",
                    Principal: { AWS: "arn:aws:iam::111111111111:role/reader" },
                    Action: "s3:GetObject",
                    Resource: "*",
                }),
            },
            { bucket: data[0] },
        ),
        res(T.glacierVault, "archive", {
            accessPolicy: doc({
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::111111111111:root" },
                Action: "glacier:*",
                Resource: "*",
            }),
        }),
    ];
}

const noBuckets = () => [provider(), res(T.efsFileSystem, "shared", { encrypted: true, kmsKeyId: KEY })];
const dataPolicy = (...statements: Record<string, unknown>[]) =>
    patched(s3Stack, T.bucketPolicy, "data-policy", { policy: doc(tlsOnly("edf-data"), ...statements) });

describe("storage area: S3 and Glacier", () => {
    describePolicy(s3BucketKmsEncrypted, {
        compliant: s3Stack,
        nonCompliant: [
            {
                name: "a bucket without default encryption",
                resources: dropped(s3Stack, T.bucketSse, "data-sse"),
                expect: /`data` must be encrypted by default with KMS/,
            },
            {
                name: "a bucket on the AWS managed key",
                resources: patched(s3Stack, T.bucketSse, "data-sse", {
                    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" } }],
                }),
                expect: /`data` must be encrypted by default with KMS using a customer managed key/,
            },
            {
                name: "a BucketV2 with inline SSE-S3",
                resources: () => [
                    ...s3Stack(),
                    res(T.bucketV2, "legacy", {
                        bucket: "legacy",
                        serverSideEncryptionConfigurations: [
                            { rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "AES256" }] }] },
                        ],
                    }),
                ],
                expect: /`legacy` must be encrypted/,
            },
        ],
        notApplicable: [{ name: "stacks without buckets", resources: noBuckets }],
        unknown: [
            {
                name: "the key is another resource's output",
                resources: patched(s3Stack, T.bucketSse, "data-sse", {
                    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN } }],
                }),
            },
        ],
    });
    it("accepts inline KMS encryption of a BucketV2 with a customer managed key", async () => {
        const stack = [
            ...s3Stack(),
            res(T.bucketV2, "legacy", {
                bucket: "legacy",
                serverSideEncryptionConfigurations: [
                    { rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }] }] },
                ],
            }),
        ];
        assert.deepStrictEqual((await runOne(s3BucketKmsEncrypted, stack)).diagnostics, []);
    });

    describePolicy(s3BucketPublicAccessBlocked, {
        compliant: s3Stack,
        nonCompliant: [
            {
                name: "a bucket without a block",
                resources: dropped(s3Stack, T.bucketPublicAccessBlock, "data-pab"),
                expect: /`data` must have an aws\.s3\.BucketPublicAccessBlock/,
            },
            {
                name: "a block for another stack's bucket that allows public policies",
                resources: plus(
                    noBuckets,
                    res(T.bucketPublicAccessBlock, "shared-pab", {
                        bucket: "other",
                        blockPublicAcls: true,
                        blockPublicPolicy: false,
                        ignorePublicAcls: true,
                        restrictPublicBuckets: true,
                    }),
                ),
                expect: /Public access block `shared-pab` must turn on blockPublicPolicy/,
            },
        ],
        notApplicable: [{ name: "stacks without buckets", resources: noBuckets }],
        unknown: [
            {
                name: "a flag is another resource's output",
                resources: patched(s3Stack, T.bucketPublicAccessBlock, "data-pab", { blockPublicPolicy: UNKNOWN }),
            },
        ],
    });

    describePolicy(s3BucketTlsOnly, {
        compliant: s3Stack,
        nonCompliant: [
            {
                name: "a bucket without a policy",
                resources: dropped(s3Stack, T.bucketPolicy, "data-policy"),
                expect: /`data` must have a bucket policy denying requests without TLS/,
            },
            {
                name: "a TLS deny for one principal only",
                resources: patched(s3Stack, T.bucketPolicy, "data-policy", {
                    policy: doc({ ...tlsOnly("edf-data"), Principal: { AWS: "arn:aws:iam::111111111111:role/app" } }),
                }),
                expect: /`data` must have a bucket policy denying requests without TLS/,
            },
            {
                name: "a policy for another stack's bucket without a TLS deny",
                resources: plus(noBuckets, res(T.bucketPolicy, "shared-policy", { bucket: "other", policy: doc(orgRead("other")) })),
                expect: /Bucket policy `shared-policy` must deny requests without TLS/,
            },
            {
                name: "a TLS deny on the objects only",
                resources: patched(s3Stack, T.bucketPolicy, "data-policy", {
                    policy: doc({ ...tlsOnly("edf-data"), Resource: "arn:aws:s3:::edf-data/*" }),
                }),
                expect: /`data` must have a bucket policy denying/,
            },
        ],
        notApplicable: [{ name: "stacks without buckets", resources: noBuckets }],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: patched(s3Stack, T.bucketPolicy, "data-policy", { policy: UNKNOWN }),
            },
        ],
    });

    describePolicy(s3BucketVersioningEnabled, {
        compliant: s3Stack,
        nonCompliant: [
            {
                name: "a bucket without versioning",
                resources: dropped(s3Stack, T.bucketVersioning, "data-versioning"),
                expect: /S3 bucket `data` must have versioning enabled/,
            },
            {
                name: "suspended versioning",
                resources: patched(s3Stack, T.bucketVersioning, "data-versioning", { versioningConfiguration: { status: "Suspended" } }),
                expect: /`data` must have versioning enabled/,
            },
            {
                name: "a BucketV2 with inline versioning off",
                resources: plus(s3Stack, res(T.bucketV2, "legacy", { bucket: "legacy", versionings: [{ enabled: false }] })),
                expect: /`legacy` must have versioning enabled/,
            },
        ],
        notApplicable: [{ name: "stacks without buckets", resources: noBuckets }],
        unknown: [
            {
                name: "the status is another resource's output",
                resources: patched(s3Stack, T.bucketVersioning, "data-versioning", { versioningConfiguration: { status: UNKNOWN } }),
            },
        ],
    });
    it("accepts legacy inline versioning and links settings to buckets by name in state documents", async () => {
        const stack = [
            provider(),
            { ...res(T.bucket, "old", { bucket: "old", versioning: { enabled: true } }), id: "old" },
            { ...res(T.bucket, "named", { bucket: "named" }), id: "named" },
            res(T.bucketVersioningV2, "named-v", { bucket: "named", versioningConfiguration: { status: "Enabled" } }),
        ];
        assert.deepStrictEqual((await runOne(s3BucketVersioningEnabled, stack)).diagnostics, []);
    });

    describePolicy(s3BucketAccessLoggingEnabled, {
        compliant: s3Stack,
        nonCompliant: [
            {
                name: "a bucket without access logs",
                resources: dropped(s3Stack, T.bucketLogging, "data-logging"),
                expect: /S3 bucket `data` must deliver server access logs/,
            },
            {
                name: "a log target when targets are not exempt",
                resources: s3Stack,
                options: { config: { "s3-bucket-access-logging-enabled": { exemptLogTargets: false } } },
                expect: /S3 bucket `logs` must deliver server access logs/,
            },
        ],
        notApplicable: [{ name: "stacks without buckets", resources: noBuckets }],
        unknown: [
            {
                name: "the bucket's inline logging is another resource's output",
                resources: plus(s3Stack, res(T.bucket, "other", { bucket: "other", logging: UNKNOWN })),
            },
        ],
    });
    it("exempts a bucket that receives another bucket's inline logging", async () => {
        const stack = [
            provider(),
            res(T.bucket, "target", { bucket: "target" }),
            res(T.bucketV2, "source", { bucket: "source", loggings: [{ targetBucket: "target", targetPrefix: "source/" }] }),
        ];
        assert.deepStrictEqual((await runOne(s3BucketAccessLoggingEnabled, stack)).diagnostics, []);
    });

    describePolicy(s3BucketPolicyNotPublic, {
        compliant: s3Stack,
        nonCompliant: [
            {
                name: "public read to everyone",
                resources: dataPolicy({
                    Sid: "PublicRead",
                    Effect: "Allow",
                    Principal: "*",
                    Action: "s3:GetObject",
                    Resource: "arn:aws:s3:::edf-data/*",
                }),
                expect: /The bucket policy of `data-policy` must not be public: statement `PublicRead` allows everyone/,
            },
            {
                name: "writes to {AWS: *} narrowed only by a negated condition",
                resources: dataPolicy({
                    Effect: "Allow",
                    Principal: { AWS: ["*"] },
                    Action: ["s3:PutObject", "s3:DeleteObject"],
                    Resource: "arn:aws:s3:::edf-data/*",
                    Condition: { StringNotEquals: { "aws:PrincipalOrgID": ORG } },
                }),
                expect: /statement `#2` allows everyone/,
            },
            {
                name: "a condition that only applies if present",
                resources: dataPolicy({ ...orgRead("edf-data"), Condition: { StringEqualsIfExists: { "aws:PrincipalOrgID": ORG } } }),
                expect: /statement `OrgRead` allows everyone/,
            },
            {
                name: "a principal ARN condition with a wildcard account",
                resources: dataPolicy({
                    ...orgRead("edf-data"),
                    Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/reader" } },
                }),
                expect: /statement `OrgRead` allows everyone/,
            },
            {
                name: "an Allow with NotPrincipal",
                resources: dataPolicy({
                    Sid: "AllButOne",
                    Effect: "Allow",
                    NotPrincipal: { AWS: "arn:aws:iam::111111111111:role/x" },
                    Action: "s3:*",
                    Resource: "*",
                }),
                expect: /statement `AllButOne` allows with `NotPrincipal`/,
            },
            {
                name: "an inline public policy on a bucket",
                resources: plus(
                    s3Stack,
                    res(T.bucket, "site", {
                        bucket: "site",
                        policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }),
                    }),
                ),
                expect: /The bucket policy of `site` must not be public/,
            },
            {
                name: "a source IP condition (not narrowing for S3 by default)",
                resources: dataPolicy({ ...orgRead("edf-data"), Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } }),
                expect: /statement `OrgRead` allows everyone/,
            },
        ],
        notApplicable: [
            { name: "resources other than buckets and bucket policies", resources: onlyTypes(s3Stack, T.glacierVault) },
            { name: "a bucket without an inline policy", resources: onlyTypes(s3Stack, T.bucket) },
        ],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: patched(s3Stack, T.bucketPolicy, "data-policy", { policy: UNKNOWN }),
            },
        ],
    });
    it("accepts a source IP condition when the config lists aws:SourceIp", async () => {
        const stack = dataPolicy({ ...orgRead("edf-data"), Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } })();
        const config = { "s3-bucket-policy-not-public": { narrowingConditionKeys: ["aws:PrincipalOrgID", "aws:SourceIp"] } };
        assert.deepStrictEqual((await runOne(s3BucketPolicyNotPublic, stack, { config })).diagnostics, []);
    });

    describePolicy(s3BucketPolicyNoLockout, {
        compliant: s3Stack,
        nonCompliant: [
            {
                name: "an unconditional deny of s3:* to everyone",
                resources: dataPolicy({ Sid: "Freeze", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" }),
                expect: /must not deny `s3:PutBucketPolicy` and `s3:DeleteBucketPolicy` to everyone without a condition \(statement `Freeze`\)/,
            },
            {
                name: "an unconditional deny of s3:Put* to {AWS: *}",
                resources: dataPolicy({ Effect: "Deny", Principal: { AWS: "*" }, Action: "s3:Put*", Resource: "*" }),
                expect: /must not deny `s3:PutBucketPolicy` to everyone/,
            },
        ],
        notApplicable: [{ name: "resources other than buckets and bucket policies", resources: onlyTypes(s3Stack, T.glacierVault) }],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: patched(s3Stack, T.bucketPolicy, "data-policy", { policy: UNKNOWN }),
            },
        ],
    });

    describePolicy(s3BucketAclNotPublic, {
        compliant: s3Stack,
        nonCompliant: [
            {
                name: "a public-read canned ACL on a bucket",
                resources: plus(s3Stack, res(T.bucket, "site", { bucket: "site", acl: "public-read" })),
                expect: /`site` must not use the public canned ACL `public-read`/,
            },
            {
                name: "a BucketAcl granting AllUsers",
                resources: plus(
                    s3Stack,
                    res(T.bucketAclV2, "data-acl", {
                        bucket: "edf-data",
                        accessControlPolicy: {
                            owner: { id: "owner" },
                            grants: [
                                {
                                    grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" },
                                    permission: "READ_ACP",
                                },
                            ],
                        },
                    }),
                ),
                expect: /`data-acl` must not grant access to the `AllUsers` group/,
            },
            {
                name: "a bucket grant to AuthenticatedUsers",
                resources: plus(
                    s3Stack,
                    res(T.bucketV2, "legacy", {
                        bucket: "legacy",
                        grants: [
                            { type: "Group", permissions: ["READ"], uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" },
                        ],
                    }),
                ),
                expect: /`legacy` must not grant access to the `AuthenticatedUsers` group/,
            },
            {
                name: "a public-read-write object",
                resources: patched(s3Stack, T.bucketObjectV2, "readme", { acl: "public-read-write" }),
                expect: /`readme` must not use the public canned ACL/,
            },
        ],
        notApplicable: [{ name: "resources other than buckets, ACLs and objects", resources: onlyTypes(s3Stack, T.glacierVault) }],
        unknown: [{ name: "the ACL is another resource's output", resources: patched(s3Stack, T.bucket, "data", { acl: UNKNOWN }) }],
    });

    describePolicy(s3BucketAclsDisabled, {
        compliant: s3Stack,
        nonCompliant: [
            {
                name: "ownership controls that keep ACLs",
                resources: patched(s3Stack, T.bucketOwnershipControls, "data-ownership", { rule: { objectOwnership: "ObjectWriter" } }),
                expect: /Ownership controls `data-ownership` must disable ACLs .*not `ObjectWriter`/,
            },
        ],
        notApplicable: [{ name: "resources other than ownership controls", resources: onlyTypes(s3Stack, T.bucket) }],
        unknown: [
            {
                name: "the ownership is another resource's output",
                resources: patched(s3Stack, T.bucketOwnershipControls, "data-ownership", { rule: { objectOwnership: UNKNOWN } }),
            },
        ],
    });

    describePolicy(s3BucketLifecycleConfigured, {
        compliant: s3Stack,
        nonCompliant: [
            {
                name: "a bucket without a lifecycle",
                resources: dropped(s3Stack, T.bucketLifecycle, "data-lifecycle"),
                expect: /S3 bucket `data` should have a lifecycle configuration/,
            },
            {
                name: "a lifecycle that aborts uploads under one prefix only",
                resources: patched(s3Stack, T.bucketLifecycle, "data-lifecycle", {
                    rules: [
                        {
                            id: "abort",
                            status: "Enabled",
                            filter: { prefix: "tmp/" },
                            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                        },
                    ],
                }),
                expect: /The lifecycle of S3 bucket `data` should abort incomplete multipart uploads of every object/,
            },
            {
                name: "a lifecycle for another stack's bucket that keeps unfinished uploads",
                resources: plus(
                    noBuckets,
                    res(T.bucketLifecycle, "shared-lifecycle", {
                        bucket: "other",
                        rules: [{ id: "e", status: "Enabled", filter: {}, expiration: { days: 9 } }],
                    }),
                ),
                expect: /Lifecycle configuration `shared-lifecycle` should abort incomplete multipart uploads/,
            },
            {
                name: "a lifecycle that only expires objects",
                resources: patched(s3Stack, T.bucketLifecycle, "data-lifecycle", {
                    rules: [{ id: "expire", status: "Enabled", filter: {}, expiration: { days: 30 } }],
                }),
                expect: /should abort incomplete multipart uploads/,
            },
        ],
        notApplicable: [{ name: "stacks without buckets", resources: noBuckets }],
        unknown: [
            {
                name: "the rules are another resource's output",
                resources: patched(s3Stack, T.bucketLifecycle, "data-lifecycle", { rules: UNKNOWN }),
            },
        ],
    });

    describePolicy(s3LogBucketObjectLockEnabled, {
        compliant: s3Stack,
        options: { environment: "prod" },
        nonCompliant: [
            {
                name: "a log archive without object lock",
                resources: patched(s3Stack, T.bucket, "logs", { objectLockEnabled: false }),
                expect: /Log-archive bucket `logs` must be created with object lock/,
            },
            {
                name: "a log archive without default retention",
                resources: dropped(s3Stack, T.bucketObjectLock, "logs-lock"),
                expect: /Log-archive bucket `logs` must lock objects by default/,
            },
        ],
        notApplicable: [
            { name: "dev", resources: dropped(s3Stack, T.bucketObjectLock, "logs-lock"), options: { environment: "dev" } },
            { name: "stacks without a log archive", resources: patched(s3Stack, T.bucket, "logs", { tags: {} }) },
        ],
        unknown: [
            {
                name: "object lock is another resource's output",
                resources: patched(s3Stack, T.bucket, "logs", { objectLockEnabled: UNKNOWN }),
            },
        ],
    });

    describePolicy(s3ObjectKmsEncrypted, {
        compliant: s3Stack,
        nonCompliant: [
            {
                name: "an object without a key",
                resources: patched(s3Stack, T.bucketObjectV2, "readme", { kmsKeyId: undefined }),
                expect: /S3 object `readme` should be encrypted with a customer managed KMS key: `kmsKeyId` is not set/,
            },
            {
                name: "an object copy on the AWS managed key",
                resources: plus(
                    s3Stack,
                    res(T.s3ObjectCopy, "copy", { bucket: "edf-data", key: "b", source: "edf-data/a", kmsKeyId: "alias/aws/s3" }),
                ),
                expect: /`copy` should be encrypted .*AWS managed key/,
            },
        ],
        notApplicable: [{ name: "resources other than objects", resources: onlyTypes(s3Stack, T.bucket) }],
        unknown: [
            {
                name: "the key is another resource's output",
                resources: patched(s3Stack, T.bucketObjectV2, "readme", { kmsKeyId: UNKNOWN }),
            },
        ],
    });

    describePolicy(s3AccessPointNotPublic, {
        compliant: s3Stack,
        nonCompliant: [
            {
                name: "an access point with its public access block off",
                resources: patched(s3Stack, T.s3AccessPoint, "data-ap", {
                    publicAccessBlockConfiguration: {
                        blockPublicAcls: false,
                        blockPublicPolicy: false,
                        ignorePublicAcls: true,
                        restrictPublicBuckets: false,
                    },
                }),
                expect: /S3 access point `data-ap` must keep blockPublicAcls, blockPublicPolicy, restrictPublicBuckets on/,
            },
            {
                name: "an access point policy for everyone",
                resources: plus(
                    s3Stack,
                    res(T.s3ControlAccessPointPolicy, "ap-policy", {
                        accessPointArn: "arn:ap",
                        policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }),
                    }),
                ),
                expect: /The policy of S3 access point `ap-policy` must not be public/,
            },
        ],
        notApplicable: [{ name: "resources other than access points", resources: onlyTypes(s3Stack, T.bucket) }],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: patched(s3Stack, T.s3AccessPoint, "data-ap", { policy: UNKNOWN }),
            },
        ],
    });

    describePolicy(glacierVaultPolicyNotPublic, {
        compliant: s3Stack,
        nonCompliant: [
            {
                name: "a vault open to everyone",
                resources: patched(s3Stack, T.glacierVault, "archive", {
                    accessPolicy: doc({ Sid: "Open", Effect: "Allow", Principal: "*", Action: "glacier:*", Resource: "*" }),
                }),
                expect: /Glacier vault `archive` must not be public: statement `Open` allows everyone/,
            },
        ],
        notApplicable: [{ name: "resources other than vaults", resources: onlyTypes(s3Stack, T.bucket) }],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: patched(s3Stack, T.glacierVault, "archive", { accessPolicy: UNKNOWN }),
            },
        ],
    });
});
