import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";

/** Arguments of {@link VpcFlowLogs}. */
export interface VpcFlowLogsArgs {
    /** The VPC to log. */
    readonly vpcId: pulumi.Input<string>;
    /** Name of the CloudWatch Logs group receiving the records. */
    readonly logGroupName: string;
    /** KMS key encrypting the log group (the landing zone's logs key). */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Days to keep the records. @default 365 */
    readonly retentionInDays?: number;
    /** Governance tags. */
    readonly tags: Tags;
}

/** PCI DSS 10.5.1 asks for a year of audit history. */
export const DEFAULT_FLOW_LOG_RETENTION_DAYS = 365;

/**
 * VPC flow logs for ALL traffic (accepted and rejected) to a KMS-encrypted
 * CloudWatch Logs group, delivered by a role only the flow-logs service of this
 * account can assume and that can write only to that group.
 */
export class VpcFlowLogs extends pulumi.ComponentResource {
    readonly logGroupName: pulumi.Output<string>;

    constructor(name: string, args: VpcFlowLogsArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:network:FlowLogs", name, {}, opts);
        const parent = { parent: this };
        const retentionInDays = args.retentionInDays ?? DEFAULT_FLOW_LOG_RETENTION_DAYS;
        const account = aws.getCallerIdentityOutput({}, parent);

        const group = new aws.cloudwatch.LogGroup(
            name,
            {
                name: args.logGroupName,
                kmsKeyId: args.kmsKeyArn,
                retentionInDays,
                tags: withGovernanceTags(args.tags, args.logGroupName),
            },
            parent,
        );

        const role = new aws.iam.Role(
            `${name}-delivery`,
            {
                description: "Delivers VPC flow logs to their log group",
                assumeRolePolicy: account.accountId.apply((accountId) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow",
                                Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                                Action: "sts:AssumeRole",
                                // Confused-deputy guard: only flow logs of this account.
                                Condition: { StringEquals: { "aws:SourceAccount": accountId } },
                            },
                        ],
                    }),
                ),
                tags: withGovernanceTags(args.tags, `${name}-delivery`),
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
                            {
                                Effect: "Allow",
                                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                                Resource: [arn, `${arn}:*`],
                            },
                        ],
                    }),
                ),
            },
            parent,
        );

        new aws.ec2.FlowLog(
            name,
            {
                vpcId: args.vpcId,
                trafficType: "ALL",
                logDestinationType: "cloud-watch-logs",
                logDestination: group.arn,
                iamRoleArn: role.arn,
                maxAggregationInterval: 60,
                tags: withGovernanceTags(args.tags, name),
            },
            parent,
        );

        this.logGroupName = group.name;
        this.registerOutputs({ logGroupName: this.logGroupName });
    }
}
