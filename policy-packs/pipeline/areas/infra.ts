import type { PolicyDefinition } from "../../lib/model";

/** Infrastructure and identity (EC2, launch templates, Auto Scaling, EKS, ELB, ECR, KMS, CloudTrail, CloudWatch, IAM documents, ...), in pack order. */
export const infraPolicies: readonly PolicyDefinition[] = [];
