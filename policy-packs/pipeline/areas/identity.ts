import type { PolicyDefinition } from "../../lib/model";
import { cloudformationStackNotifications } from "../policies/cloudformation-stack-notifications";
import { cloudtrailCloudwatchLogsIntegrated } from "../policies/cloudtrail-cloudwatch-logs-integrated";
import { cloudtrailEventDataStoreKmsEncrypted } from "../policies/cloudtrail-event-data-store-kms-encrypted";
import { cloudtrailLoggingEnabled } from "../policies/cloudtrail-logging-enabled";
import { cloudtrailS3DataEventsRecorded } from "../policies/cloudtrail-s3-data-events-recorded";
import { cloudtrailSnsNotifications } from "../policies/cloudtrail-sns-notifications";
import { cloudwatchAlarmActionsEnabled } from "../policies/cloudwatch-alarm-actions-enabled";
import { cloudwatchSecurityEventAlarms } from "../policies/cloudwatch-security-event-alarms";
import { configAggregatorAllRegions } from "../policies/config-aggregator-all-regions";
import { configRecorderRecordsAllResources } from "../policies/config-recorder-records-all-resources";
import { guarddutyDetectorEnabled } from "../policies/guardduty-detector-enabled";
import { guarddutyOrganizationAutoEnable } from "../policies/guardduty-organization-auto-enable";
import { iamAccountPasswordPolicyStrong } from "../policies/iam-account-password-policy-strong";
import { iamBoundaryNotAttached } from "../policies/iam-boundary-not-attached";
import { iamGroupHasMembers } from "../policies/iam-group-has-members";
import { iamNoAwsManagedPolicies } from "../policies/iam-no-aws-managed-policies";
import { iamNoInlinePolicies } from "../policies/iam-no-inline-policies";
import { iamPolicyConditionsNarrow } from "../policies/iam-policy-conditions-narrow";
import { iamPolicyNoAllowWithNotElements } from "../policies/iam-policy-no-allow-with-not-elements";
import { iamPolicyNoPrivilegeEscalation } from "../policies/iam-policy-no-privilege-escalation";
import { iamPolicyNoServiceWildcardActions } from "../policies/iam-policy-no-service-wildcard-actions";
import { iamPolicyResourcesScoped } from "../policies/iam-policy-resources-scoped";
import { iamRoleTrustPrincipalsScoped } from "../policies/iam-role-trust-principals-scoped";
import { iamUserNoDirectPolicies } from "../policies/iam-user-no-direct-policies";
import { kmsKeyDeletionWindow } from "../policies/kms-key-deletion-window";
import { kmsKeyEnabled } from "../policies/kms-key-enabled";
import { kmsKeyHasDescription } from "../policies/kms-key-has-description";
import { kmsKeyMultiRegionAllowed } from "../policies/kms-key-multi-region-allowed";
import { kmsKeyNoLockoutSafetyBypass } from "../policies/kms-key-no-lockout-safety-bypass";
import { kmsKeyPolicyDefined } from "../policies/kms-key-policy-defined";
import { kmsKeyPolicyNoWildcardPrincipal } from "../policies/kms-key-policy-no-wildcard-principal";
import { kmsKeySpecAllowed } from "../policies/kms-key-spec-allowed";
import { ssmDocumentNotPublic } from "../policies/ssm-document-not-public";
import { ssmParameterSecureStringCmk } from "../policies/ssm-parameter-secure-string-cmk";
import { ssmSessionManagerKmsEncrypted } from "../policies/ssm-session-manager-kms-encrypted";
import { ssmSessionManagerLoggingEncrypted } from "../policies/ssm-session-manager-logging-encrypted";

/**
 * Identity, keys and governance (IAM documents analysed as documents, KMS, CloudTrail, CloudWatch, Config, GuardDuty, SSM, ...), in pack
 * order.
 */
export const identityPolicies: readonly PolicyDefinition[] = [
    iamPolicyNoServiceWildcardActions,
    iamPolicyNoAllowWithNotElements,
    iamPolicyNoPrivilegeEscalation,
    iamPolicyResourcesScoped,
    iamPolicyConditionsNarrow,
    iamRoleTrustPrincipalsScoped,
    iamBoundaryNotAttached,
    iamNoAwsManagedPolicies,
    iamUserNoDirectPolicies,
    iamNoInlinePolicies,
    iamGroupHasMembers,
    iamAccountPasswordPolicyStrong,
    kmsKeyPolicyNoWildcardPrincipal,
    kmsKeyPolicyDefined,
    kmsKeyNoLockoutSafetyBypass,
    kmsKeyEnabled,
    kmsKeyHasDescription,
    kmsKeyDeletionWindow,
    kmsKeyMultiRegionAllowed,
    kmsKeySpecAllowed,
    cloudtrailCloudwatchLogsIntegrated,
    cloudtrailLoggingEnabled,
    cloudtrailSnsNotifications,
    cloudtrailEventDataStoreKmsEncrypted,
    cloudtrailS3DataEventsRecorded,
    cloudwatchAlarmActionsEnabled,
    cloudwatchSecurityEventAlarms,
    configRecorderRecordsAllResources,
    configAggregatorAllRegions,
    guarddutyDetectorEnabled,
    guarddutyOrganizationAutoEnable,
    ssmDocumentNotPublic,
    ssmSessionManagerKmsEncrypted,
    ssmSessionManagerLoggingEncrypted,
    ssmParameterSecureStringCmk,
    cloudformationStackNotifications,
];
