import type { Pin } from "./core";

/** The compute area's policies: id → [default level, severity, waivable, PCI DSS v4.0 requirements]. */
export const COMPUTE_PINS: Record<string, Pin> = {
    // Lambda
    "lambda-function-environment-kms-encrypted": ["mandatory", "medium", true, ["3.5.1", "3.6.1"]],
    "lambda-function-no-plaintext-secrets": ["mandatory", "critical", false, ["3.5.1", "8.3.2", "8.6.2"]],
    "lambda-function-in-vpc": ["mandatory", "high", true, ["1.3.1", "1.3.2"]],
    "lambda-function-log-group-declared": ["mandatory", "medium", true, ["10.2.1", "10.5.1"]],
    "lambda-function-url-auth-required": ["mandatory", "critical", true, ["7.2.1", "8.3.1"]],
    "lambda-function-url-cors-restricted": ["advisory", "medium", true, ["6.2.4"]],
    "lambda-permission-not-public": ["mandatory", "critical", true, ["1.4.4", "7.2.1"]],
    "lambda-permission-source-scoped": ["mandatory", "high", true, ["7.2.1", "7.2.2"]],
    "lambda-function-runtime-supported": ["mandatory", "high", true, ["6.3.3"]],
    "lambda-function-runtime-latest": ["advisory", "low", true, ["6.3.3"]],
    "lambda-function-code-signing": ["advisory", "medium", true, ["6.3.2", "6.5.1"]],
    "lambda-function-dead-letter-queue": ["advisory", "low", true, ["12.10.1"]],
    "lambda-function-concurrency-limit": ["advisory", "low", true, ["12.10.1"]],
    "lambda-function-tracing-enabled": ["advisory", "low", true, ["10.4.1"]],
    "lambda-function-description": ["advisory", "low", true, ["12.5.1"]],
    "lambda-event-source-mapping-failure-destination": ["advisory", "medium", true, ["12.10.1"]],
    // SQS
    "sqs-queue-customer-managed-key": ["advisory", "medium", true, ["3.5.1", "3.6.1"]],
    "sqs-queue-tls-only": ["mandatory", "high", true, ["4.2.1"]],
    "sqs-queue-policy-not-public": ["mandatory", "critical", true, ["1.4.4", "7.2.1"]],
    "sqs-queue-policy-no-wildcard-actions": ["mandatory", "high", true, ["7.2.1", "7.2.2"]],
    "sqs-queue-dead-letter-queue": ["advisory", "low", true, ["12.10.1"]],
    // SNS
    "sns-topic-kms-encrypted": ["mandatory", "medium", true, ["3.5.1", "3.6.1"]],
    "sns-topic-tls-only": ["mandatory", "high", true, ["4.2.1"]],
    "sns-topic-policy-not-public": ["mandatory", "critical", true, ["1.4.4", "7.2.1"]],
    // API Gateway
    "apigateway-stage-access-logging": ["mandatory", "medium", true, ["10.2.1"]],
    "apigateway-stage-execution-logging": ["advisory", "medium", true, ["10.2.1"]],
    "apigateway-method-settings-no-data-trace": ["mandatory", "high", true, ["3.3.1", "3.5.1"]],
    "apigateway-stage-cache-encrypted": ["mandatory", "medium", true, ["3.5.1"]],
    "apigateway-stage-cache-enabled": ["advisory", "low", true, ["12.10.1"]],
    "apigateway-stage-tracing": ["advisory", "low", true, ["10.4.1"]],
    "apigateway-appsync-waf-associated": ["mandatory", "high", true, ["6.4.1", "6.4.2"]],
    "apigateway-domain-tls-policy": ["mandatory", "high", true, ["4.2.1"]],
    "apigateway-route-authorization-required": ["mandatory", "high", true, ["7.2.1", "8.3.1"]],
    "apigateway-rest-request-validation": ["advisory", "medium", true, ["6.2.4"]],
    "apigateway-rest-stage-client-certificate": ["advisory", "medium", true, ["4.2.1", "8.3.1"]],
    "edge-resource-create-before-replace": ["advisory", "low", true, ["12.10.1"]],
    // CloudFront
    "cloudfront-distribution-https-only": ["mandatory", "high", true, ["4.2.1"]],
    "cloudfront-distribution-viewer-tls": ["mandatory", "high", true, ["4.2.1"]],
    "cloudfront-distribution-origin-tls": ["mandatory", "high", true, ["4.2.1"]],
    "cloudfront-distribution-access-logging": ["mandatory", "medium", true, ["10.2.1"]],
    "cloudfront-distribution-waf": ["mandatory", "high", true, ["6.4.1", "6.4.2"]],
    "cloudfront-distribution-s3-origin-access-control": ["mandatory", "high", true, ["1.4.4", "7.2.1"]],
    "cloudfront-distribution-geo-restriction": ["advisory", "low", true, ["1.4.2"]],
    "cloudfront-distribution-default-root-object": ["advisory", "low", true, ["6.4.1"]],
    "cloudfront-distribution-response-headers-policy": ["advisory", "low", true, ["6.4.1"]],
    "cloudfront-response-headers-policy-hsts": ["advisory", "medium", true, ["4.2.1"]],
    "cloudfront-distribution-origin-failover": ["advisory", "low", true, ["12.10.1"]],
    "cloudfront-distribution-enabled": ["advisory", "low", true, ["12.5.1"]],
    // WAF
    "waf-web-acl-logging": ["mandatory", "medium", true, ["10.2.1"]],
    "waf-web-acl-rules-effective": ["mandatory", "high", true, ["6.4.1", "6.4.2"]],
    "wafv2-web-acl-managed-rules": ["mandatory", "high", true, ["6.4.2"]],
    // Step Functions
    "sfn-state-machine-logging": ["advisory", "medium", true, ["10.2.1"]],
    "sfn-state-machine-tracing": ["advisory", "low", true, ["10.4.1"]],
    "sfn-state-machine-customer-managed-key": ["advisory", "medium", true, ["3.5.1", "3.6.1"]],
    // EventBridge
    "eventbridge-bus-policy-not-public": ["mandatory", "critical", true, ["1.4.4", "7.2.1"]],
    "eventbridge-customer-managed-key": ["advisory", "medium", true, ["3.5.1", "3.6.1"]],
    // Kinesis and Firehose
    "kinesis-stream-encrypted": ["mandatory", "high", true, ["3.5.1", "3.6.1"]],
    "kinesis-firehose-encrypted": ["mandatory", "high", true, ["3.5.1", "3.6.1"]],
    "kinesis-stream-policy-not-public": ["mandatory", "critical", true, ["1.4.4", "7.2.1"]],
    "kinesis-analytics-flink-checkpointing": ["advisory", "low", true, ["12.10.1"]],
    // Secrets Manager
    "secretsmanager-secret-customer-managed-key": ["mandatory", "high", true, ["3.5.1", "3.6.1"]],
    "secretsmanager-secret-policy-not-public": ["mandatory", "critical", false, ["1.4.4", "7.2.1", "8.3.2"]],
    "secretsmanager-secret-rotation": ["advisory", "medium", true, ["8.3.9", "8.6.3"]],
    "secretsmanager-secret-description": ["advisory", "low", true, ["12.5.1"]],
    // Cognito
    "cognito-user-pool-mfa-required": ["advisory", "high", true, ["8.4.2", "8.5.1"]],
    "cognito-user-pool-password-policy": ["mandatory", "high", true, ["8.3.6"]],
    "cognito-user-pool-threat-protection": ["advisory", "medium", true, ["8.3.4"]],
    "cognito-identity-pool-no-unauthenticated": ["mandatory", "high", true, ["7.2.1", "8.3.1"]],
    // ACM
    "acm-certificate-no-wildcard": ["advisory", "medium", true, ["4.2.1.1"]],
    "acm-certificate-transparency-logging": ["mandatory", "medium", true, ["4.2.1.1"]],
    // Route 53
    "route53-zone-query-logging": ["advisory", "medium", true, ["10.2.1"]],
    "route53-zone-dnssec": ["advisory", "medium", true, ["6.4.1"]],
    "route53-domain-transfer-lock": ["mandatory", "high", true, ["6.4.1"]],
    "route53-record-target-in-stack": ["advisory", "medium", true, ["6.4.1"]],
    // AppSync
    "appsync-api-cache-encrypted": ["mandatory", "medium", true, ["3.5.1", "4.2.1"]],
    "appsync-api-logging": ["mandatory", "medium", true, ["10.2.1"]],
    // Amazon MQ
    "mq-broker-not-public": ["mandatory", "critical", false, ["1.3.1", "1.4.4"]],
    "mq-broker-customer-managed-key": ["advisory", "medium", true, ["3.5.1", "3.6.1"]],
    "mq-broker-logging": ["mandatory", "medium", true, ["10.2.1"]],
    "mq-broker-patched": ["advisory", "medium", true, ["6.3.3"]],
    // MSK
    "msk-cluster-encryption-in-transit": ["mandatory", "high", true, ["4.2.1"]],
    "msk-cluster-customer-managed-key": ["advisory", "medium", true, ["3.5.1", "3.6.1"]],
    "msk-cluster-logging": ["mandatory", "medium", true, ["10.2.1"]],
    "msk-cluster-not-public": ["mandatory", "critical", false, ["1.3.1", "1.4.4"]],
};
