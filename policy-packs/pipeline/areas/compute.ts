import type { PolicyDefinition } from "../../lib/model";

/** Compute, edge and integration services (Lambda, API Gateway, CloudFront, SNS, SQS, Step Functions, EventBridge, Kinesis/Firehose, Secrets Manager, Cognito, ACM, Route 53, WAF, AppSync, MQ, MSK, developer tools, ...), in pack order. */
export const computePolicies: readonly PolicyDefinition[] = [];
