import type * as pulumi from "@pulumi/pulumi";

/**
 * IAM policy documents of the service SDK, as plain data (values may be `Input`s; the
 * components serialise them with `pulumi.jsonStringify`). Every statement names the
 * exact resources it applies to; `*` appears only where the action has no resource
 * level (ECR's `GetAuthorizationToken`). Pure.
 */
export interface PolicyStatement {
    readonly Sid: string;
    readonly Effect: "Allow" | "Deny";
    readonly Action: readonly string[];
    readonly Resource: pulumi.Input<string> | readonly pulumi.Input<string>[];
    readonly Condition?: Record<string, Record<string, pulumi.Input<string> | readonly pulumi.Input<string>[]>>;
}

export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly PolicyStatement[];
}

/** A document from statements. */
export function policyDocument(statements: readonly PolicyStatement[]): PolicyDocument {
    return { Version: "2012-10-17", Statement: statements };
}

/** Trust policy letting ECS tasks (and only them) assume a role. */
export function ecsTasksTrustPolicy(): Record<string, unknown> {
    return {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
    };
}

/**
 * Use of a KMS key only through one AWS service (`kms:ViaService`), so a grant for a
 * queue's key cannot be used to decrypt something else with the same key directly.
 */
export function kmsViaServiceStatement(
    sid: string,
    keyArn: pulumi.Input<string>,
    service: string,
    actions: readonly string[],
): PolicyStatement {
    return {
        Sid: sid,
        Effect: "Allow",
        Action: actions,
        Resource: keyArn,
        Condition: { StringLike: { "kms:ViaService": `${service}.*.amazonaws.com` } },
    };
}

/** What the execution role needs to start the task: pull its image, write its logs, read its secrets. */
export interface ExecutionGrants {
    readonly repositoryArn: pulumi.Input<string>;
    readonly logGroupArn: pulumi.Input<string>;
    /** Secrets Manager secrets the task definition references (full ARNs, no JSON key suffix). */
    readonly secretArns: readonly pulumi.Input<string>[];
    /** SSM parameters the task definition references. */
    readonly parameterArns: readonly pulumi.Input<string>[];
    /** The key the secrets are encrypted with. */
    readonly secretsKmsKeyArn: pulumi.Input<string>;
}

export function executionRoleStatements(grants: ExecutionGrants): PolicyStatement[] {
    const statements: PolicyStatement[] = [
        // GetAuthorizationToken has no resource-level permissions: AWS requires `*`.
        { Sid: "EcrAuthorization", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: "*" },
        {
            Sid: "PullOwnImage",
            Effect: "Allow",
            Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
            Resource: grants.repositoryArn,
        },
        {
            Sid: "WriteOwnLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: logStreamsOf(grants.logGroupArn),
        },
    ];
    if (grants.secretArns.length > 0) {
        statements.push({
            Sid: "ReadOwnSecrets",
            Effect: "Allow",
            Action: ["secretsmanager:GetSecretValue"],
            Resource: [...grants.secretArns],
        });
    }
    if (grants.parameterArns.length > 0) {
        statements.push({ Sid: "ReadOwnParameters", Effect: "Allow", Action: ["ssm:GetParameters"], Resource: [...grants.parameterArns] });
    }
    if (grants.secretArns.length > 0) {
        statements.push(kmsViaServiceStatement("DecryptOwnSecrets", grants.secretsKmsKeyArn, "secretsmanager", ["kms:Decrypt"]));
    }
    if (grants.parameterArns.length > 0) {
        statements.push(kmsViaServiceStatement("DecryptOwnParameters", grants.secretsKmsKeyArn, "ssm", ["kms:Decrypt"]));
    }
    return statements;
}

/** A log group ARN, with or without the trailing `:*` some APIs return, to its streams. */
export function logStreamsOf(logGroupArn: pulumi.Input<string>): pulumi.Input<string> {
    const toStreams = (arn: string) => `${arn.replace(/:\*$/, "")}:log-stream:*`;
    return typeof logGroupArn === "string" ? toStreams(logGroupArn) : (logGroupArn as pulumi.Output<string>).apply(toStreams);
}

/** How a service uses a queue. */
export type QueueAccess = "consume" | "produce" | "consume-and-produce";

export function queueStatements(access: QueueAccess, queueArn: pulumi.Input<string>, keyArn: pulumi.Input<string>): PolicyStatement[] {
    const consume = access !== "produce";
    const produce = access !== "consume";
    const actions = [
        "sqs:GetQueueAttributes",
        "sqs:GetQueueUrl",
        ...(consume ? ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"] : []),
        ...(produce ? ["sqs:SendMessage"] : []),
    ];
    return [
        { Sid: "UseQueue", Effect: "Allow", Action: actions, Resource: queueArn },
        kmsViaServiceStatement("QueueKey", keyArn, "sqs", produce ? ["kms:Decrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"]),
    ];
}

/** How a service uses a bucket. */
export type BucketAccess = "read" | "read-write";

export function bucketStatements(access: BucketAccess, bucketArn: pulumi.Input<string>, keyArn: pulumi.Input<string>): PolicyStatement[] {
    const objects = typeof bucketArn === "string" ? `${bucketArn}/*` : (bucketArn as pulumi.Output<string>).apply((a) => `${a}/*`);
    const objectActions = access === "read" ? ["s3:GetObject"] : ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"];
    return [
        { Sid: "ListBucket", Effect: "Allow", Action: ["s3:ListBucket"], Resource: bucketArn },
        { Sid: "UseObjects", Effect: "Allow", Action: objectActions, Resource: objects },
        kmsViaServiceStatement("BucketKey", keyArn, "s3", access === "read" ? ["kms:Decrypt"] : ["kms:Decrypt", "kms:GenerateDataKey"]),
    ];
}

/** How a service uses a table. */
export type TableAccess = "read" | "read-write";

export function tableStatements(access: TableAccess, tableArn: pulumi.Input<string>, keyArn: pulumi.Input<string>): PolicyStatement[] {
    const indexes = typeof tableArn === "string" ? `${tableArn}/index/*` : (tableArn as pulumi.Output<string>).apply((a) => `${a}/index/*`);
    const read = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"];
    const write = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"];
    return [
        { Sid: "UseTable", Effect: "Allow", Action: access === "read" ? read : [...read, ...write], Resource: [tableArn, indexes] },
        kmsViaServiceStatement("TableKey", keyArn, "dynamodb", [
            "kms:Decrypt",
            "kms:DescribeKey",
            ...(access === "read" ? [] : ["kms:Encrypt", "kms:GenerateDataKey"]),
        ]),
    ];
}

/** Publishing to a topic; the key through SNS only. */
export function topicPublishStatements(topicArn: pulumi.Input<string>, keyArn: pulumi.Input<string>): PolicyStatement[] {
    return [
        { Sid: "PublishToTopic", Effect: "Allow", Action: ["sns:Publish"], Resource: topicArn },
        kmsViaServiceStatement("TopicKey", keyArn, "sns", ["kms:Decrypt", "kms:GenerateDataKey"]),
    ];
}

/** Reading one secret's value; the key through Secrets Manager only. */
export function secretReadStatements(secretArn: pulumi.Input<string>, keyArn: pulumi.Input<string>): PolicyStatement[] {
    return [
        {
            Sid: "ReadSecret",
            Effect: "Allow",
            Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
            Resource: secretArn,
        },
        kmsViaServiceStatement("SecretKey", keyArn, "secretsmanager", ["kms:Decrypt"]),
    ];
}

/**
 * What a rotation function needs for one secret (AWS's four rotation steps: create,
 * set, test, finish): read it, write the pending version, move the stages, and generate
 * a random value (`GetRandomPassword` has no resource level: `*`); the key through
 * Secrets Manager only.
 */
export function secretRotationStatements(secretArn: pulumi.Input<string>, keyArn: pulumi.Input<string>): PolicyStatement[] {
    return [
        {
            Sid: "RotateSecret",
            Effect: "Allow",
            Action: [
                "secretsmanager:GetSecretValue",
                "secretsmanager:DescribeSecret",
                "secretsmanager:PutSecretValue",
                "secretsmanager:UpdateSecretVersionStage",
            ],
            Resource: secretArn,
        },
        { Sid: "GenerateRandomValue", Effect: "Allow", Action: ["secretsmanager:GetRandomPassword"], Resource: "*" },
        kmsViaServiceStatement("SecretKey", keyArn, "secretsmanager", ["kms:Decrypt", "kms:GenerateDataKey"]),
    ];
}
