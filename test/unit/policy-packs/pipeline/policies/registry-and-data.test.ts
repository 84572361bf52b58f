import { dynamodbTableKmsEncrypted } from "../../../../../policy-packs/pipeline/policies/dynamodb-table-kms-encrypted";
import { ebsVolumeEncrypted } from "../../../../../policy-packs/pipeline/policies/ebs-volume-encrypted";
import { ecrScanningEnabled } from "../../../../../policy-packs/pipeline/policies/ecr-scanning-enabled";
import { ecrTagsImmutable } from "../../../../../policy-packs/pipeline/policies/ecr-tags-immutable";
import { efsFileSystemEncrypted } from "../../../../../policy-packs/pipeline/policies/efs-file-system-encrypted";
import { kmsKeyRotationEnabled } from "../../../../../policy-packs/pipeline/policies/kms-key-rotation-enabled";
import { rdsBackupsEnabled } from "../../../../../policy-packs/pipeline/policies/rds-backups-enabled";
import { rdsMultiAzInProduction } from "../../../../../policy-packs/pipeline/policies/rds-multi-az-in-production";
import { rdsNotPubliclyAccessible } from "../../../../../policy-packs/pipeline/policies/rds-not-publicly-accessible";
import { rdsStorageEncrypted } from "../../../../../policy-packs/pipeline/policies/rds-storage-encrypted";
import { s3BucketKmsEncrypted } from "../../../../../policy-packs/pipeline/policies/s3-bucket-kms-encrypted";
import { s3BucketPublicAccessBlocked } from "../../../../../policy-packs/pipeline/policies/s3-bucket-public-access-blocked";
import { s3BucketTlsOnly } from "../../../../../policy-packs/pipeline/policies/s3-bucket-tls-only";
import { sqsQueueEncrypted } from "../../../../../policy-packs/pipeline/policies/sqs-queue-encrypted";
import { changeProps, changeRecord, compliantEstate, urnOf, withoutResources } from "../../../../fixtures/policy/estate";
import { describePolicy } from "../../support/policy-cases";

const REPO = "aws:ecr/repository:Repository";
const BUCKET = "aws:s3/bucket:Bucket";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const BP = "aws:s3/bucketPolicy:BucketPolicy";
const DB = "aws:rds/instance:Instance";
const only =
    (...types: string[]) =>
    () =>
        compliantEstate().filter((r) => types.includes(r.type));
const set = (type: string, name: string, patch: Record<string, unknown>) => () =>
    changeProps(compliantEstate(), type, name, (p) => ({ ...p, ...patch }));

describe("registry policies", () => {
    describePolicy(ecrScanningEnabled, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a repository without scan-on-push nor enhanced scanning",
                resources: set(REPO, "payments", { imageScanningConfiguration: { scanOnPush: false } }),
                expect: /`payments` must be scanned/,
            },
        ],
        notApplicable: [{ name: "stacks without repositories", resources: only(BUCKET) }],
    });
    it("accepts registry-wide enhanced scanning instead of scan-on-push", async () => {
        const { runOne } = await import("../../support/policy-cases");
        const estate = [
            ...set(REPO, "payments", { imageScanningConfiguration: { scanOnPush: false } })(),
            {
                type: "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration",
                name: "registry",
                urn: urnOf("aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration", "registry"),
                props: {
                    scanType: "ENHANCED",
                    rules: [{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "*", filterType: "WILDCARD" }] }],
                },
            },
        ];
        const result = await runOne(ecrScanningEnabled, estate);
        if (result.diagnostics.length > 0) throw new Error(JSON.stringify(result.diagnostics));
    });
    describePolicy(ecrTagsImmutable, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "mutable tags",
                resources: set(REPO, "payments", { imageTagMutability: "MUTABLE" }),
                expect: /must make tags immutable/,
            },
        ],
        notApplicable: [{ name: "resources other than repositories", resources: only(BUCKET) }],
    });
});

describe("data policies", () => {
    describePolicy(s3BucketKmsEncrypted, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a bucket without an encryption configuration",
                resources: () => withoutResources(compliantEstate(), SSE, "data-sse"),
                expect: /S3 bucket `data` must be encrypted by default with KMS/,
            },
            {
                name: "a bucket encrypted with S3-managed keys only",
                resources: set(SSE, "data-sse", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }),
                expect: /`data` must be encrypted/,
            },
        ],
        notApplicable: [{ name: "stacks without buckets", resources: only(DB) }],
    });
    describePolicy(s3BucketPublicAccessBlocked, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a bucket without a public access block",
                resources: () => withoutResources(compliantEstate(), PAB, "logs-pab"),
                expect: /`logs` must have an aws\.s3\.BucketPublicAccessBlock/,
            },
            {
                name: "a block that allows public policies",
                resources: set(PAB, "data-pab", { blockPublicPolicy: false }),
                expect: /must turn on blockPublicPolicy/,
            },
            {
                name: "a block that belongs to another bucket",
                resources: () =>
                    changeRecord(compliantEstate(), PAB, "data-pab", (r) => ({
                        ...r,
                        propertyDependencies: { bucket: [urnOf(BUCKET, "logs")] },
                    })),
                expect: /`data` must have an aws\.s3\.BucketPublicAccessBlock/,
            },
        ],
        notApplicable: [{ name: "stacks without buckets", resources: only(DB) }],
    });
    describePolicy(s3BucketTlsOnly, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a bucket without a TLS-only policy",
                resources: () => withoutResources(compliantEstate(), BP, "data-policy"),
                expect: /`data` must have a bucket policy denying requests without TLS/,
            },
        ],
        notApplicable: [{ name: "stacks without buckets", resources: only(DB) }],
    });
    describePolicy(rdsStorageEncrypted, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "unencrypted storage",
                resources: set(DB, "db", { storageEncrypted: false }),
                expect: /RDS instance `db` must set `storageEncrypted: true`/,
            },
        ],
        notApplicable: [{ name: "resources other than databases", resources: only(BUCKET) }],
    });
    describePolicy(rdsNotPubliclyAccessible, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a public database",
                resources: set(DB, "db", { publiclyAccessible: true }),
                expect: /must not be publicly accessible/,
            },
        ],
        notApplicable: [{ name: "resources other than databases", resources: only(BUCKET) }],
    });
    describePolicy(rdsBackupsEnabled, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "backups kept one day",
                resources: set(DB, "db", { backupRetentionPeriod: 1 }),
                expect: /at least 7 days \(`backupRetentionPeriod` is 1\)/,
            },
            {
                name: "a stricter configured minimum",
                resources: compliantEstate,
                expect: /at least 14 days/,
                options: { config: { "rds-backups-enabled": { minRetentionDays: 14 } } },
            },
        ],
        notApplicable: [{ name: "read replicas", resources: set(DB, "db", { replicateSourceDb: "primary", backupRetentionPeriod: 0 }) }],
    });
    describePolicy(rdsMultiAzInProduction, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a single-AZ production database",
                resources: set(DB, "db", { multiAz: false }),
                expect: /must be Multi-AZ in production/,
            },
        ],
        notApplicable: [
            { name: "a single-AZ database in dev", resources: set(DB, "db", { multiAz: false }), options: { environment: "dev" } },
        ],
    });
    describePolicy(ebsVolumeEncrypted, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "an unencrypted volume",
                resources: set("aws:ebs/volume:Volume", "scratch", { encrypted: false }),
                expect: /EBS volume `scratch` must be encrypted/,
            },
        ],
        notApplicable: [{ name: "resources other than volumes", resources: only(DB) }],
    });
    describePolicy(efsFileSystemEncrypted, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "an unencrypted file system",
                resources: set("aws:efs/fileSystem:FileSystem", "shared", { encrypted: undefined }),
                expect: /EFS file system `shared` must be encrypted/,
            },
        ],
        notApplicable: [{ name: "resources other than file systems", resources: only(DB) }],
    });
    describePolicy(dynamodbTableKmsEncrypted, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a table on the AWS owned key",
                resources: set("aws:dynamodb/table:Table", "sessions", { serverSideEncryption: undefined }),
                expect: /`sessions` must be encrypted with KMS/,
            },
        ],
        notApplicable: [{ name: "resources other than tables", resources: only(DB) }],
    });
    describePolicy(sqsQueueEncrypted, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a queue with SSE turned off",
                resources: set("aws:sqs/queue:Queue", "jobs", { kmsMasterKeyId: undefined, sqsManagedSseEnabled: false }),
                expect: /SSE-SQS was turned off/,
            },
            {
                name: "a queue without any encryption setting",
                resources: set("aws:sqs/queue:Queue", "jobs", { kmsMasterKeyId: undefined }),
                expect: /set `kmsMasterKeyId` or `sqsManagedSseEnabled: true`/,
            },
        ],
        notApplicable: [{ name: "resources other than queues", resources: only(DB) }],
    });
    describePolicy(kmsKeyRotationEnabled, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a key without rotation",
                resources: set("aws:kms/key:Key", "data", { enableKeyRotation: false }),
                expect: /KMS key `data` must rotate automatically/,
            },
        ],
        notApplicable: [
            {
                name: "asymmetric signing keys",
                resources: set("aws:kms/key:Key", "data", {
                    enableKeyRotation: false,
                    customerMasterKeySpec: "RSA_2048",
                    keyUsage: "SIGN_VERIFY",
                }),
            },
        ],
    });
});
