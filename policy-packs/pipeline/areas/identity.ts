import type { PolicyDefinition } from "../../lib/model";

/** Identity, keys and governance (IAM documents analysed as documents, KMS, CloudTrail, CloudWatch, Config, GuardDuty, SSM, ...), in pack order. */
export const identityPolicies: readonly PolicyDefinition[] = [];
