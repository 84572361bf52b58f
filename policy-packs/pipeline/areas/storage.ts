import type { PolicyDefinition } from "../../lib/model";
import { appflowFlowDescribed } from "../policies/appflow-flow-described";
import { appflowKmsEncrypted } from "../policies/appflow-kms-encrypted";
import { athenaDatabaseEncrypted } from "../policies/athena-database-encrypted";
import { athenaResourcesDescribed } from "../policies/athena-resources-described";
import { athenaWorkgroupEncrypted } from "../policies/athena-workgroup-encrypted";
import { backupPlanRetentionMinimum } from "../policies/backup-plan-retention-minimum";
import { backupVaultKmsEncrypted } from "../policies/backup-vault-kms-encrypted";
import { backupVaultLocked } from "../policies/backup-vault-locked";
import { backupVaultPolicyNotPublic } from "../policies/backup-vault-policy-not-public";
import { bedrockAgentGuardrailConfigured } from "../policies/bedrock-agent-guardrail-configured";
import { bedrockAgentKmsEncrypted } from "../policies/bedrock-agent-kms-encrypted";
import { cloudsearchAccessPolicyNotPublic } from "../policies/cloudsearch-access-policy-not-public";
import { cloudsearchDomainHttpsEnforced } from "../policies/cloudsearch-domain-https-enforced";
import { comprehendModelKmsEncrypted } from "../policies/comprehend-model-kms-encrypted";
import { datasyncTaskLoggingEnabled } from "../policies/datasync-task-logging-enabled";
import { efsAccessPointLeastPrivilege } from "../policies/efs-access-point-least-privilege";
import { efsFileSystemBackedUp } from "../policies/efs-file-system-backed-up";
import { efsFileSystemMultiAz } from "../policies/efs-file-system-multi-az";
import { efsFileSystemPolicyNotPublic } from "../policies/efs-file-system-policy-not-public";
import { efsFileSystemTlsOnly } from "../policies/efs-file-system-tls-only";
import { emrBlockPublicAccessEnabled } from "../policies/emr-block-public-access-enabled";
import { emrClusterKerberosEnabled } from "../policies/emr-cluster-kerberos-enabled";
import { emrClusterLoggingEnabled } from "../policies/emr-cluster-logging-enabled";
import { emrClusterSecurityConfiguration } from "../policies/emr-cluster-security-configuration";
import { emrClusterSecurityGroupsNotPublic } from "../policies/emr-cluster-security-groups-not-public";
import { emrSecurityConfigurationEncryptsAtRest } from "../policies/emr-security-configuration-encrypts-at-rest";
import { emrSecurityConfigurationEncryptsInTransit } from "../policies/emr-security-configuration-encrypts-in-transit";
import { fsxFileSystemKmsEncrypted } from "../policies/fsx-file-system-kms-encrypted";
import { fsxFileSystemLoggingEnabled } from "../policies/fsx-file-system-logging-enabled";
import { glacierVaultPolicyNotPublic } from "../policies/glacier-vault-policy-not-public";
import { glueDataCatalogEncrypted } from "../policies/glue-data-catalog-encrypted";
import { glueJobsSecurityConfiguration } from "../policies/glue-jobs-security-configuration";
import { glueResourcePolicyNotPublic } from "../policies/glue-resource-policy-not-public";
import { glueSecurityConfigurationEncrypted } from "../policies/glue-security-configuration-encrypted";
import { kendraIndexKmsEncrypted } from "../policies/kendra-index-kms-encrypted";
import { mwaaEnvironmentKmsEncrypted } from "../policies/mwaa-environment-kms-encrypted";
import { mwaaEnvironmentLoggingEnabled } from "../policies/mwaa-environment-logging-enabled";
import { mwaaEnvironmentPrivateWebserver } from "../policies/mwaa-environment-private-webserver";
import { opensearchDomainAccessPolicyNotPublic } from "../policies/opensearch-domain-access-policy-not-public";
import { opensearchDomainEncryptedAtRest } from "../policies/opensearch-domain-encrypted-at-rest";
import { opensearchDomainFineGrainedAccessControl } from "../policies/opensearch-domain-fine-grained-access-control";
import { opensearchDomainHighlyAvailable } from "../policies/opensearch-domain-highly-available";
import { opensearchDomainHttpsEnforced } from "../policies/opensearch-domain-https-enforced";
import { opensearchDomainInVpc } from "../policies/opensearch-domain-in-vpc";
import { opensearchDomainLogsPublished } from "../policies/opensearch-domain-logs-published";
import { opensearchDomainNodeToNodeEncrypted } from "../policies/opensearch-domain-node-to-node-encrypted";
import { quicksightDataSourceSsl } from "../policies/quicksight-data-source-ssl";
import { s3AccessPointNotPublic } from "../policies/s3-access-point-not-public";
import { s3BucketAccessLoggingEnabled } from "../policies/s3-bucket-access-logging-enabled";
import { s3BucketAclNotPublic } from "../policies/s3-bucket-acl-not-public";
import { s3BucketAclsDisabled } from "../policies/s3-bucket-acls-disabled";
import { s3BucketLifecycleConfigured } from "../policies/s3-bucket-lifecycle-configured";
import { s3BucketPolicyNoLockout } from "../policies/s3-bucket-policy-no-lockout";
import { s3BucketPolicyNotPublic } from "../policies/s3-bucket-policy-not-public";
import { s3BucketVersioningEnabled } from "../policies/s3-bucket-versioning-enabled";
import { s3LogBucketObjectLockEnabled } from "../policies/s3-log-bucket-object-lock-enabled";
import { s3ObjectKmsEncrypted } from "../policies/s3-object-kms-encrypted";
import { sagemakerDomainVpcOnly } from "../policies/sagemaker-domain-vpc-only";
import { sagemakerModelNetworkIsolation } from "../policies/sagemaker-model-network-isolation";
import { sagemakerMonitoringJobTrafficEncrypted } from "../policies/sagemaker-monitoring-job-traffic-encrypted";
import { sagemakerNotebookImdsv2Required } from "../policies/sagemaker-notebook-imdsv2-required";
import { sagemakerNotebookNetworkIsolated } from "../policies/sagemaker-notebook-network-isolated";
import { sagemakerNotebookRoleLeastPrivilege } from "../policies/sagemaker-notebook-role-least-privilege";
import { sagemakerNotebookRootAccessDisabled } from "../policies/sagemaker-notebook-root-access-disabled";
import { sagemakerResourcesKmsEncrypted } from "../policies/sagemaker-resources-kms-encrypted";

/** Storage, analytics and machine learning (S3, OpenSearch, EFS, FSx, Backup, SageMaker, Athena, EMR, Glue, ...), in pack order. */
export const storagePolicies: readonly PolicyDefinition[] = [
    // S3 (the core list holds s3-bucket-kms-encrypted, -public-access-blocked and -tls-only) and Glacier
    s3AccessPointNotPublic,
    s3BucketAccessLoggingEnabled,
    s3BucketAclNotPublic,
    s3BucketAclsDisabled,
    s3BucketLifecycleConfigured,
    s3BucketPolicyNoLockout,
    s3BucketPolicyNotPublic,
    s3BucketVersioningEnabled,
    s3LogBucketObjectLockEnabled,
    s3ObjectKmsEncrypted,
    glacierVaultPolicyNotPublic,
    // OpenSearch (and its Elasticsearch predecessor)
    opensearchDomainAccessPolicyNotPublic,
    opensearchDomainEncryptedAtRest,
    opensearchDomainFineGrainedAccessControl,
    opensearchDomainHighlyAvailable,
    opensearchDomainHttpsEnforced,
    opensearchDomainInVpc,
    opensearchDomainLogsPublished,
    opensearchDomainNodeToNodeEncrypted,
    // EFS (the core list holds efs-file-system-encrypted) and FSx
    efsAccessPointLeastPrivilege,
    efsFileSystemBackedUp,
    efsFileSystemMultiAz,
    efsFileSystemPolicyNotPublic,
    efsFileSystemTlsOnly,
    fsxFileSystemKmsEncrypted,
    fsxFileSystemLoggingEnabled,
    // AWS Backup
    backupPlanRetentionMinimum,
    backupVaultKmsEncrypted,
    backupVaultLocked,
    backupVaultPolicyNotPublic,
    // SageMaker
    sagemakerDomainVpcOnly,
    sagemakerModelNetworkIsolation,
    sagemakerMonitoringJobTrafficEncrypted,
    sagemakerNotebookImdsv2Required,
    sagemakerNotebookNetworkIsolated,
    sagemakerNotebookRoleLeastPrivilege,
    sagemakerNotebookRootAccessDisabled,
    sagemakerResourcesKmsEncrypted,
    // Athena, EMR and Glue
    athenaDatabaseEncrypted,
    athenaResourcesDescribed,
    athenaWorkgroupEncrypted,
    emrBlockPublicAccessEnabled,
    emrClusterKerberosEnabled,
    emrClusterLoggingEnabled,
    emrClusterSecurityConfiguration,
    emrClusterSecurityGroupsNotPublic,
    emrSecurityConfigurationEncryptsAtRest,
    emrSecurityConfigurationEncryptsInTransit,
    glueDataCatalogEncrypted,
    glueJobsSecurityConfiguration,
    glueResourcePolicyNotPublic,
    glueSecurityConfigurationEncrypted,
    // CloudSearch, Comprehend, Bedrock, Kendra, QuickSight, DataSync, AppFlow, MWAA
    cloudsearchAccessPolicyNotPublic,
    cloudsearchDomainHttpsEnforced,
    comprehendModelKmsEncrypted,
    bedrockAgentGuardrailConfigured,
    bedrockAgentKmsEncrypted,
    kendraIndexKmsEncrypted,
    quicksightDataSourceSsl,
    datasyncTaskLoggingEnabled,
    appflowFlowDescribed,
    appflowKmsEncrypted,
    mwaaEnvironmentKmsEncrypted,
    mwaaEnvironmentLoggingEnabled,
    mwaaEnvironmentPrivateWebserver,
];
