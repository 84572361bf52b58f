import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";
import type { AccountScope } from "./policy-document";

/** Arguments of {@link AuditTrail}. */
export interface AuditTrailArgs {
    /** The account, region and partition the policies are written for. */
    readonly scope: AccountScope;
    /** The trail's name (its ARN is derived from it, for bucket-policy conditions). */
    readonly trailName: string;
    /** The log-archive bucket receiving the trail under `cloudtrail/`. */
    readonly bucketName: pulumi.Input<string>;
    /** The logs key encrypting the trail and its log group. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Days the CloudWatch Logs copy is kept. @default 365 */
    readonly logRetentionInDays?: number;
    /** Resources the trail must wait for (the bucket policy). @default [] */
    readonly dependsOn?: pulumi.Resource[];
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
}

/** ARN of a trail of this account by name (known before the trail exists). */
export function trailArn(scope: AccountScope, trailName: string): string {
    return `arn:${scope.partition ?? "aws"}:cloudtrail:${scope.region}:${scope.accountId}:trail/${trailName}`;
}

/**
 * The policy of the trail's delivery topic: only this trail may publish, and only over TLS.
 * Pure, so the statements can be tested without a program run.
 */
export function deliveryTopicPolicy(topicArn: string, trail: string): Record<string, unknown> {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "CloudTrailOfThisTrail",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "sns:Publish",
                Resource: topicArn,
                Condition: { StringEquals: { "aws:SourceArn": trail } },
            },
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "sns:Publish",
                Resource: topicArn,
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    };
}

/**
 * A multi-region CloudTrail with log-file validation, encrypted with the logs key,
 * delivered to the log archive and to a KMS-encrypted CloudWatch Logs group (for
 * alerting), through a role only CloudTrail of this account can assume. It records
 * management events and S3 object writes (data events) of every bucket but the archive. Each delivery
 * is announced on a KMS-encrypted SNS topic only this trail may publish to, so a stop in
 * delivery can be noticed by whoever subscribes.
 */
export class AuditTrail extends pulumi.ComponentResource {
    readonly trailArn: pulumi.Output<string>;
    /** The CloudWatch Logs group the trail delivers to (for metric filters). */
    readonly logGroupName: string;

    constructor(name: string, args: AuditTrailArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:security:AuditTrail", name, {}, opts);
        const parent = { parent: this };
        this.logGroupName = `/edf/cloudtrail/${args.trailName}`;
        const group = new aws.cloudwatch.LogGroup(
            name,
            {
                name: this.logGroupName,
                kmsKeyId: args.kmsKeyArn,
                retentionInDays: args.logRetentionInDays ?? 365,
                tags: withGovernanceTags(args.tags, args.trailName),
            },
            parent,
        );
        const role = new aws.iam.Role(
            `${name}-delivery`,
            {
                description: "Delivers CloudTrail events to CloudWatch Logs",
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { Service: "cloudtrail.amazonaws.com" },
                            Action: "sts:AssumeRole",
                            Condition: { StringEquals: { "aws:SourceArn": trailArn(args.scope, args.trailName) } },
                        },
                    ],
                }),
                tags: withGovernanceTags(args.tags, `${args.trailName}-delivery`),
            },
            parent,
        );
        new aws.iam.RolePolicy(
            `${name}-delivery`,
            {
                role: role.id,
                policy: group.arn.apply((arn) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${arn}:log-stream:*` },
                        ],
                    }),
                ),
            },
            parent,
        );
        const topic = new aws.sns.Topic(
            `${name}-deliveries`,
            {
                name: `${args.trailName}-deliveries`,
                kmsMasterKeyId: args.kmsKeyArn,
                tags: withGovernanceTags(args.tags, `${args.trailName}-deliveries`),
            },
            parent,
        );
        const arnOfTrail = trailArn(args.scope, args.trailName);
        const partition = args.scope.partition ?? "aws";
        const topicPolicy = new aws.sns.TopicPolicy(
            `${name}-deliveries`,
            { arn: topic.arn, policy: topic.arn.apply((arn) => JSON.stringify(deliveryTopicPolicy(arn, arnOfTrail))) },
            parent,
        );
        const trail = new aws.cloudtrail.Trail(
            name,
            {
                name: args.trailName,
                s3BucketName: args.bucketName,
                s3KeyPrefix: "cloudtrail",
                isMultiRegionTrail: true,
                includeGlobalServiceEvents: true,
                enableLogFileValidation: true,
                enableLogging: true,
                kmsKeyId: args.kmsKeyArn,
                cloudWatchLogsGroupArn: pulumi.interpolate`${group.arn}:*`,
                cloudWatchLogsRoleArn: role.arn,
                snsTopicName: topic.name,
                // Management events as before, plus who wrote which object in every bucket but the
                // archive itself (logging the bucket that receives the logs would log its own deliveries).
                advancedEventSelectors: [
                    { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
                    {
                        name: "S3 object writes",
                        fieldSelectors: [
                            { field: "eventCategory", equals: ["Data"] },
                            { field: "resources.type", equals: ["AWS::S3::Object"] },
                            { field: "readOnly", equals: ["false"] },
                            { field: "resources.ARN", notStartsWiths: [pulumi.interpolate`arn:${partition}:s3:::${args.bucketName}/`] },
                        ],
                    },
                ],
                tags: withGovernanceTags(args.tags, args.trailName),
            },
            { parent: this, dependsOn: [...(args.dependsOn ?? []), topicPolicy] },
        );
        this.trailArn = trail.arn;
        this.registerOutputs({ trailArn: this.trailArn });
    }
}

/** Arguments of {@link ConfigRecording}. */
export interface ConfigRecordingArgs {
    /** Prefix of physical names and `Name` tags, e.g. `edf-dev`. */
    readonly namePrefix: string;
    /** The log-archive bucket receiving snapshots under `config/`. */
    readonly bucketName: pulumi.Input<string>;
    /** The logs key encrypting what is delivered. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Resources delivery must wait for (the bucket's policy and encryption). @default [] */
    readonly dependsOn?: pulumi.Resource[];
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
}

/** AWS Config recording every supported resource type (global ones too), delivered to the log archive. */
export class ConfigRecording extends pulumi.ComponentResource {
    constructor(name: string, args: ConfigRecordingArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:security:ConfigRecording", name, {}, opts);
        const parent = { parent: this };
        const role = new aws.iam.Role(
            `${name}-recorder`,
            {
                description: "AWS Config recorder",
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: { Service: "config.amazonaws.com" }, Action: "sts:AssumeRole" }],
                }),
                tags: withGovernanceTags(args.tags, `${args.namePrefix}-config-recorder`),
            },
            parent,
        );
        new aws.iam.RolePolicyAttachment(
            `${name}-recorder`,
            {
                role: role.name,
                policyArn: "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole",
            },
            parent,
        );
        const recorder = new aws.cfg.Recorder(
            name,
            {
                name: `${args.namePrefix}-recorder`,
                roleArn: role.arn,
                recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
            },
            parent,
        );
        const channel = new aws.cfg.DeliveryChannel(
            name,
            {
                name: `${args.namePrefix}-delivery`,
                s3BucketName: args.bucketName,
                s3KeyPrefix: "config",
                s3KmsKeyArn: args.kmsKeyArn,
                snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
            },
            { parent: this, dependsOn: [recorder, ...(args.dependsOn ?? [])] },
        );
        new aws.cfg.RecorderStatus(name, { name: recorder.name, isEnabled: true }, { parent: this, dependsOn: [channel] });
        this.registerOutputs({});
    }
}
