import type * as pulumi from "@pulumi/pulumi";
import { kmsViaServiceStatement, logStreamsOf, PolicyStatement } from "./iam-documents";

/** Trust policy letting Lambda (and only Lambda) assume a function's role. */
export function lambdaTrustPolicy(): Record<string, unknown> {
    return {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    };
}

/** Where a function runs: the account, region and partition its network interfaces live in. */
export interface AccountScope {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
}

/** What a function's execution role needs besides the caller's own grants. */
export interface FunctionExecutionGrants {
    /** The function's physical name (the environment key's encryption context names it). */
    readonly functionName: string;
    readonly logGroupArn: pulumi.Input<string>;
    readonly deadLetterQueueArn: pulumi.Input<string>;
    /** The landing zone's data key: environment variables and the dead-letter queue. */
    readonly dataKmsKeyArn: pulumi.Input<string>;
    readonly scope: AccountScope;
}

/**
 * The execution role of a function in the VPC, least privilege: write its own log
 * streams, send traces (X-Ray has no resource-level permissions: `*`), manage network
 * interfaces in this account and region only (Lambda creates them with the function's
 * role; the describe actions have no resource level), send to its own dead-letter queue
 * (the data key through SQS only), and decrypt its own environment (the data key through
 * Lambda only, for this function's encryption context). Pure.
 */
export function functionExecutionStatements(grants: FunctionExecutionGrants): PolicyStatement[] {
    const { partition, region, accountId } = grants.scope;
    const ec2 = (resource: string) => `arn:${partition}:ec2:${region}:${accountId}:${resource}/*`;
    return [
        {
            Sid: "WriteOwnLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: logStreamsOf(grants.logGroupArn),
        },
        { Sid: "SendTraces", Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource: "*" },
        {
            Sid: "DescribeNetwork",
            Effect: "Allow",
            Action: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"],
            Resource: "*",
        },
        {
            Sid: "ManageNetworkInterfaces",
            Effect: "Allow",
            Action: [
                "ec2:CreateNetworkInterface",
                "ec2:DeleteNetworkInterface",
                "ec2:AssignPrivateIpAddresses",
                "ec2:UnassignPrivateIpAddresses",
            ],
            Resource: [ec2("network-interface"), ec2("subnet"), ec2("security-group")],
        },
        { Sid: "SendToOwnDeadLetterQueue", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: grants.deadLetterQueueArn },
        kmsViaServiceStatement("DeadLetterQueueKey", grants.dataKmsKeyArn, "sqs", ["kms:Decrypt", "kms:GenerateDataKey"]),
        {
            Sid: "DecryptOwnEnvironment",
            Effect: "Allow",
            Action: ["kms:Decrypt"],
            Resource: grants.dataKmsKeyArn,
            Condition: {
                StringLike: { "kms:ViaService": "lambda.*.amazonaws.com" },
                StringEquals: { "kms:EncryptionContext:LambdaFunctionName": grants.functionName },
            },
        },
    ];
}

/** Actions IAM cannot scope to a resource: AWS requires `Resource: "*"` for them. */
export const ACTIONS_WITHOUT_RESOURCE_LEVEL: readonly string[] = [
    "cloudwatch:PutMetricData",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeSubnets",
    "ecr:GetAuthorizationToken",
    "secretsmanager:GetRandomPassword",
    "xray:PutTelemetryRecords",
    "xray:PutTraceSegments",
];

/** Actions that grant everything on a service, or everything: never part of a function's grants. */
export function isWildcardAction(action: string): boolean {
    return action === "*" || /^[a-z0-9-]+:\*$/i.test(action);
}

/**
 * Problems with statements a caller grants a function: each must name its actions (no
 * `*`, no `<service>:*`) and its resources (no `Resource: "*"`, except for actions IAM
 * cannot scope); values that are not known yet (Outputs) are not judged here. Pure.
 */
export function grantProblems(statements: readonly PolicyStatement[] | undefined, argument = "grants"): string[] {
    const problems: string[] = [];
    (statements ?? []).forEach((statement, index) => {
        const at = (field = "") => `\`${argument}[${index}]${field}\``;
        if (typeof statement !== "object" || statement === null) {
            problems.push(`${at()} must be an IAM statement \`{ Sid, Effect, Action, Resource }\`.`);
            return;
        }
        if (statement.Effect !== "Allow" && statement.Effect !== "Deny") {
            problems.push(`${at(".Effect")} is \`${String(statement.Effect)}\`: use \`Allow\` or \`Deny\`.`);
        }
        const actions = Array.isArray(statement.Action) ? statement.Action : [];
        if (actions.length === 0) {
            problems.push(`${at(".Action")} is empty: list the actions the function needs, e.g. \`["sqs:SendMessage"]\`.`);
        }
        for (const action of actions.filter((a) => typeof a === "string" && isWildcardAction(a))) {
            problems.push(`${at(".Action")} grants \`${action}\`: list the exact actions the function needs (least privilege).`);
        }
        const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
        const unscopable = actions.length > 0 && actions.every((a) => ACTIONS_WITHOUT_RESOURCE_LEVEL.includes(a));
        if (statement.Effect === "Allow" && resources.some((r) => r === "*") && !unscopable) {
            problems.push(`${at(".Resource")} is \`*\`: name the resources (ARNs) the function acts on.`);
        }
    });
    return problems;
}
