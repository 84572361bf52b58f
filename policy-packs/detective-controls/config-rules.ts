/**
 * Detective controls that AWS runs: for each pipeline policy whose control an AWS Config managed
 * rule also checks, the rule (or rules) and its parameters. The pipeline pack stops a weak resource
 * before it is deployed; the rule catches the same weakness when it is made outside the pipeline
 * (the console, a script, a drifted stack), where it happens. `platform/security` deploys these
 * (`detectiveControls`), docs/controls-matrix.md lists them (npm run docs:controls).
 *
 * Pure data. Every identifier must be in `managed-rules.tsv` beside this file (AWS's published
 * identifiers, with their source and date) and every parameter one that rule takes; every policy
 * id must be a pipeline policy (test/unit/policy-packs/detective-controls/config-rules.test.ts).
 * Map only where the rule checks the same thing: where it is stricter or looser, say so in `note`.
 */

/** One AWS Config managed rule, as a pipeline policy's counterpart. */
export interface ManagedRule {
    /** The managed rule's identifier (`Source.SourceIdentifier`), e.g. `RDS_STORAGE_ENCRYPTED`. */
    readonly identifier: string;
    /** Input parameters (AWS Config takes strings). @default - the rule's defaults */
    readonly parameters?: Readonly<Record<string, string>>;
}

export interface ConfigRuleMapping {
    /** The pipeline policy's id. */
    readonly policy: string;
    readonly rules: readonly ManagedRule[];
    /** Deployed only in environments of size `prod` (the policy holds there only). @default false */
    readonly productionOnly?: boolean;
    /** How the rule's check differs from the policy's, when it does. */
    readonly note?: string;
}

const rule = (identifier: string, parameters?: Record<string, string>): ManagedRule =>
    parameters ? { identifier, parameters } : { identifier };
const one = (policy: string, identifier: string, extra: Partial<ConfigRuleMapping> = {}): ConfigRuleMapping => ({
    policy,
    rules: [rule(identifier)],
    ...extra,
});

export const CONFIG_RULE_MAPPINGS: readonly ConfigRuleMapping[] = [
    // Storage
    one("s3-bucket-public-access-blocked", "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED"),
    one("s3-bucket-kms-encrypted", "S3_DEFAULT_ENCRYPTION_KMS"),
    one("s3-bucket-tls-only", "S3_BUCKET_SSL_REQUESTS_ONLY"),
    one("s3-bucket-versioning-enabled", "S3_BUCKET_VERSIONING_ENABLED"),
    one("s3-bucket-access-logging-enabled", "S3_BUCKET_LOGGING_ENABLED"),
    one("s3-bucket-acls-disabled", "S3_BUCKET_ACL_PROHIBITED"),
    one("s3-bucket-lifecycle-configured", "S3_LIFECYCLE_POLICY_CHECK"),
    one("s3-access-point-not-public", "S3_ACCESS_POINT_PUBLIC_ACCESS_BLOCKS"),
    one("ebs-volume-encrypted", "ENCRYPTED_VOLUMES"),
    one("efs-file-system-encrypted", "EFS_ENCRYPTED_CHECK"),
    // Databases
    one("rds-storage-encrypted", "RDS_STORAGE_ENCRYPTED"),
    one("rds-not-publicly-accessible", "RDS_INSTANCE_PUBLIC_ACCESS_CHECK"),
    one("rds-snapshot-not-public", "RDS_SNAPSHOTS_PUBLIC_PROHIBITED"),
    one("rds-auto-minor-version-upgrade", "RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED"),
    one("rds-iam-authentication", "RDS_INSTANCE_IAM_AUTHENTICATION_ENABLED"),
    one("rds-instance-monitoring", "RDS_ENHANCED_MONITORING_ENABLED"),
    one("rds-log-exports", "RDS_LOGGING_ENABLED"),
    one("rds-backups-enabled", "DB_INSTANCE_BACKUP_ENABLED"),
    {
        policy: "rds-deletion-protection-in-production",
        rules: [rule("RDS_INSTANCE_DELETION_PROTECTION_ENABLED"), rule("RDS_CLUSTER_DELETION_PROTECTION_ENABLED")],
        productionOnly: true,
    },
    {
        policy: "rds-multi-az-in-production",
        rules: [rule("RDS_MULTI_AZ_SUPPORT"), rule("RDS_CLUSTER_MULTI_AZ_ENABLED")],
        productionOnly: true,
    },
    one("dynamodb-point-in-time-recovery", "DYNAMODB_PITR_ENABLED"),
    one("dynamodb-table-kms-encrypted", "DYNAMODB_TABLE_ENCRYPTED_KMS"),
    one("dynamodb-table-autoscaling", "DYNAMODB_AUTOSCALING_ENABLED", {
        note: "The rule also accepts on-demand tables, as the policy does; it reads provisioned tables' scaling targets.",
    }),
    one("docdb-storage-encrypted", "DOCDB_CLUSTER_ENCRYPTED"),
    one("neptune-storage-encrypted", "NEPTUNE_CLUSTER_ENCRYPTED"),
    one("neptune-iam-authentication", "NEPTUNE_CLUSTER_IAM_DATABASE_AUTHENTICATION"),
    one("neptune-audit-log-export", "NEPTUNE_CLUSTER_CLOUDWATCH_LOG_EXPORT_ENABLED"),
    one("neptune-backup-retention", "NEPTUNE_CLUSTER_BACKUP_RETENTION_CHECK"),
    one("dax-cluster-encrypted", "DAX_ENCRYPTION_ENABLED"),
    one("dax-cluster-tls", "DAX_TLS_ENDPOINT_ENCRYPTION"),
    one("elasticache-snapshot-retention", "ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK"),
    one("redshift-customer-managed-key", "REDSHIFT_CLUSTER_KMS_ENABLED"),
    one("redshift-not-publicly-accessible", "REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK"),
    one("redshift-enhanced-vpc-routing", "REDSHIFT_ENHANCED_VPC_ROUTING_ENABLED"),
    one("redshift-tls-required", "REDSHIFT_REQUIRE_TLS_SSL"),
    one("redshift-audit-logging", "REDSHIFT_AUDIT_LOGGING_ENABLED"),
    one("redshift-non-default-admin-username", "REDSHIFT_DEFAULT_ADMIN_CHECK"),
    one("redshift-non-default-database-name", "REDSHIFT_DEFAULT_DB_NAME_CHECK"),
    one("opensearch-domain-encrypted-at-rest", "OPENSEARCH_ENCRYPTED_AT_REST"),
    one("opensearch-domain-in-vpc", "OPENSEARCH_IN_VPC_ONLY"),
    one("opensearch-domain-node-to-node-encrypted", "OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK"),
    one("opensearch-domain-https-enforced", "OPENSEARCH_HTTPS_REQUIRED"),
    one("opensearch-domain-fine-grained-access-control", "OPENSEARCH_ACCESS_CONTROL_ENABLED"),
    one("opensearch-domain-logs-published", "OPENSEARCH_LOGS_TO_CLOUDWATCH"),
    one("dms-replication-instance-not-public", "DMS_REPLICATION_NOT_PUBLIC"),
    one("dms-endpoint-ssl", "DMS_ENDPOINT_SSL_CONFIGURED"),
    one("kinesis-stream-encrypted", "KINESIS_STREAM_ENCRYPTED"),
    one("msk-cluster-encryption-in-transit", "MSK_IN_CLUSTER_NODE_REQUIRE_TLS"),
    one("athena-workgroup-encrypted", "ATHENA_WORKGROUP_ENCRYPTED_AT_REST"),
    // Keys, secrets, messaging
    one("kms-key-rotation-enabled", "CMK_BACKING_KEY_ROTATION_ENABLED"),
    one("secretsmanager-secret-customer-managed-key", "SECRETSMANAGER_USING_CMK"),
    one("sns-topic-kms-encrypted", "SNS_ENCRYPTED_KMS"),
    // Logging and monitoring
    one("cloudwatch-log-group-kms-encrypted", "CLOUDWATCH_LOG_GROUP_ENCRYPTED"),
    {
        policy: "cloudwatch-log-group-retention",
        rules: [rule("CW_LOGGROUP_RETENTION_PERIOD_CHECK", { MinRetentionTime: "365" })],
    },
    {
        policy: "cloudtrail-multi-region-validated-encrypted",
        rules: [
            rule("MULTI_REGION_CLOUD_TRAIL_ENABLED"),
            rule("CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED"),
            rule("CLOUD_TRAIL_ENCRYPTION_ENABLED"),
        ],
    },
    one("cloudtrail-logging-enabled", "CLOUD_TRAIL_ENABLED"),
    one("cloudtrail-cloudwatch-logs-integrated", "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED"),
    one("cloudtrail-s3-data-events-recorded", "CLOUDTRAIL_S3_DATAEVENTS_ENABLED"),
    one("cloudwatch-alarm-actions-enabled", "CLOUDWATCH_ALARM_ACTION_ENABLED_CHECK"),
    one("guardduty-detector-enabled", "GUARDDUTY_ENABLED_CENTRALIZED"),
    one("account-security-services-enabled", "SECURITYHUB_ENABLED", {
        note: "The rule checks Security Hub only; GuardDuty has its own rule (guardduty-detector-enabled).",
    }),
    one("vpc-flow-logs-enabled", "VPC_FLOW_LOGS_ENABLED"),
    one("waf-web-acl-logging", "WAFV2_LOGGING_ENABLED"),
    one("alb-access-logs-enabled", "ELB_LOGGING_ENABLED"),
    one("apigateway-stage-execution-logging", "API_GW_EXECUTION_LOGGING_ENABLED"),
    one("apigateway-stage-tracing", "API_GW_XRAY_ENABLED"),
    one("appsync-api-logging", "APPSYNC_LOGGING_ENABLED"),
    one("codebuild-project-logging", "CODEBUILD_PROJECT_LOGGING_ENABLED"),
    one("mq-broker-logging", "MQ_CLOUDWATCH_AUDIT_LOGGING_ENABLED"),
    one("network-firewall-logging-enabled", "NETFW_LOGGING_ENABLED"),
    one("sfn-state-machine-logging", "STEP_FUNCTIONS_STATE_MACHINE_LOGGING_ENABLED"),
    one("eks-cluster-control-plane-logging", "EKS_CLUSTER_LOGGING_ENABLED"),
    one("elasticbeanstalk-environment-logs-published", "ELASTIC_BEANSTALK_LOGS_TO_CLOUDWATCH"),
    one("cloudformation-stack-notifications", "CLOUDFORMATION_STACK_NOTIFICATION_CHECK"),
    // Containers and registry
    one("ecr-scanning-enabled", "ECR_PRIVATE_IMAGE_SCANNING_ENABLED"),
    one("ecr-tags-immutable", "ECR_PRIVATE_TAG_IMMUTABILITY_ENABLED"),
    one("ecr-repository-kms-encrypted", "ECR_REPOSITORY_CMK_ENCRYPTION_ENABLED"),
    one("ecs-container-not-privileged", "ECS_CONTAINERS_NONPRIVILEGED"),
    one("ecs-container-read-only-root", "ECS_CONTAINERS_READONLY_ACCESS"),
    one("ecs-container-non-root-user", "ECS_TASK_DEFINITION_NONROOT_USER"),
    one("ecs-container-log-configuration", "ECS_TASK_DEFINITION_LOG_CONFIGURATION"),
    {
        policy: "ecs-container-no-plaintext-secrets",
        rules: [rule("ECS_NO_ENVIRONMENT_SECRETS", { secretKeys: "PASSWORD,SECRET,TOKEN,API_KEY,PRIVATE_KEY,AWS_SECRET_ACCESS_KEY" })],
        note: "The rule matches the variable names listed in `secretKeys` exactly; the policy also reads values that look like secrets.",
    },
    one("ecs-cluster-container-insights", "ECS_CONTAINER_INSIGHTS_ENABLED"),
    one("ecs-service-fargate-platform-latest", "ECS_FARGATE_LATEST_PLATFORM_VERSION"),
    one("ecs-task-no-host-namespaces", "ECS_TASK_DEFINITION_PID_MODE_CHECK", {
        note: "The rule checks the PID namespace only; the policy also refuses the host network and IPC namespaces.",
    }),
    one("eks-cluster-secrets-encrypted", "EKS_SECRETS_ENCRYPTED"),
    one("eks-cluster-endpoint-private", "EKS_ENDPOINT_NO_PUBLIC_ACCESS"),
    one("codebuild-project-not-privileged", "CODEBUILD_PROJECT_ENVIRONMENT_PRIVILEGED_CHECK"),
    one("codebuild-project-no-plaintext-credentials", "CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK"),
    // Edge and load balancing
    one("alb-http-redirects-to-https", "ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK"),
    one("alb-malformed-requests-rejected", "ALB_HTTP_DROP_INVALID_HEADER_ENABLED"),
    one("alb-internet-facing-has-waf", "ALB_WAF_ENABLED", { note: "The rule asks every ALB for a web ACL, internal ones too." }),
    one("lb-listener-certificate-from-acm", "ELBV2_ACM_CERTIFICATE_REQUIRED"),
    one("lb-high-availability", "ELBV2_MULTIPLE_AZ"),
    one("apigateway-appsync-waf-associated", "API_GW_ASSOCIATED_WITH_WAF", {
        note: "The rule checks REST API stages; AppSync has APPSYNC_ASSOCIATED_WITH_WAF.",
    }),
    one("apigateway-rest-stage-client-certificate", "API_GW_SSL_ENABLED"),
    one("cloudfront-distribution-access-logging", "CLOUDFRONT_ACCESSLOGS_ENABLED", {
        note: "CloudFront is global: AWS Config evaluates it in us-east-1 only.",
    }),
    one("transfer-server-secure-transport", "TRANSFER_FAMILY_SERVER_NO_FTP"),
    // Network
    one("vpc-default-security-group-closed", "VPC_DEFAULT_SECURITY_GROUP_CLOSED"),
    { policy: "security-group-no-admin-ports-open", rules: [rule("INCOMING_SSH_DISABLED"), rule("RESTRICTED_INCOMING_TRAFFIC")] },
    one("vpc-nacl-no-internet-admin-ports", "NACL_NO_UNRESTRICTED_SSH_RDP"),
    one("vpc-eip-attached", "EIP_ATTACHED"),
    one("security-group-attached", "EC2_SECURITY_GROUP_ATTACHED_TO_ENI_PERIODIC"),
    one("vpc-network-acl-attached", "VPC_NETWORK_ACL_UNUSED_CHECK"),
    one("subnet-no-public-ip-outside-public-tier", "SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED", {
        note: "The rule flags every subnet that assigns public IPs, public tier included: the landing zone's public subnets assign none.",
    }),
    one("ec2-instance-metadata-v2-required", "EC2_IMDSV2_CHECK"),
    one("ec2-instance-no-public-ip", "EC2_INSTANCE_NO_PUBLIC_IP"),
    one("ec2-instance-detailed-monitoring", "EC2_INSTANCE_DETAILED_MONITORING_ENABLED"),
    one("emr-block-public-access-enabled", "EMR_BLOCK_PUBLIC_ACCESS"),
    one("emr-cluster-kerberos-enabled", "EMR_KERBEROS_ENABLED"),
    one("lambda-function-in-vpc", "LAMBDA_INSIDE_VPC"),
    one("sagemaker-notebook-network-isolated", "SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS"),
    one("sagemaker-notebook-root-access-disabled", "SAGEMAKER_NOTEBOOK_INSTANCE_ROOT_ACCESS_CHECK"),
    one("sagemaker-model-network-isolation", "SAGEMAKER_MODEL_ISOLATION_ENABLED"),
    // Identity
    one("iam-no-wildcard-admin", "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS"),
    one("iam-policy-no-service-wildcard-actions", "IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS"),
    one("iam-user-no-direct-policies", "IAM_USER_NO_POLICIES_CHECK"),
    one("iam-group-has-members", "IAM_GROUP_HAS_USERS_CHECK"),
    {
        policy: "iam-account-password-policy-strong",
        rules: [
            rule("IAM_PASSWORD_POLICY", {
                MinimumPasswordLength: "14",
                PasswordReusePrevention: "24",
                MaxPasswordAge: "90",
                RequireUppercaseCharacters: "true",
                RequireLowercaseCharacters: "true",
                RequireNumbers: "true",
                RequireSymbols: "true",
            }),
        ],
    },
    one("cognito-user-pool-mfa-required", "COGNITO_USER_POOL_MFA_ENABLED"),
    one("cognito-identity-pool-no-unauthenticated", "COGNITO_IDENTITY_POOL_UNAUTHENTICATED_LOGINS"),
    one("cognito-user-pool-password-policy", "COGNITO_USER_POOL_PASSWORD_POLICY_CHECK"),
    one("lambda-permission-not-public", "LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED"),
    one("lambda-function-dead-letter-queue", "LAMBDA_DLQ_CHECK"),
    one("lambda-function-concurrency-limit", "LAMBDA_CONCURRENCY_CHECK"),
    one("ssm-document-not-public", "SSM_DOCUMENT_NOT_PUBLIC"),
    // Compute platforms
    one("autoscaling-group-elb-health-check", "AUTOSCALING_GROUP_ELB_HEALTHCHECK_REQUIRED"),
    one("autoscaling-group-launch-template", "AUTOSCALING_LAUNCH_TEMPLATE"),
    one("elasticbeanstalk-enhanced-health", "BEANSTALK_ENHANCED_HEALTH_REPORTING_ENABLED"),
    one("elasticbeanstalk-managed-updates-enabled", "ELASTIC_BEANSTALK_MANAGED_UPDATES_ENABLED"),
];

/** One rule to deploy: its identifier, parameters, and the policies it stands for. */
export interface DeployedRule extends ManagedRule {
    readonly policies: readonly string[];
}

/**
 * The rules an environment deploys: each identifier once (with the policies it stands for), the
 * production-only ones only in production. Pure.
 */
export function rulesToDeploy(mappings: readonly ConfigRuleMapping[], production: boolean): DeployedRule[] {
    const byIdentifier = new Map<string, { rule: ManagedRule; policies: string[] }>();
    for (const mapping of mappings) {
        if (mapping.productionOnly && !production) continue;
        for (const r of mapping.rules) {
            const seen = byIdentifier.get(r.identifier);
            if (seen) seen.policies.push(mapping.policy);
            else byIdentifier.set(r.identifier, { rule: r, policies: [mapping.policy] });
        }
    }
    return [...byIdentifier.values()]
        .map(({ rule: r, policies }) => ({ ...r, policies }))
        .sort((a, b) => a.identifier.localeCompare(b.identifier));
}

/** The Config rule's name: the identifier as AWS's own templates write it (`rds-storage-encrypted`), prefixed. */
export function configRuleName(prefix: string, identifier: string): string {
    return `${prefix}-${identifier.toLowerCase().replace(/_/g, "-")}`;
}
