import { policyDocument } from "../../security/policy-document";
import { Guardrail, pipelinePrincipals } from "./model";

/** Actions that stop, delete or detach the audit trail and the security services. */
export const SECURITY_SERVICE_ACTIONS = [
    "cloudtrail:DeleteTrail",
    "cloudtrail:PutEventSelectors",
    "cloudtrail:StopLogging",
    "cloudtrail:UpdateTrail",
    "config:DeleteConfigurationRecorder",
    "config:DeleteDeliveryChannel",
    "config:DeleteRetentionConfiguration",
    "config:StopConfigurationRecorder",
    "guardduty:DeleteDetector",
    "guardduty:DeleteMembers",
    "guardduty:DisassociateFromAdministratorAccount",
    "guardduty:DisassociateFromMasterAccount",
    "guardduty:DisassociateMembers",
    "guardduty:StopMonitoringMembers",
    "guardduty:UpdateDetector",
    "securityhub:BatchDisableStandards",
    "securityhub:DeleteMembers",
    "securityhub:DisableSecurityHub",
    "securityhub:DisassociateFromAdministratorAccount",
    "securityhub:DisassociateFromMasterAccount",
    "securityhub:DisassociateMembers",
    "access-analyzer:DeleteAnalyzer",
] as const;

/**
 * CloudTrail, AWS Config, GuardDuty, Security Hub and IAM Access Analyzer cannot be stopped, deleted or
 * detached from the organisation, except by the pipeline that manages them.
 */
export const denySecurityServicesChanges: Guardrail = {
    id: "deny-security-services-changes",
    description: "EDF baseline: CloudTrail, Config, GuardDuty, Security Hub and Access Analyzer cannot be stopped or deleted.",
    rationale:
        "Detection is worth nothing if the attacker can switch it off: a workload role, even an administrator of its " +
        "account, must not stop the trail, the recorder or the detectors. Only the deployment and bootstrap roles, which " +
        "manage them, are exempt. PCI DSS 10.2.1, 10.3.2, 10.7.1, 11.5.1.",
    level: "root",
    document: (context) =>
        policyDocument([
            {
                Sid: "DenySecurityServicesChanges",
                Effect: "Deny",
                Action: [...SECURITY_SERVICE_ACTIONS],
                Resource: "*",
                Condition: { ArnNotLike: { "aws:PrincipalArn": pipelinePrincipals(context) } },
            },
        ]),
};
