/**
 * CloudWatch Logs filter patterns for the account activity the CIS AWS Foundations Benchmark
 * v3.0 (section 4, "Monitoring") wants alarmed on, as the benchmark writes them. Pure data.
 */
export interface SecurityEvent {
    /** Stable id, also the metric name's suffix. */
    readonly id: string;
    /** What the alarm means, for its description. */
    readonly description: string;
    readonly pattern: string;
}

const anyOf = (names: readonly string[]) => names.map((n) => `($.eventName = ${n})`).join(" || ");
const fromSource = (source: string, names: readonly string[]) => `{ ($.eventSource = ${source}) && (${anyOf(names)}) }`;

export const SECURITY_EVENTS: readonly SecurityEvent[] = [
    {
        id: "UnauthorizedApiCalls",
        description: "Unauthorized API calls (CIS 4.1)",
        pattern:
            '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != ' +
            '"delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    },
    {
        id: "ConsoleSignInWithoutMfa",
        description: "Management console sign-in without MFA (CIS 4.2)",
        pattern:
            '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = ' +
            '"IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    },
    {
        id: "RootUsage",
        description: "Use of the root user (CIS 4.3)",
        pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    },
    {
        id: "IamPolicyChanges",
        description: "IAM policy changes (CIS 4.4)",
        pattern: `{ ${anyOf([
            "DeleteGroupPolicy",
            "DeleteRolePolicy",
            "DeleteUserPolicy",
            "PutGroupPolicy",
            "PutRolePolicy",
            "PutUserPolicy",
            "CreatePolicy",
            "DeletePolicy",
            "CreatePolicyVersion",
            "DeletePolicyVersion",
            "AttachRolePolicy",
            "DetachRolePolicy",
            "AttachUserPolicy",
            "DetachUserPolicy",
            "AttachGroupPolicy",
            "DetachGroupPolicy",
        ])} }`,
    },
    {
        id: "CloudTrailChanges",
        description: "CloudTrail configuration changes (CIS 4.5)",
        pattern: `{ ${anyOf(["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"])} }`,
    },
    {
        id: "ConsoleAuthenticationFailures",
        description: "Management console authentication failures (CIS 4.6)",
        pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    },
    {
        id: "KmsKeyDisabling",
        description: "Disabling or scheduled deletion of KMS keys (CIS 4.7)",
        pattern: fromSource("kms.amazonaws.com", ["DisableKey", "ScheduleKeyDeletion"]),
    },
    {
        id: "S3BucketPolicyChanges",
        description: "S3 bucket policy changes (CIS 4.8)",
        pattern: fromSource("s3.amazonaws.com", [
            "PutBucketAcl",
            "PutBucketPolicy",
            "PutBucketCors",
            "PutBucketLifecycle",
            "PutBucketReplication",
            "DeleteBucketPolicy",
            "DeleteBucketCors",
            "DeleteBucketLifecycle",
            "DeleteBucketReplication",
        ]),
    },
    {
        id: "ConfigChanges",
        description: "AWS Config configuration changes (CIS 4.9)",
        pattern: fromSource("config.amazonaws.com", [
            "StopConfigurationRecorder",
            "DeleteDeliveryChannel",
            "PutDeliveryChannel",
            "PutConfigurationRecorder",
        ]),
    },
    {
        id: "SecurityGroupChanges",
        description: "Security group changes (CIS 4.10)",
        pattern: `{ ${anyOf([
            "AuthorizeSecurityGroupIngress",
            "AuthorizeSecurityGroupEgress",
            "RevokeSecurityGroupIngress",
            "RevokeSecurityGroupEgress",
            "CreateSecurityGroup",
            "DeleteSecurityGroup",
        ])} }`,
    },
    {
        id: "NaclChanges",
        description: "Network ACL changes (CIS 4.11)",
        pattern: `{ ${anyOf([
            "CreateNetworkAcl",
            "CreateNetworkAclEntry",
            "DeleteNetworkAcl",
            "DeleteNetworkAclEntry",
            "ReplaceNetworkAclEntry",
            "ReplaceNetworkAclAssociation",
        ])} }`,
    },
    {
        id: "NetworkGatewayChanges",
        description: "Network gateway changes (CIS 4.12)",
        pattern: `{ ${anyOf([
            "CreateCustomerGateway",
            "DeleteCustomerGateway",
            "AttachInternetGateway",
            "CreateInternetGateway",
            "DeleteInternetGateway",
            "DetachInternetGateway",
        ])} }`,
    },
    {
        id: "RouteTableChanges",
        description: "Route table changes (CIS 4.13)",
        pattern: fromSource("ec2.amazonaws.com", [
            "CreateRoute",
            "CreateRouteTable",
            "ReplaceRoute",
            "ReplaceRouteTableAssociation",
            "DeleteRouteTable",
            "DeleteRoute",
            "DisassociateRouteTable",
        ]),
    },
    {
        id: "VpcChanges",
        description: "VPC changes (CIS 4.14)",
        pattern: `{ ${anyOf([
            "CreateVpc",
            "DeleteVpc",
            "ModifyVpcAttribute",
            "AcceptVpcPeeringConnection",
            "CreateVpcPeeringConnection",
            "DeleteVpcPeeringConnection",
            "RejectVpcPeeringConnection",
            "AttachClassicLinkVpc",
            "DetachClassicLinkVpc",
            "DisableVpcClassicLink",
            "EnableVpcClassicLink",
        ])} }`,
    },
    {
        id: "OrganizationsChanges",
        description: "AWS Organizations changes (CIS 4.15)",
        pattern: fromSource("organizations.amazonaws.com", [
            "AcceptHandshake",
            "AttachPolicy",
            "CreateAccount",
            "CreateOrganizationalUnit",
            "CreatePolicy",
            "DeclineHandshake",
            "DeleteOrganization",
            "DeleteOrganizationalUnit",
            "DeletePolicy",
            "DetachPolicy",
            "DisablePolicyType",
            "EnablePolicyType",
            "InviteAccountToOrganization",
            "LeaveOrganization",
            "MoveAccount",
            "RemoveAccountFromOrganization",
            "UpdatePolicy",
            "UpdateOrganizationalUnit",
        ]),
    },
];
