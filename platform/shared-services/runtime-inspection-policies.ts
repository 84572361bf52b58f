import { policyDocument, PolicyDocument, PolicyStatement } from "../security/policy-document";

/**
 * The IAM documents of the scheduled inspection, as pure data: the task role (what `edf inspect`
 * reads, and where it publishes), the execution role (pulling the inspector's own image, writing its
 * log stream) and the scheduler's role (starting the task). Each statement names its resources;
 * the actions AWS cannot scope (`ecr:GetAuthorizationToken`, `inspector2:ListFindings`) are the
 * only `*`.
 */
export interface InspectionPolicyInput {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    /** The shared cluster's name: the inspection lists and describes its tasks only. */
    readonly clusterName: string;
    readonly clusterArn: string;
    /** The key ECR repositories are encrypted with (layer downloads decrypt through ECR). */
    readonly dataKmsKeyArn: string;
    /** The team backend's bucket (stack state, read) and the prefix inspection state lives under (read, written). */
    readonly state: {
        readonly bucket: string;
        /** The backend's prefix in the bucket (`""` for the bucket's root). */
        readonly backendPrefix: string;
        readonly inspectionPrefix: string;
        readonly kmsKeyArn?: string;
    };
    /** Send findings to Security Hub (`BatchImportFindings` into this account's default product). */
    readonly securityHub: boolean;
    /** The notification topic, when notifications are on. */
    readonly topicArn?: string;
}

/** Where the Pulumi file backend `s3://<bucket>[/<prefix>]` keeps its stacks. */
export function pulumiStatePrefix(backendPrefix: string): string {
    return backendPrefix === "" ? ".pulumi" : `${backendPrefix}/.pulumi`;
}

/** Every action the task role is granted, in statement order (docs/inspect.md lists the same). */
export function inspectionTaskStatements(input: InspectionPolicyInput): PolicyStatement[] {
    const { partition: p, region: r, accountId: a, state } = input;
    const bucketArn = `arn:${p}:s3:::${state.bucket}`;
    const pulumiPrefix = pulumiStatePrefix(state.backendPrefix);
    const statements: PolicyStatement[] = [
        {
            // ListTasks is authorised on container instances, which Fargate has none of: the cluster condition scopes it.
            Sid: "WhatRunsInTheSharedCluster",
            Effect: "Allow",
            Action: ["ecs:ListTasks"],
            Resource: "*",
            Condition: { ArnEquals: { "ecs:cluster": input.clusterArn } },
        },
        {
            Sid: "DescribeTheSharedClustersTasks",
            Effect: "Allow",
            Action: ["ecs:DescribeTasks"],
            Resource: `arn:${p}:ecs:${r}:${a}:task/${input.clusterName}/*`,
        },
        // GetAuthorizationToken takes no resource: the token is for the registry, each pull is then authorised per repository.
        { Sid: "RegistryLogin", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: "*" },
        {
            Sid: "PullImagesAndReadScans",
            Effect: "Allow",
            Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:DescribeImageScanFindings", "ecr:GetDownloadUrlForLayer"],
            Resource: `arn:${p}:ecr:${r}:${a}:repository/*`,
        },
        // No kms:Decrypt for layers of repositories encrypted with the data key: ECR decrypts them under the grants it
        // creates on the key with the repository, whoever pulls (and the data key's policy admits no use through ECR).
        // Inspector v2's ListFindings takes no resource; the inspection filters by repository and digest.
        { Sid: "InspectorFindings", Effect: "Allow", Action: ["inspector2:ListFindings"], Resource: "*" },
        {
            Sid: "ListStateAndInspections",
            Effect: "Allow",
            Action: ["s3:ListBucket"],
            Resource: bucketArn,
            Condition: {
                StringLike: {
                    "s3:prefix": [pulumiPrefix, `${pulumiPrefix}/*`, state.inspectionPrefix, `${state.inspectionPrefix}/*`],
                },
            },
        },
        { Sid: "ReadStackState", Effect: "Allow", Action: ["s3:GetObject"], Resource: `${bucketArn}/${pulumiPrefix}/*` },
        {
            Sid: "KeepInspectionState",
            Effect: "Allow",
            Action: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"],
            Resource: `${bucketArn}/${state.inspectionPrefix}/*`,
        },
    ];
    if (state.kmsKeyArn) {
        statements.push({
            Sid: "StateBucketKey",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: state.kmsKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${r}.amazonaws.com` } },
        });
    }
    if (input.securityHub) {
        statements.push({
            Sid: "ImportFindingsToSecurityHub",
            Effect: "Allow",
            Action: ["securityhub:BatchImportFindings"],
            Resource: securityHubProductArn(p, r, a),
        });
    }
    if (input.topicArn) {
        statements.push(
            { Sid: "NotifyNewFindings", Effect: "Allow", Action: ["sns:Publish"], Resource: input.topicArn },
            {
                // The topic is encrypted with the data key: a publisher encrypts through SNS.
                Sid: "EncryptNotificationsThroughSns",
                Effect: "Allow",
                Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                Resource: input.dataKmsKeyArn,
                Condition: { StringEquals: { "kms:ViaService": `sns.${r}.amazonaws.com` } },
            },
        );
    }
    return statements;
}

/** The product a customer's own findings are imported under: `product/<account>/default`. */
export function securityHubProductArn(partition: string, region: string, accountId: string): string {
    return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}

/** The execution role: pull the inspector's image from its repository, write the task's log stream. */
export function inspectionExecutionStatements(input: { readonly repositoryArn: string; readonly logGroupArn: string }): PolicyStatement[] {
    return [
        { Sid: "RegistryLogin", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: "*" },
        {
            Sid: "PullTheInspectorImage",
            Effect: "Allow",
            Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            Resource: input.repositoryArn,
        },
        {
            Sid: "WriteTaskLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: `${input.logGroupArn}:log-stream:*`,
        },
    ];
}

/** The scheduler's role: run this task definition on the shared cluster, passing it its two roles. */
export function inspectionSchedulerStatements(input: {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly taskFamily: string;
    readonly clusterArn: string;
    readonly passedRoleArns: readonly string[];
}): PolicyStatement[] {
    return [
        {
            Sid: "RunTheInspectionTask",
            Effect: "Allow",
            Action: ["ecs:RunTask"],
            Resource: `arn:${input.partition}:ecs:${input.region}:${input.accountId}:task-definition/${input.taskFamily}:*`,
            Condition: { ArnEquals: { "ecs:cluster": input.clusterArn } },
        },
        {
            Sid: "PassTheTaskItsRoles",
            Effect: "Allow",
            Action: ["iam:PassRole"],
            Resource: [...input.passedRoleArns],
            Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
        },
    ];
}

/** Trust of a role assumed by an AWS service on behalf of this account only. */
export function serviceTrustPolicy(service: string, accountId: string): PolicyDocument {
    return policyDocument([
        {
            Sid: "AssumedByTheService",
            Effect: "Allow",
            Principal: { Service: service },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": accountId } },
        },
    ]);
}

/**
 * The notification topic's policy: only the inspection's task role publishes, and only over TLS
 * (the pipeline pack's `sns-topic-tls-only`, `sns-topic-policy-not-public`).
 */
export function notificationTopicPolicy(input: { readonly topicArn: string; readonly publisherRoleArn: string }): PolicyDocument {
    return policyDocument([
        {
            Sid: "PublishedByTheInspection",
            Effect: "Allow",
            Principal: { AWS: input.publisherRoleArn },
            Action: ["sns:Publish"],
            Resource: input.topicArn,
        },
        {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: ["sns:Publish"],
            Resource: input.topicArn,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
    ]);
}
