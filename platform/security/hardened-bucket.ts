import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";
import type { PolicyDocument } from "./policy-document";

/** Object lock settings of a bucket. */
export interface ObjectLockSettings {
    /** `GOVERNANCE` (privileged users may override) or `COMPLIANCE` (nobody may, not even root). */
    readonly mode: "GOVERNANCE" | "COMPLIANCE";
    /** Days each object version is locked. */
    readonly days: number;
}

/** Lifecycle of a log bucket. */
export interface LogLifecycle {
    /** Days before objects move to Glacier Flexible Retrieval. */
    readonly coldAfterDays: number;
    /** Days before objects expire. */
    readonly expireAfterDays: number;
}

/** Where a bucket delivers its S3 server access logs. */
export interface AccessLogging {
    /** The bucket receiving the logs (not this one: a log target must not log into itself). */
    readonly targetBucket: pulumi.Input<string>;
    /** Key prefix of this bucket's logs in the target, e.g. `s3/log-archive/`. */
    readonly targetPrefix: string;
    /** Resources delivery must wait for (the target's bucket policy). @default [] */
    readonly dependsOn?: pulumi.Resource[];
}

/** Arguments of {@link HardenedBucket}. */
export interface HardenedBucketArgs {
    /** The bucket's globally unique name. */
    readonly bucketName: string;
    /** Default encryption: a KMS key ARN (SSE-KMS), or `"sse-s3"` where a service cannot use KMS. */
    readonly encryption: pulumi.Input<string> | "sse-s3";
    /** The bucket policy, given the bucket's ARN; it should include the TLS-only statements. */
    readonly policy: (bucketArn: string) => PolicyDocument;
    /** Lifecycle: when objects go cold and when they expire. */
    readonly lifecycle: LogLifecycle;
    /**
     * Server access logging into another bucket. @default - none: the bucket is itself the
     * access-log target (AWS advises a log target not to log into itself)
     */
    readonly accessLogging?: AccessLogging;
    /** Object lock. @default - none */
    readonly objectLock?: ObjectLockSettings;
    /** The bucket's role tag (`edf:role`), e.g. `log-archive`. */
    readonly role: string;
    /** Protect the bucket against deletion and replacement. @default true */
    readonly protect?: boolean;
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
}

/**
 * An S3 bucket built to hold evidence: versioned, encrypted by default, all public
 * access blocked, ACLs disabled (bucket owner enforced), TLS-only policy, lifecycle
 * to cold storage, optional object lock and server access logging, and never emptied
 * by a destroy.
 */
export class HardenedBucket extends pulumi.ComponentResource {
    readonly bucketName: pulumi.Output<string>;
    readonly bucketArn: pulumi.Output<string>;
    /** The last of the bucket's settings; depend on it before delivering into the bucket. */
    readonly ready: pulumi.Resource[];

    constructor(name: string, args: HardenedBucketArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:security:HardenedBucket", name, {}, opts);
        const parent = { parent: this };
        const bucket = new aws.s3.Bucket(
            name,
            {
                bucket: args.bucketName,
                forceDestroy: false,
                objectLockEnabled: args.objectLock !== undefined,
                tags: withGovernanceTags(args.tags, args.bucketName, { "edf:role": args.role }),
            },
            { parent: this, protect: args.protect ?? true },
        );
        const bucketRef = { bucket: bucket.id };

        const ownership = new aws.s3.BucketOwnershipControls(
            name,
            { ...bucketRef, rule: { objectOwnership: "BucketOwnerEnforced" } },
            parent,
        );
        const publicAccess = new aws.s3.BucketPublicAccessBlock(
            name,
            {
                ...bucketRef,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            parent,
        );
        const versioning = new aws.s3.BucketVersioning(name, { ...bucketRef, versioningConfiguration: { status: "Enabled" } }, parent);
        const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
            name,
            {
                ...bucketRef,
                rules: [
                    args.encryption === "sse-s3"
                        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
                        : {
                              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.encryption },
                              bucketKeyEnabled: true,
                          },
                ],
            },
            parent,
        );
        const policy = new aws.s3.BucketPolicy(
            name,
            {
                ...bucketRef,
                policy: bucket.arn.apply((arn) => JSON.stringify(args.policy(arn))),
            },
            { parent: this, dependsOn: [publicAccess] },
        );
        const lifecycle = new aws.s3.BucketLifecycleConfiguration(
            name,
            {
                ...bucketRef,
                rules: [
                    {
                        id: "cold-storage-then-expire",
                        status: "Enabled",
                        filter: {},
                        transitions: [{ days: args.lifecycle.coldAfterDays, storageClass: "GLACIER" }],
                        expiration: { days: args.lifecycle.expireAfterDays },
                        noncurrentVersionTransitions: [{ noncurrentDays: args.lifecycle.coldAfterDays, storageClass: "GLACIER" }],
                        noncurrentVersionExpiration: { noncurrentDays: args.lifecycle.expireAfterDays },
                    },
                    {
                        id: "abort-incomplete-uploads",
                        status: "Enabled",
                        filter: {},
                        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                    },
                ],
            },
            { parent: this, dependsOn: [versioning] },
        );
        const ready: pulumi.Resource[] = [ownership, publicAccess, versioning, encryption, policy, lifecycle];
        if (args.accessLogging) {
            ready.push(
                new aws.s3.BucketLogging(
                    name,
                    { ...bucketRef, targetBucket: args.accessLogging.targetBucket, targetPrefix: args.accessLogging.targetPrefix },
                    { parent: this, dependsOn: args.accessLogging.dependsOn ?? [] },
                ),
            );
        }
        if (args.objectLock) {
            ready.push(
                new aws.s3.BucketObjectLockConfiguration(
                    name,
                    {
                        ...bucketRef,
                        rule: { defaultRetention: { mode: args.objectLock.mode, days: args.objectLock.days } },
                    },
                    { parent: this, dependsOn: [versioning] },
                ),
            );
        }
        this.bucketName = bucket.bucket;
        this.bucketArn = bucket.arn;
        this.ready = ready;
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn });
    }
}
