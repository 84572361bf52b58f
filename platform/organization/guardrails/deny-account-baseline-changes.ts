import { policyDocument } from "../../security/policy-document";
import { Guardrail, pipelinePrincipals } from "./model";

/** Account-wide settings of the security baseline: S3 public access block, EBS encryption by default, the password policy. */
export const ACCOUNT_BASELINE_ACTIONS = [
    "ec2:DisableEbsEncryptionByDefault",
    "ec2:ModifyEbsDefaultKmsKeyId",
    "ec2:ResetEbsDefaultKmsKeyId",
    "iam:DeleteAccountPasswordPolicy",
    "iam:UpdateAccountPasswordPolicy",
    "s3:PutAccountPublicAccessBlock",
] as const;

/** The account's S3 public-access block and EBS default encryption change only through the pipeline. */
export const denyAccountBaselineChanges: Guardrail = {
    id: "deny-account-baseline-changes",
    description:
        "EDF baseline: the account S3 public access block, EBS default encryption and password policy change only through the pipeline.",
    rationale:
        "One API call undoes an account-wide protection for every bucket or volume at once. The security unit sets " +
        "these through the deployment role; nobody else may touch them. PCI DSS 1.4.1, 3.5.1, 8.3.6.",
    level: "ou",
    document: (context) =>
        policyDocument([
            {
                Sid: "DenyAccountBaselineChanges",
                Effect: "Deny",
                Action: [...ACCOUNT_BASELINE_ACTIONS],
                Resource: "*",
                Condition: { ArnNotLike: { "aws:PrincipalArn": pipelinePrincipals(context) } },
            },
        ]),
};
