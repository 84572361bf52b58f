import type { PolicyDefinition } from "../../lib/model";

/** Networks and compute hosts (ELB, VPC, EC2 instances and launch templates, EBS, Auto Scaling, ECS, ECR, EKS, Network Firewall, ...), in pack order. */
export const infraPolicies: readonly PolicyDefinition[] = [];
