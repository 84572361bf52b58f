import type { PolicyDefinition } from "../../lib/model";
import { acmCertificateNoWildcard } from "../policies/acm-certificate-no-wildcard";
import { acmCertificateTransparencyLogging } from "../policies/acm-certificate-transparency-logging";
import { apigatewayAppsyncWafAssociated } from "../policies/apigateway-appsync-waf-associated";
import { apigatewayDomainTlsPolicy } from "../policies/apigateway-domain-tls-policy";
import { apigatewayMethodSettingsNoDataTrace } from "../policies/apigateway-method-settings-no-data-trace";
import { apigatewayRestRequestValidation } from "../policies/apigateway-rest-request-validation";
import { apigatewayRestStageClientCertificate } from "../policies/apigateway-rest-stage-client-certificate";
import { apigatewayRouteAuthorizationRequired } from "../policies/apigateway-route-authorization-required";
import { apigatewayStageAccessLogging } from "../policies/apigateway-stage-access-logging";
import { apigatewayStageCacheEnabled } from "../policies/apigateway-stage-cache-enabled";
import { apigatewayStageCacheEncrypted } from "../policies/apigateway-stage-cache-encrypted";
import { apigatewayStageExecutionLogging } from "../policies/apigateway-stage-execution-logging";
import { apigatewayStageTracing } from "../policies/apigateway-stage-tracing";
import { appsyncApiCacheEncrypted } from "../policies/appsync-api-cache-encrypted";
import { appsyncApiLogging } from "../policies/appsync-api-logging";
import { cloudfrontDistributionAccessLogging } from "../policies/cloudfront-distribution-access-logging";
import { cloudfrontDistributionDefaultRootObject } from "../policies/cloudfront-distribution-default-root-object";
import { cloudfrontDistributionEnabled } from "../policies/cloudfront-distribution-enabled";
import { cloudfrontDistributionGeoRestriction } from "../policies/cloudfront-distribution-geo-restriction";
import { cloudfrontDistributionHttpsOnly } from "../policies/cloudfront-distribution-https-only";
import { cloudfrontDistributionOriginFailover } from "../policies/cloudfront-distribution-origin-failover";
import { cloudfrontDistributionOriginTls } from "../policies/cloudfront-distribution-origin-tls";
import { cloudfrontDistributionResponseHeadersPolicy } from "../policies/cloudfront-distribution-response-headers-policy";
import { cloudfrontDistributionS3OriginAccessControl } from "../policies/cloudfront-distribution-s3-origin-access-control";
import { cloudfrontDistributionViewerTls } from "../policies/cloudfront-distribution-viewer-tls";
import { cloudfrontDistributionWaf } from "../policies/cloudfront-distribution-waf";
import { cloudfrontResponseHeadersPolicyHsts } from "../policies/cloudfront-response-headers-policy-hsts";
import { codebuildProjectEncrypted } from "../policies/codebuild-project-encrypted";
import { codebuildProjectLogging } from "../policies/codebuild-project-logging";
import { codebuildProjectManagedImage } from "../policies/codebuild-project-managed-image";
import { codebuildProjectNoPlaintextCredentials } from "../policies/codebuild-project-no-plaintext-credentials";
import { codebuildProjectNotPrivileged } from "../policies/codebuild-project-not-privileged";
import { codebuildProjectSourceAuth } from "../policies/codebuild-project-source-auth";
import { codecommitRepositoryApprovalRule } from "../policies/codecommit-repository-approval-rule";
import { cognitoIdentityPoolNoUnauthenticated } from "../policies/cognito-identity-pool-no-unauthenticated";
import { cognitoUserPoolMfaRequired } from "../policies/cognito-user-pool-mfa-required";
import { cognitoUserPoolPasswordPolicy } from "../policies/cognito-user-pool-password-policy";
import { cognitoUserPoolThreatProtection } from "../policies/cognito-user-pool-threat-protection";
import { connectInstanceStorageCustomerManagedKey } from "../policies/connect-instance-storage-customer-managed-key";
import { devtoolsCustomerManagedKey } from "../policies/devtools-customer-managed-key";
import { edgeResourceCreateBeforeReplace } from "../policies/edge-resource-create-before-replace";
import { eventbridgeBusLogging } from "../policies/eventbridge-bus-logging";
import { eventbridgeBusPolicyNotPublic } from "../policies/eventbridge-bus-policy-not-public";
import { eventbridgeCustomerManagedKey } from "../policies/eventbridge-customer-managed-key";
import { globalacceleratorFlowLogs } from "../policies/globalaccelerator-flow-logs";
import { kinesisAnalyticsFlinkCheckpointing } from "../policies/kinesis-analytics-flink-checkpointing";
import { kinesisFirehoseEncrypted } from "../policies/kinesis-firehose-encrypted";
import { kinesisStreamEncrypted } from "../policies/kinesis-stream-encrypted";
import { kinesisStreamPolicyNotPublic } from "../policies/kinesis-stream-policy-not-public";
import { lambdaEventSourceMappingFailureDestination } from "../policies/lambda-event-source-mapping-failure-destination";
import { lambdaFunctionCodeSigning } from "../policies/lambda-function-code-signing";
import { lambdaFunctionConcurrencyLimit } from "../policies/lambda-function-concurrency-limit";
import { lambdaFunctionDeadLetterQueue } from "../policies/lambda-function-dead-letter-queue";
import { lambdaFunctionDescription } from "../policies/lambda-function-description";
import { lambdaFunctionEnvironmentKmsEncrypted } from "../policies/lambda-function-environment-kms-encrypted";
import { lambdaFunctionInVpc } from "../policies/lambda-function-in-vpc";
import { lambdaFunctionLogGroupDeclared } from "../policies/lambda-function-log-group-declared";
import { lambdaFunctionNoPlaintextSecrets } from "../policies/lambda-function-no-plaintext-secrets";
import { lambdaFunctionRuntimeLatest } from "../policies/lambda-function-runtime-latest";
import { lambdaFunctionRuntimeSupported } from "../policies/lambda-function-runtime-supported";
import { lambdaFunctionTracingEnabled } from "../policies/lambda-function-tracing-enabled";
import { lambdaFunctionUrlAuthRequired } from "../policies/lambda-function-url-auth-required";
import { lambdaFunctionUrlCorsRestricted } from "../policies/lambda-function-url-cors-restricted";
import { lambdaPermissionNotPublic } from "../policies/lambda-permission-not-public";
import { lambdaPermissionSourceScoped } from "../policies/lambda-permission-source-scoped";
import { mediastoreContainerPolicyTlsOnly } from "../policies/mediastore-container-policy-tls-only";
import { mqBrokerCustomerManagedKey } from "../policies/mq-broker-customer-managed-key";
import { mqBrokerLogging } from "../policies/mq-broker-logging";
import { mqBrokerNotPublic } from "../policies/mq-broker-not-public";
import { mqBrokerPatched } from "../policies/mq-broker-patched";
import { mskClusterCustomerManagedKey } from "../policies/msk-cluster-customer-managed-key";
import { mskClusterEncryptionInTransit } from "../policies/msk-cluster-encryption-in-transit";
import { mskClusterLogging } from "../policies/msk-cluster-logging";
import { mskClusterNotPublic } from "../policies/msk-cluster-not-public";
import { route53DomainTransferLock } from "../policies/route53-domain-transfer-lock";
import { route53RecordTargetInStack } from "../policies/route53-record-target-in-stack";
import { route53ZoneDnssec } from "../policies/route53-zone-dnssec";
import { route53ZoneQueryLogging } from "../policies/route53-zone-query-logging";
import { secretsmanagerSecretCustomerManagedKey } from "../policies/secretsmanager-secret-customer-managed-key";
import { secretsmanagerSecretDescription } from "../policies/secretsmanager-secret-description";
import { secretsmanagerSecretPolicyNotPublic } from "../policies/secretsmanager-secret-policy-not-public";
import { secretsmanagerSecretRotation } from "../policies/secretsmanager-secret-rotation";
import { sesConfigurationSetTlsRequired } from "../policies/ses-configuration-set-tls-required";
import { sfnStateMachineCustomerManagedKey } from "../policies/sfn-state-machine-customer-managed-key";
import { sfnStateMachineLogging } from "../policies/sfn-state-machine-logging";
import { sfnStateMachineTracing } from "../policies/sfn-state-machine-tracing";
import { snsTopicKmsEncrypted } from "../policies/sns-topic-kms-encrypted";
import { snsTopicPolicyNotPublic } from "../policies/sns-topic-policy-not-public";
import { snsTopicTlsOnly } from "../policies/sns-topic-tls-only";
import { sqsQueueCustomerManagedKey } from "../policies/sqs-queue-customer-managed-key";
import { sqsQueueDeadLetterQueue } from "../policies/sqs-queue-dead-letter-queue";
import { sqsQueuePolicyNoWildcardActions } from "../policies/sqs-queue-policy-no-wildcard-actions";
import { sqsQueuePolicyNotPublic } from "../policies/sqs-queue-policy-not-public";
import { sqsQueueTlsOnly } from "../policies/sqs-queue-tls-only";
import { transferServerNotPublic } from "../policies/transfer-server-not-public";
import { transferServerSecureTransport } from "../policies/transfer-server-secure-transport";
import { wafWebAclLogging } from "../policies/waf-web-acl-logging";
import { wafWebAclRulesEffective } from "../policies/waf-web-acl-rules-effective";
import { wafv2WebAclManagedRules } from "../policies/wafv2-web-acl-managed-rules";

/**
 * Compute, edge and integration services (Lambda, API Gateway, CloudFront, SNS, SQS, Step Functions, EventBridge, Kinesis/Firehose, Secrets
 * Manager, Cognito, ACM, Route 53, WAF, AppSync, MQ, MSK, developer tools, ...), in pack order.
 */
export const computePolicies: readonly PolicyDefinition[] = [
    // Lambda
    lambdaFunctionEnvironmentKmsEncrypted,
    lambdaFunctionNoPlaintextSecrets,
    lambdaFunctionInVpc,
    lambdaFunctionLogGroupDeclared,
    lambdaFunctionUrlAuthRequired,
    lambdaFunctionUrlCorsRestricted,
    lambdaPermissionNotPublic,
    lambdaPermissionSourceScoped,
    lambdaFunctionRuntimeSupported,
    lambdaFunctionRuntimeLatest,
    lambdaFunctionCodeSigning,
    lambdaFunctionDeadLetterQueue,
    lambdaFunctionConcurrencyLimit,
    lambdaFunctionTracingEnabled,
    lambdaFunctionDescription,
    lambdaEventSourceMappingFailureDestination,
    // SQS (encryption at rest is the core policy sqs-queue-encrypted)
    sqsQueueCustomerManagedKey,
    sqsQueueTlsOnly,
    sqsQueuePolicyNotPublic,
    sqsQueuePolicyNoWildcardActions,
    sqsQueueDeadLetterQueue,
    // SNS
    snsTopicKmsEncrypted,
    snsTopicTlsOnly,
    snsTopicPolicyNotPublic,
    // API Gateway
    apigatewayStageAccessLogging,
    apigatewayStageExecutionLogging,
    apigatewayMethodSettingsNoDataTrace,
    apigatewayStageCacheEncrypted,
    apigatewayStageCacheEnabled,
    apigatewayStageTracing,
    apigatewayAppsyncWafAssociated,
    apigatewayDomainTlsPolicy,
    apigatewayRouteAuthorizationRequired,
    apigatewayRestRequestValidation,
    apigatewayRestStageClientCertificate,
    edgeResourceCreateBeforeReplace,
    // CloudFront
    cloudfrontDistributionHttpsOnly,
    cloudfrontDistributionViewerTls,
    cloudfrontDistributionOriginTls,
    cloudfrontDistributionAccessLogging,
    cloudfrontDistributionWaf,
    cloudfrontDistributionS3OriginAccessControl,
    cloudfrontDistributionGeoRestriction,
    cloudfrontDistributionDefaultRootObject,
    cloudfrontDistributionResponseHeadersPolicy,
    cloudfrontResponseHeadersPolicyHsts,
    cloudfrontDistributionOriginFailover,
    cloudfrontDistributionEnabled,
    // WAF
    wafWebAclLogging,
    wafWebAclRulesEffective,
    wafv2WebAclManagedRules,
    // Step Functions
    sfnStateMachineLogging,
    sfnStateMachineTracing,
    sfnStateMachineCustomerManagedKey,
    // EventBridge
    eventbridgeBusPolicyNotPublic,
    eventbridgeCustomerManagedKey,
    eventbridgeBusLogging,
    // Kinesis and Firehose
    kinesisStreamEncrypted,
    kinesisFirehoseEncrypted,
    kinesisStreamPolicyNotPublic,
    kinesisAnalyticsFlinkCheckpointing,
    // Secrets Manager
    secretsmanagerSecretCustomerManagedKey,
    secretsmanagerSecretPolicyNotPublic,
    secretsmanagerSecretRotation,
    secretsmanagerSecretDescription,
    // Cognito
    cognitoUserPoolMfaRequired,
    cognitoUserPoolPasswordPolicy,
    cognitoUserPoolThreatProtection,
    cognitoIdentityPoolNoUnauthenticated,
    // ACM
    acmCertificateNoWildcard,
    acmCertificateTransparencyLogging,
    // Route 53
    route53ZoneQueryLogging,
    route53ZoneDnssec,
    route53DomainTransferLock,
    route53RecordTargetInStack,
    // AppSync
    appsyncApiCacheEncrypted,
    appsyncApiLogging,
    // Amazon MQ
    mqBrokerNotPublic,
    mqBrokerCustomerManagedKey,
    mqBrokerLogging,
    mqBrokerPatched,
    // MSK
    mskClusterEncryptionInTransit,
    mskClusterCustomerManagedKey,
    mskClusterLogging,
    mskClusterNotPublic,
    // Developer tools
    codebuildProjectEncrypted,
    codebuildProjectNoPlaintextCredentials,
    codebuildProjectSourceAuth,
    codebuildProjectLogging,
    codebuildProjectNotPrivileged,
    codebuildProjectManagedImage,
    devtoolsCustomerManagedKey,
    codecommitRepositoryApprovalRule,
    // SES, Transfer Family, Global Accelerator, MediaStore, Connect
    sesConfigurationSetTlsRequired,
    transferServerNotPublic,
    transferServerSecureTransport,
    globalacceleratorFlowLogs,
    mediastoreContainerPolicyTlsOnly,
    connectInstanceStorageCustomerManagedKey,
];
