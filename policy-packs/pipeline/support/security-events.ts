/**
 * The account activity the CIS AWS Foundations Benchmark (v3.0, section 4) wants a CloudWatch
 * Logs metric filter and alarm for, each with the words a filter pattern for it must contain.
 * Event names are matched as whole words, so `CreateRouteTable` does not stand in for `CreateRoute`.
 */
export interface SecurityEventClass {
    readonly id: string;
    readonly title: string;
    readonly words: readonly string[];
}

export const SECURITY_EVENT_CLASSES: readonly SecurityEventClass[] = [
    {
        id: "unauthorized-api-calls",
        title: "unauthorized API calls (CIS 4.1)",
        words: ["$.errorCode", "UnauthorizedOperation", "AccessDenied"],
    },
    { id: "console-sign-in-without-mfa", title: "console sign-in without MFA (CIS 4.2)", words: ["ConsoleLogin", "MFAUsed"] },
    { id: "root-usage", title: "use of the root user (CIS 4.3)", words: ["$.userIdentity.type", "Root"] },
    {
        id: "iam-policy-changes",
        title: "IAM policy changes (CIS 4.4)",
        words: [
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
        ],
    },
    {
        id: "cloudtrail-changes",
        title: "CloudTrail configuration changes (CIS 4.5)",
        words: ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"],
    },
    {
        id: "console-authentication-failures",
        title: "console authentication failures (CIS 4.6)",
        words: ["ConsoleLogin", "Failed authentication"],
    },
    {
        id: "kms-key-disabling",
        title: "disabling or scheduled deletion of KMS keys (CIS 4.7)",
        words: ["kms.amazonaws.com", "DisableKey", "ScheduleKeyDeletion"],
    },
    {
        id: "s3-bucket-policy-changes",
        title: "S3 bucket policy changes (CIS 4.8)",
        words: [
            "s3.amazonaws.com",
            "PutBucketAcl",
            "PutBucketPolicy",
            "PutBucketCors",
            "PutBucketLifecycle",
            "PutBucketReplication",
            "DeleteBucketPolicy",
            "DeleteBucketCors",
            "DeleteBucketLifecycle",
            "DeleteBucketReplication",
        ],
    },
    {
        id: "config-changes",
        title: "AWS Config configuration changes (CIS 4.9)",
        words: [
            "config.amazonaws.com",
            "StopConfigurationRecorder",
            "DeleteDeliveryChannel",
            "PutDeliveryChannel",
            "PutConfigurationRecorder",
        ],
    },
    {
        id: "security-group-changes",
        title: "security group changes (CIS 4.10)",
        words: [
            "AuthorizeSecurityGroupIngress",
            "AuthorizeSecurityGroupEgress",
            "RevokeSecurityGroupIngress",
            "RevokeSecurityGroupEgress",
            "CreateSecurityGroup",
            "DeleteSecurityGroup",
        ],
    },
    {
        id: "nacl-changes",
        title: "network ACL changes (CIS 4.11)",
        words: [
            "CreateNetworkAcl",
            "CreateNetworkAclEntry",
            "DeleteNetworkAcl",
            "DeleteNetworkAclEntry",
            "ReplaceNetworkAclEntry",
            "ReplaceNetworkAclAssociation",
        ],
    },
    {
        id: "network-gateway-changes",
        title: "network gateway changes (CIS 4.12)",
        words: [
            "CreateCustomerGateway",
            "DeleteCustomerGateway",
            "AttachInternetGateway",
            "CreateInternetGateway",
            "DeleteInternetGateway",
            "DetachInternetGateway",
        ],
    },
    {
        id: "route-table-changes",
        title: "route table changes (CIS 4.13)",
        words: [
            "CreateRoute",
            "CreateRouteTable",
            "ReplaceRoute",
            "ReplaceRouteTableAssociation",
            "DeleteRouteTable",
            "DeleteRoute",
            "DisassociateRouteTable",
        ],
    },
    {
        id: "vpc-changes",
        title: "VPC changes (CIS 4.14)",
        words: [
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
        ],
    },
    {
        id: "organizations-changes",
        title: "AWS Organizations changes (CIS 4.15)",
        words: [
            "organizations.amazonaws.com",
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
        ],
    },
];

function isWordChar(code: number): boolean {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Whether `text` contains `word` not followed by more letters or digits. */
export function containsWord(text: string, word: string): boolean {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
        if (!isWordChar(text.charCodeAt(i + word.length))) return true;
    }
    return false;
}

/** Whether a filter pattern selects the class's events: it names every word of the class. */
export function patternCovers(pattern: string, c: SecurityEventClass): boolean {
    return c.words.every((w) => containsWord(pattern, w));
}
