import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resourceName } from "../../platform/common/naming";
import { S3_ACCESS_LOGS_PREFIX } from "../../platform/contract";
import { childName, denyInsecureTransport, dependencyProblems } from "./dependency";
import { throwIfProblems } from "./errors";
import { resourceTags } from "./governance";
import { BucketAccess, bucketStatements } from "./iam-documents";
import type { ServiceIdentity } from "./service-identity";

/** Arguments of {@link Bucket}. */
export interface BucketArgs {
    /** The service that owns the bucket; its task role is granted `access`. */
    readonly service: ServiceIdentity;
    /** What the service does with the objects. @default "read-write" */
    readonly access?: BucketAccess;
}

/** Days after which an unfinished multipart upload is aborted (its parts are billed but unreadable). */
export const ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS = 7;

/** Longest `bucketPrefix` S3 allows (the provider appends a unique suffix). */
export const MAX_BUCKET_PREFIX = 37;

/** Problems with a bucket's arguments. Pure. */
export function bucketProblems(name: string, args: BucketArgs): string[] {
    const problems = dependencyProblems(name, args.service);
    if (args.access !== undefined && args.access !== "read" && args.access !== "read-write") {
        problems.push(`\`access\` is \`${String(args.access)}\`: use \`read\` or \`read-write\`.`);
    }
    return problems;
}

/**
 * An S3 bucket a service owns: SSE-KMS with the landing zone's data key (bucket key on),
 * versioned, every public-access block on, ACLs disabled, a policy refusing requests
 * without TLS, server access logs into the landing zone's access-logs bucket, unfinished
 * uploads aborted after a week; the service's task role gets exactly `access` on this
 * bucket's objects and the key (through S3 only).
 */
export class Bucket extends pulumi.ComponentResource {
    readonly bucket: aws.s3.Bucket;
    /** The bucket's name (generated from a prefix, so it is globally unique). */
    readonly bucketName: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;

    constructor(name: string, args: BucketArgs, opts: pulumi.ComponentResourceOptions = {}) {
        throwIfProblems(`Bucket \`${name}\``, bucketProblems(name, args));
        super("edf:services:Bucket", childName(args.service, name), {}, opts);
        const service = args.service;
        const { security } = service.landingZone;
        const child = (suffix: string) => childName(service, name, suffix);
        const prefix = `${resourceName([service.environment, service.serviceName, name], MAX_BUCKET_PREFIX - 1)}-`;

        this.bucket = new aws.s3.Bucket(
            childName(service, name),
            { bucketPrefix: prefix, forceDestroy: false, tags: resourceTags(service.tags, childName(service, name)) },
            { parent: this },
        );
        const parent = { parent: this.bucket };
        new aws.s3.BucketServerSideEncryptionConfiguration(
            child("encryption"),
            {
                bucket: this.bucket.id,
                rules: [
                    {
                        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: security.dataKmsKeyArn },
                        bucketKeyEnabled: true,
                    },
                ],
            },
            parent,
        );
        new aws.s3.BucketVersioning(
            child("versioning"),
            { bucket: this.bucket.id, versioningConfiguration: { status: "Enabled" } },
            parent,
        );
        new aws.s3.BucketPublicAccessBlock(
            child("public-access"),
            { bucket: this.bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            parent,
        );
        new aws.s3.BucketOwnershipControls(
            child("ownership"),
            { bucket: this.bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
            parent,
        );
        new aws.s3.BucketLogging(
            child("access-logs"),
            {
                bucket: this.bucket.id,
                targetBucket: security.accessLogsBucketName,
                targetPrefix: `${S3_ACCESS_LOGS_PREFIX}${service.serviceName}/${name}/`,
            },
            parent,
        );
        new aws.s3.BucketLifecycleConfiguration(
            child("lifecycle"),
            {
                bucket: this.bucket.id,
                rules: [
                    {
                        id: "abort-incomplete-uploads",
                        status: "Enabled",
                        filter: {},
                        abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS },
                    },
                ],
            },
            parent,
        );
        new aws.s3.BucketPolicy(
            child("tls-only"),
            {
                bucket: this.bucket.id,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [denyInsecureTransport("s3:*", [this.bucket.arn, pulumi.interpolate`${this.bucket.arn}/*`])],
                }),
            },
            parent,
        );
        service.grantTask(child("access"), bucketStatements(args.access ?? "read-write", this.bucket.arn, security.dataKmsKeyArn), this);

        this.bucketName = this.bucket.bucket;
        this.arn = this.bucket.arn;
        this.registerOutputs({ bucketName: this.bucketName, arn: this.arn });
    }
}
