import { AccountScope, policyDocument, PolicyDocument } from "./policy-document";

/** Service actions a service team's role may ever be granted (its own policy still has to grant them). */
export const BOUNDARY_ALLOWED_ACTIONS = [
    "s3:*",
    "dynamodb:*",
    "sqs:*",
    "sns:*",
    "events:*",
    "states:*",
    "kinesis:*",
    "firehose:*",
    "rds-db:connect",
    "rds:Describe*",
    "elasticache:Describe*",
    "elasticache:Connect",
    "secretsmanager:GetSecretValue",
    "secretsmanager:DescribeSecret",
    // A service's own rotation function (the SDK's `Secret`) writes and promotes new versions.
    "secretsmanager:PutSecretValue",
    "secretsmanager:UpdateSecretVersionStage",
    "secretsmanager:GetRandomPassword",
    "ssm:GetParameter",
    "ssm:GetParameters",
    "ssm:GetParametersByPath",
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:DescribeKey",
    "logs:CreateLogStream",
    "logs:PutLogEvents",
    "logs:DescribeLogStreams",
    "cloudwatch:PutMetricData",
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "ecr:GetAuthorizationToken",
    "ecr:BatchGetImage",
    "ecr:GetDownloadUrlForLayer",
    "ecr:BatchCheckLayerAvailability",
    "servicediscovery:DiscoverInstances",
    "execute-api:Invoke",
    "lambda:InvokeFunction",
    // A function in the VPC (the SDK's `Function`): Lambda manages its network interfaces
    // with the function's own role. The role's policy scopes them to the account and region.
    "ec2:CreateNetworkInterface",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeSubnets",
    "ec2:DeleteNetworkInterface",
    "ec2:AssignPrivateIpAddresses",
    "ec2:UnassignPrivateIpAddresses",
    "ecs:RunTask",
    "ecs:DescribeTasks",
    // The landing zone's scheduled inspection (platform/shared-services `runtimeInspection`): what
    // runs, its images' scans, and its findings into Security Hub. Read-only but for the import.
    "ecs:ListTasks",
    "ecr:DescribeImageScanFindings",
    "inspector2:ListFindings",
    "securityhub:BatchImportFindings",
    "sts:AssumeRole",
] as const;

/** What the boundary protects beyond its allow list. */
export interface BoundaryPolicyInput extends AccountScope {
    /** ARN of the boundary policy itself (roles must not detach or edit it). */
    readonly boundaryPolicyArn: string;
    /** The log-archive bucket, which services may never touch. */
    readonly logArchiveBucketArn: string;
    /** The landing zone's KMS keys, which services may use but never administer. */
    readonly kmsKeyArns: readonly string[];
    /** Regions services may act in; empty means any. @default [] */
    readonly allowedRegions?: readonly string[];
}

/**
 * The permissions boundary every service-team role carries. The effective
 * permissions of a role are the intersection of its policies and this boundary, so:
 * an allow list of what workloads legitimately do, then explicit denies that no
 * policy can override — no IAM administration (so no escalation), no removal of
 * the boundary, no touching the audit trail, security services, the log archive or
 * the keys' administration, no network-perimeter changes.
 */
export function permissionsBoundaryPolicy(input: BoundaryPolicyInput): PolicyDocument {
    const partition = input.partition ?? "aws";
    const regions = input.allowedRegions ?? [];
    return policyDocument([
        { Sid: "AllowWorkloadServices", Effect: "Allow", Action: [...BOUNDARY_ALLOWED_ACTIONS], Resource: "*" },
        {
            // A service may hand roles of this account to ECS tasks (e.g. `ecs:RunTask`), nothing else.
            Sid: "AllowPassingRolesToEcsTasks",
            Effect: "Allow",
            Action: "iam:PassRole",
            Resource: `arn:${partition}:iam::${input.accountId}:role/*`,
            Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
        },
        {
            Sid: "PassOnlyRolesUnderTheBoundary",
            Effect: "Deny",
            Action: "iam:PassRole",
            Resource: "*",
            Condition: { StringNotEquals: { "iam:PermissionsBoundary": input.boundaryPolicyArn } },
        },
        {
            Sid: "DenyIamAdministration",
            Effect: "Deny",
            Action: [
                "iam:Create*",
                "iam:Delete*",
                "iam:Put*",
                "iam:Attach*",
                "iam:Detach*",
                "iam:Update*",
                "iam:Add*",
                "iam:Remove*",
                "iam:Set*",
                "iam:Tag*",
                "iam:Untag*",
            ],
            Resource: "*",
        },
        {
            Sid: "DenyBoundaryTampering",
            Effect: "Deny",
            Action: [
                "iam:DeleteRolePermissionsBoundary",
                "iam:PutRolePermissionsBoundary",
                "iam:CreatePolicyVersion",
                "iam:DeletePolicy",
                "iam:SetDefaultPolicyVersion",
            ],
            Resource: [input.boundaryPolicyArn, `arn:${partition}:iam::${input.accountId}:role/*`],
        },
        {
            Sid: "DenyAuditAndSecurityChanges",
            Effect: "Deny",
            Action: [
                "cloudtrail:StopLogging",
                "cloudtrail:DeleteTrail",
                "cloudtrail:UpdateTrail",
                "cloudtrail:PutEventSelectors",
                "config:Stop*",
                "config:Delete*",
                "config:Put*",
                "guardduty:Delete*",
                "guardduty:Disassociate*",
                "guardduty:Update*",
                "guardduty:Stop*",
                "securityhub:Disable*",
                "securityhub:Delete*",
                "securityhub:BatchDisableStandards",
                "organizations:*",
                "account:*",
                "s3:PutAccountPublicAccessBlock",
                "ec2:DisableEbsEncryptionByDefault",
                "ec2:ModifyEbsDefaultKmsKeyId",
            ],
            Resource: "*",
        },
        {
            Sid: "DenyLogArchive",
            Effect: "Deny",
            Action: "s3:*",
            Resource: [input.logArchiveBucketArn, `${input.logArchiveBucketArn}/*`],
        },
        {
            Sid: "DenyKeyAdministration",
            Effect: "Deny",
            Action: ["kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy", "kms:DisableKeyRotation"],
            Resource: [...input.kmsKeyArns],
        },
        {
            Sid: "DenyNetworkPerimeterChanges",
            Effect: "Deny",
            Action: [
                "ec2:CreateVpc",
                "ec2:DeleteVpc",
                "ec2:CreateInternetGateway",
                "ec2:AttachInternetGateway",
                "ec2:CreateNatGateway",
                "ec2:CreateVpcPeeringConnection",
                "ec2:AcceptVpcPeeringConnection",
                "ec2:CreateRoute",
                "ec2:ReplaceRoute",
                "ec2:DeleteFlowLogs",
                "ec2:ModifyVpcAttribute",
            ],
            Resource: "*",
        },
        ...(regions.length > 0
            ? [
                  {
                      Sid: "DenyOutsideAllowedRegions",
                      Effect: "Deny" as const,
                      NotAction: ["iam:*", "sts:*", "cloudfront:*", "route53:*", "support:*"],
                      Resource: "*",
                      Condition: { StringNotEquals: { "aws:RequestedRegion": [...regions] } },
                  },
              ]
            : []),
    ]);
}
