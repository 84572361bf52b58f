import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";
import type { AccountScope } from "./policy-document";
import { SECURITY_EVENTS } from "./security-events";

/** Arguments of {@link SecurityAlarms}. */
export interface SecurityAlarmsArgs {
    /** The account, region and partition the topic policy is written for. */
    readonly scope: AccountScope;
    /** Prefix of physical names, e.g. `edf-dev`. */
    readonly namePrefix: string;
    /** The log group the audit trail delivers to. */
    readonly logGroupName: pulumi.Input<string>;
    /** The logs key encrypting the alarm topic. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** The metric namespace of the filters. @default "EDF/Security" */
    readonly namespace?: string;
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
}

export const DEFAULT_SECURITY_METRIC_NAMESPACE = "EDF/Security";

/** The alarm topic's policy: CloudWatch alarms of this account may publish, only over TLS. Pure. */
export function alarmTopicPolicy(topicArn: string, scope: AccountScope): Record<string, unknown> {
    const partition = scope.partition ?? "aws";
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "CloudWatchAlarmsOfThisAccount",
                Effect: "Allow",
                Principal: { Service: "cloudwatch.amazonaws.com" },
                Action: "sns:Publish",
                Resource: topicArn,
                Condition: {
                    StringEquals: { "aws:SourceAccount": scope.accountId },
                    ArnLike: { "aws:SourceArn": `arn:${partition}:cloudwatch:${scope.region}:${scope.accountId}:alarm:*` },
                },
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
 * A metric filter and an alarm on the audit trail's log group for each kind of account activity
 * the CIS benchmark names (root use, sign-in without MFA, policy, trail, key, network and
 * organisation changes…), publishing to a KMS-encrypted topic the security team subscribes to.
 */
export class SecurityAlarms extends pulumi.ComponentResource {
    readonly topicArn: pulumi.Output<string>;

    constructor(name: string, args: SecurityAlarmsArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:security:SecurityAlarms", name, {}, opts);
        const parent = { parent: this };
        const namespace = args.namespace ?? DEFAULT_SECURITY_METRIC_NAMESPACE;
        const topicName = `${args.namePrefix}-security-alarms`;
        const topic = new aws.sns.Topic(
            name,
            { name: topicName, kmsMasterKeyId: args.kmsKeyArn, tags: withGovernanceTags(args.tags, topicName) },
            parent,
        );
        new aws.sns.TopicPolicy(
            name,
            { arn: topic.arn, policy: topic.arn.apply((arn) => JSON.stringify(alarmTopicPolicy(arn, args.scope))) },
            parent,
        );
        for (const event of SECURITY_EVENTS) {
            const metricName = `${args.namePrefix}-${event.id}`;
            new aws.cloudwatch.LogMetricFilter(
                `${name}-${event.id}`,
                {
                    name: metricName,
                    logGroupName: args.logGroupName,
                    pattern: event.pattern,
                    metricTransformation: { name: metricName, namespace, value: "1" },
                },
                parent,
            );
            new aws.cloudwatch.MetricAlarm(
                `${name}-${event.id}`,
                {
                    name: metricName,
                    alarmDescription: event.description,
                    namespace,
                    metricName,
                    statistic: "Sum",
                    period: 300,
                    evaluationPeriods: 1,
                    threshold: 1,
                    comparisonOperator: "GreaterThanOrEqualToThreshold",
                    treatMissingData: "notBreaching",
                    actionsEnabled: true,
                    alarmActions: [topic.arn],
                    tags: withGovernanceTags(args.tags, metricName),
                },
                parent,
            );
        }
        this.topicArn = topic.arn;
        this.registerOutputs({ topicArn: this.topicArn });
    }
}
