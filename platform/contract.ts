/**
 * The landing-zone contract: what the platform units publish and services consume.
 *
 * Each platform unit (`platform/network`, `platform/security`,
 * `platform/shared-services`, `platform/organization`) exports exactly one part of this contract as its stack
 * outputs — every key, nothing else. Consumers read the parts through
 * {@link LandingZoneReference}, which validates the shape at run time and refuses an
 * incompatible {@link CONTRACT_VERSION}:
 *
 * ```ts
 * import { LandingZoneReference } from "../../platform/contract";
 *
 * const lz = LandingZoneReference.fromStacks({
 *     network: "org/edf/dev-network",
 *     security: "org/edf/dev-security",
 *     sharedServices: "org/edf/dev-shared-services",
 * }, { environment: "dev" });
 *
 * new aws.ec2.SecurityGroup("db", { vpcId: lz.network.vpcId });   // Output<string>
 * lz.require("security", "permissionsBoundaryArn");                  // Output<string>
 * ```
 *
 * The pure validators ({@link parseNetworkOutputs}, {@link contractProblems}, …) are
 * exported too, for consumers that receive the facts another way (driver-injected
 * inputs, Consul, Vault).
 *
 * Rules for changing the contract: adding a key is a minor bump of
 * {@link CONTRACT_VERSION}; renaming, removing or changing a key's shape is a major bump.
 */
import type * as pulumi from "@pulumi/pulumi";

export * from "./contract-version";
export * from "./contract-validate";
export * from "./contract-reference";

/** NAT strategies a network can be built with. */
export type NatStrategy = "none" | "single" | "perAz";

/** Where in the landing zone's access-logs bucket S3 server access logs go: `s3/<bucket label>/`. */
export const S3_ACCESS_LOGS_PREFIX = "s3/";

/** Facts every part carries, so a consumer can check what it was handed. */
export interface ContractPartHeader {
    /** The contract version the producing unit speaks (`MAJOR.MINOR`). */
    readonly contractVersion: string;
    /** The environment the producing stack belongs to (e.g. `dev`). */
    readonly environment: string;
}

/** What `platform/network` publishes. */
export interface NetworkOutputs extends ContractPartHeader {
    /** The VPC id (`vpc-…`). */
    readonly vpcId: string;
    /** The VPC's IPv4 range, e.g. `10.0.0.0/16`. */
    readonly vpcCidrBlock: string;
    /** Availability zones in use, in subnet order: every subnet list below is indexed like this. */
    readonly azs: string[];
    /** Public subnets (internet gateway route), one per AZ — or none when the network has no public tier. */
    readonly publicSubnetIds: string[];
    /** Private subnets (egress through NAT when there is any), one per AZ: service tasks. */
    readonly privateSubnetIds: string[];
    /** Isolated subnets (no route outside the VPC), one per AZ: databases, caches. */
    readonly isolatedSubnetIds: string[];
    /** CIDRs of the public subnets, in AZ order (empty without a public tier). */
    readonly publicSubnetCidrBlocks: string[];
    /** CIDRs of the private subnets, in AZ order (for ingress rules of data stores). */
    readonly privateSubnetCidrBlocks: string[];
    /** CIDRs of the isolated subnets, in AZ order. */
    readonly isolatedSubnetCidrBlocks: string[];
    /** Route tables of the private tier (one per AZ), for gateway endpoints services add. */
    readonly privateRouteTableIds: string[];
    /** Route tables of the isolated tier. */
    readonly isolatedRouteTableIds: string[];
    /** How private subnets reach the internet. */
    readonly natStrategy: NatStrategy;
    /** The security group of the interface VPC endpoints; allow HTTPS egress to it. */
    readonly endpointSecurityGroupId: string;
    /** The CloudWatch Logs group receiving the VPC flow logs. */
    readonly flowLogGroupName: string;
}

/** What `platform/security` publishes. */
export interface SecurityOutputs extends ContractPartHeader {
    /** KMS key for logs (CloudTrail, CloudWatch Logs, flow logs, log archive). */
    readonly logsKmsKeyArn: string;
    /** KMS key for service data at rest (databases, queues, buckets, tables). */
    readonly dataKmsKeyArn: string;
    /** KMS key for secrets (Secrets Manager, SSM SecureString). */
    readonly secretsKmsKeyArn: string;
    /** The central log-archive bucket (SSE-KMS with the logs key). */
    readonly logArchiveBucketName: string;
    /** ARN of the log-archive bucket. */
    readonly logArchiveBucketArn: string;
    /**
     * The bucket for access logs (SSE-S3: the only encryption ELB and S3 log delivery support): load
     * balancers write under `alb/`, S3 server access logging of this account's buckets under
     * {@link S3_ACCESS_LOGS_PREFIX}.
     */
    readonly accessLogsBucketName: string;
    /** ARN of the access-logs bucket. */
    readonly accessLogsBucketArn: string;
    /** The permissions boundary every service-team IAM role must carry. */
    readonly permissionsBoundaryArn: string;
    /** The organization trail's ARN. */
    readonly cloudTrailArn: string;
    /** The GuardDuty detector id. */
    readonly guardDutyDetectorId: string;
}

/** What `platform/shared-services` publishes. */
export interface SharedServicesOutputs extends ContractPartHeader {
    /** The shared ECS cluster's ARN. */
    readonly ecsClusterArn: string;
    /** The shared ECS cluster's name. */
    readonly ecsClusterName: string;
    /** The public application load balancer's ARN. */
    readonly albArn: string;
    /** The ALB's DNS name (alias target for service records). */
    readonly albDnsName: string;
    /** The ALB's hosted zone id (for alias records). */
    readonly albZoneId: string;
    /** The ALB's security group: services allow ingress from it. */
    readonly albSecurityGroupId: string;
    /** The HTTPS listener services attach their rules to. */
    readonly httpsListenerArn: string;
    /** The WAF web ACL protecting the ALB. */
    readonly webAclArn: string;
    /** The private DNS namespace (Cloud Map) for service discovery. */
    readonly serviceDiscoveryNamespaceId: string;
    /** The namespace's DNS name, e.g. `dev.edf.internal`. */
    readonly serviceDiscoveryNamespaceName: string;
    /** ECR repository prefix served by the pull-through cache (e.g. `ecr-public`). */
    readonly ecrPullThroughCachePrefix: string;
}

/** The roles of the accounts every estate has, besides its workload accounts. */
export const CORE_ACCOUNT_ROLES = ["management", "logArchive", "audit"] as const;

/** What `platform/organization` publishes (contract 1.1): the organisation, its OUs and its accounts. */
export interface OrganizationOutputs extends ContractPartHeader {
    /** The organisation's id (`o-…`). */
    readonly organizationId: string;
    /** The organisation's ARN. */
    readonly organizationArn: string;
    /** The root's id (`r-…`): what SCPs for the whole organisation attach to. */
    readonly rootId: string;
    /** The management account (never inside an OU, untouched by SCPs). */
    readonly managementAccountId: string;
    /** The log-archive account: the organisation trail and Config deliver there. */
    readonly logArchiveAccountId: string;
    /** The audit account: delegated administrator of the security services. */
    readonly auditAccountId: string;
    /** Every OU by its path in the tree (`Workloads/Prod`) → its id (`ou-…`). */
    readonly organizationalUnitIds: Readonly<Record<string, string>>;
    /** Every account by its name in the config (`logArchive`, `audit`, `dev`, …) → its 12-digit id. */
    readonly accountIds: Readonly<Record<string, string>>;
    /** The role the pipeline assumes in each member account. */
    readonly deploymentRoleName: string;
}

/** The whole landing zone, part by part. */
export interface LandingZoneOutputs {
    readonly network: NetworkOutputs;
    readonly security: SecurityOutputs;
    readonly sharedServices: SharedServicesOutputs;
    readonly organization: OrganizationOutputs;
}

/** The name of a contract part. */
export type ContractPartName = keyof LandingZoneOutputs;

/**
 * What a producing unit returns from its program: every key of the part, each value
 * possibly still an `Output`. Object literals typed with this fail to compile when a
 * key is missing or extra, so a unit cannot drift from the contract.
 */
export type ProducedOutputs<TPart> = {
    readonly [K in keyof TPart]: pulumi.Input<TPart[K]> | (TPart[K] extends (infer E)[] ? pulumi.Input<E>[] : never);
};
