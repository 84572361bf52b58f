import { accountRoot, AccountScope, policyDocument, PolicyDocument, PolicyStatement } from "./policy-document";

/** Purposes the landing zone keeps separate keys for, so one grant never opens another's data. */
export const KEY_PURPOSES = ["logs", "data", "secrets"] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

/** Key administration without any use of the key: administrators cannot read data with it. */
export const KEY_ADMIN_ACTIONS = [
    "kms:Create*",
    "kms:Describe*",
    "kms:Enable*",
    "kms:List*",
    "kms:Put*",
    "kms:Update*",
    "kms:Revoke*",
    "kms:Disable*",
    "kms:Get*",
    "kms:Delete*",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
    "kms:RotateKeyOnDemand",
] as const;

const USE_ACTIONS = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"];

/**
 * AWS services through which account principals may use each key (`kms:ViaService`).
 * Lambda is on the data key because a function's environment variables are service
 * configuration encrypted at rest with a customer-managed key (the SDK's `Function`).
 */
export const KEY_VIA_SERVICES: Readonly<Record<KeyPurpose, readonly string[]>> = {
    logs: ["s3"],
    data: ["s3", "dynamodb", "rds", "sqs", "sns", "elasticache", "elasticfilesystem", "ec2", "backup", "kinesis", "lambda"],
    secrets: ["secretsmanager", "ssm"],
};

/** What a key policy is built from. */
export interface KeyPolicyInput extends AccountScope {
    readonly purpose: KeyPurpose;
    /** Principals allowed to administer (never use) the key. @default - the account root, so IAM policies decide */
    readonly administratorArns?: readonly string[];
}

/**
 * The key policy of a purpose key: least privilege by construction.
 *
 * - Administrators get administration only; no statement grants use to anyone directly.
 * - Account principals may use the key only through that purpose's AWS services
 *   (`kms:ViaService`) and only from this account (`kms:CallerAccount`), and may create
 *   grants only for AWS resources.
 * - The logs key also lets CloudWatch Logs (this account's log groups), CloudTrail
 *   (this account's trails, and its delivery notifications on this account's SNS topics),
 *   CloudWatch alarms (publishing to this account's topics) and AWS Config (this account)
 *   encrypt what they deliver.
 */
export function keyPolicy(input: KeyPolicyInput): PolicyDocument {
    const root = accountRoot(input);
    const viaServices = KEY_VIA_SERVICES[input.purpose].map((s) => `${s}.${input.region}.amazonaws.com`);
    const statements: PolicyStatement[] = [
        {
            Sid: "KeyAdministration",
            Effect: "Allow",
            Principal: { AWS: [...(input.administratorArns ?? [root])] },
            Action: [...KEY_ADMIN_ACTIONS],
            Resource: "*",
        },
        {
            Sid: "UseThroughPurposeServices",
            Effect: "Allow",
            Principal: { AWS: root },
            Action: USE_ACTIONS,
            Resource: "*",
            Condition: { StringEquals: { "kms:CallerAccount": input.accountId, "kms:ViaService": viaServices } },
        },
        {
            Sid: "GrantsForAwsResourcesOnly",
            Effect: "Allow",
            Principal: { AWS: root },
            Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
            Resource: "*",
            Condition: {
                StringEquals: { "kms:CallerAccount": input.accountId, "kms:ViaService": viaServices },
                Bool: { "kms:GrantIsForAWSResource": true },
            },
        },
    ];
    if (input.purpose === "logs") {
        statements.push(...logDeliveryStatements(input));
    }
    return policyDocument(statements);
}

function logDeliveryStatements(scope: AccountScope): PolicyStatement[] {
    const partition = scope.partition ?? "aws";
    return [
        {
            Sid: "CloudWatchLogsOfThisAccount",
            Effect: "Allow",
            Principal: { Service: `logs.${scope.region}.amazonaws.com` },
            // No `kms:Describe*`: those calls carry no encryption context, so under this condition they were never granted.
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*"],
            Resource: "*",
            Condition: {
                ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${scope.region}:${scope.accountId}:log-group:*` },
            },
        },
        {
            Sid: "CloudTrailOfThisAccount",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:GenerateDataKey*",
            Resource: "*",
            Condition: {
                StringEquals: { "aws:SourceAccount": scope.accountId },
                StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:${partition}:cloudtrail:*:${scope.accountId}:trail/*` },
            },
        },
        {
            // `DescribeKey` carries no encryption context: granted apart, for this account's trails only
            // (as AWS's CloudTrail guide writes it).
            Sid: "CloudTrailDescribesKey",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:DescribeKey",
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": scope.accountId } },
        },
        {
            // CloudTrail publishing to an encrypted topic: SNS asks KMS for a data key on its behalf.
            Sid: "CloudTrailNotificationsOfThisAccount",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resource: "*",
            Condition: {
                StringEquals: { "aws:SourceAccount": scope.accountId },
                ArnLike: { "kms:EncryptionContext:aws:sns:topicArn": `arn:${partition}:sns:${scope.region}:${scope.accountId}:*` },
            },
        },
        {
            // CloudWatch alarms publishing to the encrypted security-alarms topic.
            Sid: "CloudWatchAlarmsOfThisAccount",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resource: "*",
            Condition: {
                StringEquals: { "aws:SourceAccount": scope.accountId },
                ArnLike: { "kms:EncryptionContext:aws:sns:topicArn": `arn:${partition}:sns:${scope.region}:${scope.accountId}:*` },
            },
        },
        {
            Sid: "ConfigOfThisAccount",
            Effect: "Allow",
            Principal: { Service: "config.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": scope.accountId } },
        },
    ];
}
