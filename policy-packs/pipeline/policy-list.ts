import type { PolicyDefinition } from "../lib/model";
import { computePolicies } from "./areas/compute";
import { dataPolicies } from "./areas/data";
import { identityPolicies } from "./areas/identity";
import { infraPolicies } from "./areas/infra";
import { organizationPolicies } from "./areas/organization";
import { storagePolicies } from "./areas/storage";
import { accountSecurityServicesEnabled } from "./policies/account-security-services-enabled";
import { albAccessLogsEnabled } from "./policies/alb-access-logs-enabled";
import { albHttpRedirectsToHttps } from "./policies/alb-http-redirects-to-https";
import { albInternetFacingHasWaf } from "./policies/alb-internet-facing-has-waf";
import { albTlsPolicyAllowed } from "./policies/alb-tls-policy-allowed";
import { cloudtrailMultiRegionValidatedEncrypted } from "./policies/cloudtrail-multi-region-validated-encrypted";
import { cloudwatchLogGroupKmsEncrypted } from "./policies/cloudwatch-log-group-kms-encrypted";
import { cloudwatchLogGroupRetention } from "./policies/cloudwatch-log-group-retention";
import { criticalResourcesProtected } from "./policies/critical-resources-protected";
import { dynamodbTableKmsEncrypted } from "./policies/dynamodb-table-kms-encrypted";
import { ebsVolumeEncrypted } from "./policies/ebs-volume-encrypted";
import { ecrScanningEnabled } from "./policies/ecr-scanning-enabled";
import { ecrTagsImmutable } from "./policies/ecr-tags-immutable";
import { ecsContainerLogConfiguration } from "./policies/ecs-container-log-configuration";
import { ecsContainerNoPlaintextSecrets } from "./policies/ecs-container-no-plaintext-secrets";
import { ecsContainerNonRootUser } from "./policies/ecs-container-non-root-user";
import { ecsContainerNotPrivileged } from "./policies/ecs-container-not-privileged";
import { ecsContainerReadOnlyRoot } from "./policies/ecs-container-read-only-root";
import { ecsImageFromApprovedRegistry } from "./policies/ecs-image-from-approved-registry";
import { ecsImagePinnedByDigest } from "./policies/ecs-image-pinned-by-digest";
import { ecsServiceNoPublicIp } from "./policies/ecs-service-no-public-ip";
import { ecsServicePrivateSubnets } from "./policies/ecs-service-private-subnets";
import { ecsTaskRolesLeastPrivilege } from "./policies/ecs-task-roles-least-privilege";
import { efsFileSystemEncrypted } from "./policies/efs-file-system-encrypted";
import { iamNoPassroleWildcard } from "./policies/iam-no-passrole-wildcard";
import { iamNoUsersInWorkloadStacks } from "./policies/iam-no-users-in-workload-stacks";
import { iamNoWildcardAdmin } from "./policies/iam-no-wildcard-admin";
import { iamRolePermissionsBoundary } from "./policies/iam-role-permissions-boundary";
import { kmsKeyRotationEnabled } from "./policies/kms-key-rotation-enabled";
import { productionStackTargetsProductionAccount } from "./policies/production-stack-targets-production-account";
import { rdsBackupsEnabled } from "./policies/rds-backups-enabled";
import { rdsMultiAzInProduction } from "./policies/rds-multi-az-in-production";
import { rdsNotPubliclyAccessible } from "./policies/rds-not-publicly-accessible";
import { rdsStorageEncrypted } from "./policies/rds-storage-encrypted";
import { resourceRequiredTags } from "./policies/resource-required-tags";
import { s3BucketKmsEncrypted } from "./policies/s3-bucket-kms-encrypted";
import { s3BucketPublicAccessBlocked } from "./policies/s3-bucket-public-access-blocked";
import { s3BucketTlsOnly } from "./policies/s3-bucket-tls-only";
import { securityGroupInternetIngressWebOnly } from "./policies/security-group-internet-ingress-web-only";
import { securityGroupNoAdminPortsOpen } from "./policies/security-group-no-admin-ports-open";
import { sqsQueueEncrypted } from "./policies/sqs-queue-encrypted";
import { subnetNoPublicIpOutsidePublicTier } from "./policies/subnet-no-public-ip-outside-public-tier";
import { vpcDefaultSecurityGroupClosed } from "./policies/vpc-default-security-group-closed";
import { vpcFlowLogsEnabled } from "./policies/vpc-flow-logs-enabled";

/** Every pipeline policy, in pack order. Import this (never the pack entry point, which serves gRPC). */
export const pipelinePolicies: readonly PolicyDefinition[] = [
    accountSecurityServicesEnabled,
    albAccessLogsEnabled,
    albHttpRedirectsToHttps,
    albInternetFacingHasWaf,
    albTlsPolicyAllowed,
    cloudtrailMultiRegionValidatedEncrypted,
    cloudwatchLogGroupKmsEncrypted,
    cloudwatchLogGroupRetention,
    criticalResourcesProtected,
    dynamodbTableKmsEncrypted,
    ebsVolumeEncrypted,
    ecrScanningEnabled,
    ecrTagsImmutable,
    ecsContainerLogConfiguration,
    ecsContainerNoPlaintextSecrets,
    ecsContainerNonRootUser,
    ecsContainerNotPrivileged,
    ecsContainerReadOnlyRoot,
    ecsImageFromApprovedRegistry,
    ecsImagePinnedByDigest,
    ecsServiceNoPublicIp,
    ecsServicePrivateSubnets,
    ecsTaskRolesLeastPrivilege,
    efsFileSystemEncrypted,
    iamNoPassroleWildcard,
    iamNoUsersInWorkloadStacks,
    iamNoWildcardAdmin,
    iamRolePermissionsBoundary,
    kmsKeyRotationEnabled,
    productionStackTargetsProductionAccount,
    rdsBackupsEnabled,
    rdsMultiAzInProduction,
    rdsNotPubliclyAccessible,
    rdsStorageEncrypted,
    resourceRequiredTags,
    s3BucketKmsEncrypted,
    s3BucketPublicAccessBlocked,
    s3BucketTlsOnly,
    securityGroupInternetIngressWebOnly,
    securityGroupNoAdminPortsOpen,
    sqsQueueEncrypted,
    subnetNoPublicIpOutsidePublicTier,
    vpcDefaultSecurityGroupClosed,
    vpcFlowLogsEnabled,
    ...computePolicies,
    ...dataPolicies,
    ...storagePolicies,
    ...infraPolicies,
    ...identityPolicies,
    ...organizationPolicies,
];
