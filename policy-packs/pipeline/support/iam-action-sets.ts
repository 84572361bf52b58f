/**
 * Facts about IAM actions the document policies judge by (action names as AWS spells them; the
 * analyser matches them case-insensitively). Kept short and exact: an action missing from
 * `UNSCOPABLE_ACTIONS` is judged as scopable, which errs on the strict side.
 */

/**
 * Actions that support no resource-level permissions, so `Resource: "*"` is the only way to
 * grant them (the Service Authorization Reference lists no resource type for each).
 */
export const UNSCOPABLE_ACTIONS: readonly string[] = [
    "ecr:GetAuthorizationToken",
    // Inspector v2 lists findings by filter (repository, digest); the reference lists no resource type.
    "inspector2:ListFindings",
    "sts:GetCallerIdentity",
    "cloudwatch:PutMetricData",
    "cloudwatch:GetMetricData",
    "cloudwatch:GetMetricStatistics",
    "cloudwatch:ListMetrics",
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "xray:GetSamplingStatisticSummaries",
    "ec2:DescribeInstances",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeSubnets",
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeVpcs",
    "ec2:DescribeAvailabilityZones",
    "ec2:DescribeRegions",
    "kms:ListKeys",
    "kms:ListAliases",
    "kms:GenerateRandom",
    "s3:ListAllMyBuckets",
    "sqs:ListQueues",
    "sns:ListTopics",
    "dynamodb:ListTables",
    "lambda:ListFunctions",
    "secretsmanager:ListSecrets",
    "secretsmanager:GetRandomPassword",
    "ssm:DescribeParameters",
    "iam:ListRoles",
    "iam:ListPolicies",
    "iam:ListUsers",
    "iam:GetAccountSummary",
    "iam:ListAccountAliases",
    "tag:GetResources",
    "logs:DescribeLogGroups",
    // AWS Organizations' list and describe calls of the whole organisation (a Config aggregator's role).
    "organizations:DescribeOrganization",
    "organizations:ListAWSServiceAccessForOrganization",
    "organizations:ListAccounts",
    "organizations:ListDelegatedAdministrators",
];

/** Read actions that hand data out: unrestricted, they are how a leak starts. */
export const DATA_EXFILTRATION_ACTIONS: readonly string[] = [
    "s3:GetObject",
    "ssm:GetParameter",
    "ssm:GetParameters",
    "ssm:GetParametersByPath",
    "secretsmanager:GetSecretValue",
    "rds:CopyDBSnapshot",
    "rds:CreateDBSnapshot",
];

/** Actions whose response carries credentials (keys, tokens, passwords). */
export const CREDENTIAL_ACTIONS: readonly string[] = [
    "airflow:CreateCliToken",
    "airflow:CreateWebLoginToken",
    "appsync:CreateApiKey",
    "chime:CreateApiKey",
    "cloud9:CreateEnvironmentToken",
    "codeartifact:GetAuthorizationToken",
    "codepipeline:PollForJobs",
    "cognito-identity:GetOpenIdToken",
    "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
    "cognito-identity:GetCredentialsForIdentity",
    "cognito-idp:GetSigningCertificate",
    "connect:GetFederationToken",
    "ec2:GetPasswordData",
    "ecr-public:GetAuthorizationToken",
    "emr-containers:GetManagedEndpointSessionCredentials",
    "gamelift:RequestUploadCredentials",
    "gamelift:GetInstanceAccess",
    "grafana:CreateWorkspaceApiKey",
    "iam:CreateAccessKey",
    "iam:CreateLoginProfile",
    "iam:UpdateLoginProfile",
    "iam:CreateServiceSpecificCredential",
    "iam:ResetServiceSpecificCredential",
    "iam:UpdateAccessKey",
    "lightsail:GetInstanceAccessDetails",
    "lightsail:DownloadDefaultKeyPair",
    "lightsail:CreateBucketAccessKey",
    "lightsail:GetRelationalDatabaseMasterUserPassword",
    "rds-db:connect",
    "redshift:GetClusterCredentials",
    "redshift:GetClusterCredentialsWithIAM",
    "redshift-serverless:GetCredentials",
    "sso:GetRoleCredentials",
    "sts:AssumeRole",
    "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity",
    "sts:GetFederationToken",
    "sts:GetSessionToken",
];

/** A known way to escalate privileges: every action listed, granted together. */
export interface EscalationMethod {
    readonly name: string;
    readonly actions: readonly string[];
}

const PASS = "iam:PassRole";

/**
 * The published privilege-escalation paths (Rhino Security Labs' set and later additions): who
 * holds all the actions of one, unconstrained, can give themselves more than they were given.
 */
export const ESCALATION_METHODS: readonly EscalationMethod[] = [
    { name: "create an access key for another user", actions: ["iam:CreateAccessKey"] },
    { name: "set another user's console password", actions: ["iam:CreateLoginProfile"] },
    { name: "change another user's console password", actions: ["iam:UpdateLoginProfile"] },
    { name: "join a more privileged group", actions: ["iam:AddUserToGroup"] },
    { name: "rewrite a managed policy", actions: ["iam:CreatePolicyVersion"] },
    { name: "switch a managed policy to another version", actions: ["iam:SetDefaultPolicyVersion"] },
    { name: "attach any policy to a user", actions: ["iam:AttachUserPolicy"] },
    { name: "attach any policy to a group", actions: ["iam:AttachGroupPolicy"] },
    { name: "attach any policy to a role", actions: ["iam:AttachRolePolicy"] },
    { name: "write a user's inline policy", actions: ["iam:PutUserPolicy"] },
    { name: "write a group's inline policy", actions: ["iam:PutGroupPolicy"] },
    { name: "write a role's inline policy", actions: ["iam:PutRolePolicy"] },
    { name: "rewrite a role's trust policy", actions: ["iam:UpdateAssumeRolePolicy"] },
    { name: "change a permissions boundary", actions: ["iam:PutRolePermissionsBoundary"] },
    { name: "remove a permissions boundary", actions: ["iam:DeleteRolePermissionsBoundary"] },
    { name: "pass a role to a new EC2 instance", actions: [PASS, "ec2:RunInstances"] },
    { name: "pass a role to a new EC2 spot instance", actions: [PASS, "ec2:RequestSpotInstances"] },
    { name: "pass a role to a new Lambda function and invoke it", actions: [PASS, "lambda:CreateFunction", "lambda:InvokeFunction"] },
    {
        name: "pass a role to a new Lambda function triggered by an event source",
        actions: [PASS, "lambda:CreateFunction", "lambda:CreateEventSourceMapping"],
    },
    {
        name: "pass a role to a new Lambda function and let anyone call it",
        actions: [PASS, "lambda:CreateFunction", "lambda:AddPermission"],
    },
    { name: "replace a Lambda function's code", actions: ["lambda:UpdateFunctionCode"] },
    { name: "pass a role to a new Glue development endpoint", actions: [PASS, "glue:CreateDevEndpoint"] },
    { name: "take over a Glue development endpoint", actions: ["glue:UpdateDevEndpoint"] },
    { name: "pass a role to a new Glue job and run it", actions: [PASS, "glue:CreateJob", "glue:StartJobRun"] },
    { name: "pass a role to a CloudFormation stack", actions: [PASS, "cloudformation:CreateStack"] },
    {
        name: "pass a role to a CloudFormation stack set",
        actions: [PASS, "cloudformation:CreateStackSet", "cloudformation:CreateStackInstances"],
    },
    { name: "run a CloudFormation change set", actions: ["cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet"] },
    { name: "pass a role to a new Data Pipeline", actions: [PASS, "datapipeline:CreatePipeline"] },
    { name: "pass a role to a new CodeBuild project and build it", actions: [PASS, "codebuild:CreateProject", "codebuild:StartBuild"] },
    { name: "pass a role to a new ECS task and run it", actions: [PASS, "ecs:RegisterTaskDefinition", "ecs:RunTask"] },
    { name: "pass a role to a new ECS task and start it", actions: [PASS, "ecs:RegisterTaskDefinition", "ecs:StartTask"] },
    { name: "pass a role to a new ECS service", actions: [PASS, "ecs:RegisterTaskDefinition", "ecs:CreateService"] },
    { name: "open a shell in a running ECS task", actions: ["ecs:ExecuteCommand", "ecs:DescribeTasks"] },
    { name: "pass a role to a new SageMaker notebook", actions: [PASS, "sagemaker:CreateNotebookInstance"] },
    { name: "pass a role to a new SageMaker training job", actions: [PASS, "sagemaker:CreateTrainingJob"] },
    { name: "pass a role to a new SageMaker processing job", actions: [PASS, "sagemaker:CreateProcessingJob"] },
    { name: "open an existing SageMaker notebook", actions: ["sagemaker:CreatePresignedNotebookInstanceUrl"] },
    { name: "pass a role to a new App Runner service", actions: [PASS, "apprunner:CreateService"] },
    {
        name: "change an EC2 instance's user data and restart it",
        actions: ["ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"],
    },
    { name: "run commands on instances through Systems Manager", actions: ["ssm:SendCommand"] },
    { name: "open a session on instances through Systems Manager", actions: ["ssm:StartSession"] },
];
