import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";

/** Arguments of {@link ApiGatewayLogging}. */
export interface ApiGatewayLoggingArgs {
    /** Physical name of the role API Gateway writes logs with (≤ 64 characters). */
    readonly roleName: string;
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
}

/** What API Gateway needs to write execution and access logs of REST API stages. Pure. */
export function apiGatewayLoggingStatements(partition: string, region: string, accountId: string): Record<string, unknown>[] {
    const groups = `arn:${partition}:logs:${region}:${accountId}:log-group:*`;
    return [
        {
            Sid: "WriteStageLogs",
            Effect: "Allow",
            Action: [
                "logs:CreateLogGroup",
                "logs:CreateLogStream",
                "logs:DescribeLogStreams",
                "logs:PutLogEvents",
                "logs:GetLogEvents",
                "logs:FilterLogEvents",
            ],
            Resource: [groups, `${groups}:log-stream:*`],
        },
        {
            // Listing log groups names no group: CloudWatch Logs grants it on `*` only (scoped, it was never granted).
            Sid: "FindStageLogGroups",
            Effect: "Allow",
            Action: "logs:DescribeLogGroups",
            Resource: "*",
        },
    ];
}

/**
 * The region's API Gateway account setting: the role API Gateway writes CloudWatch logs
 * with. REST API stages can log (execution logs and access logs) only once it is set,
 * and it is one setting per account and region — so the landing zone owns it, never a
 * service. The role trusts API Gateway of this account only (`aws:SourceAccount`) and
 * may write to this account's log groups in this region; each service's `HttpApi`
 * creates its own log groups (KMS, retention) before its stage logs to them.
 */
export class ApiGatewayLogging extends pulumi.ComponentResource {
    readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: ApiGatewayLoggingArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:shared:ApiGatewayLogging", name, {}, opts);
        const parent = { parent: this };
        const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
        const region = aws.getRegionOutput({}, parent).region;
        const partition = aws.getPartitionOutput({}, parent).partition;

        const role = new aws.iam.Role(
            `${name}-role`,
            {
                name: args.roleName,
                description: "API Gateway writes REST API stage logs to CloudWatch Logs with this role",
                assumeRolePolicy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { Service: "apigateway.amazonaws.com" },
                            Action: "sts:AssumeRole",
                            Condition: { StringEquals: { "aws:SourceAccount": accountId } },
                        },
                    ],
                }),
                tags: withGovernanceTags(args.tags, args.roleName),
            },
            parent,
        );
        new aws.iam.RolePolicy(
            `${name}-logs`,
            {
                role: role.id,
                name: "write-stage-logs",
                policy: pulumi
                    .all([partition, region, accountId])
                    .apply(([p, r, a]) => JSON.stringify({ Version: "2012-10-17", Statement: apiGatewayLoggingStatements(p, r, a) })),
            },
            { parent: role },
        );
        new aws.apigateway.Account(name, { cloudwatchRoleArn: role.arn }, parent);

        this.roleArn = role.arn;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
