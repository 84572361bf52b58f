import { CONTRACT_VERSION, NetworkOutputs, SecurityOutputs, SharedServicesOutputs } from "../../../../platform/contract";

/** A valid network part; tests change one thing per case. */
export function validNetworkOutputs(overrides: Partial<Record<keyof NetworkOutputs, unknown>> = {}): Record<string, unknown> {
    const base: NetworkOutputs = {
        contractVersion: CONTRACT_VERSION,
        environment: "dev",
        vpcId: "vpc-0abc",
        vpcCidrBlock: "10.0.0.0/16",
        azs: ["us-east-1a", "us-east-1b"],
        publicSubnetIds: ["subnet-p1", "subnet-p2"],
        privateSubnetIds: ["subnet-a1", "subnet-a2"],
        isolatedSubnetIds: ["subnet-i1", "subnet-i2"],
        publicSubnetCidrBlocks: ["10.0.0.0/24", "10.0.1.0/24"],
        privateSubnetCidrBlocks: ["10.0.16.0/20", "10.0.32.0/20"],
        isolatedSubnetCidrBlocks: ["10.0.2.0/24", "10.0.3.0/24"],
        privateRouteTableIds: ["rtb-a1", "rtb-a2"],
        isolatedRouteTableIds: ["rtb-i"],
        natStrategy: "single",
        endpointSecurityGroupId: "sg-endpoints",
        flowLogGroupName: "/edf/dev/vpc-flow-logs",
    };
    return { ...base, ...overrides };
}

/** A valid security part. */
export function validSecurityOutputs(overrides: Partial<Record<keyof SecurityOutputs, unknown>> = {}): Record<string, unknown> {
    const base: SecurityOutputs = {
        contractVersion: CONTRACT_VERSION,
        environment: "dev",
        logsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/logs",
        dataKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/data",
        secretsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/secrets",
        logArchiveBucketName: "edf-dev-log-archive",
        logArchiveBucketArn: "arn:aws:s3:::edf-dev-log-archive",
        accessLogsBucketName: "edf-dev-access-logs",
        accessLogsBucketArn: "arn:aws:s3:::edf-dev-access-logs",
        permissionsBoundaryArn: "arn:aws:iam::123456789012:policy/edf-dev-boundary",
        cloudTrailArn: "arn:aws:cloudtrail:us-east-1:123456789012:trail/edf-dev",
        guardDutyDetectorId: "detector-1",
    };
    return { ...base, ...overrides };
}

/** A valid shared-services part. */
export function validSharedServicesOutputs(overrides: Partial<Record<keyof SharedServicesOutputs, unknown>> = {}): Record<string, unknown> {
    const base: SharedServicesOutputs = {
        contractVersion: CONTRACT_VERSION,
        environment: "dev",
        ecsClusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/edf-dev",
        ecsClusterName: "edf-dev",
        albArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/edf-dev/1",
        albDnsName: "edf-dev-1.us-east-1.elb.amazonaws.com",
        albZoneId: "Z35SXDOTRQ7X7K",
        albSecurityGroupId: "sg-alb",
        httpsListenerArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/edf-dev/1/2",
        webAclArn: "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/edf-dev/1",
        serviceDiscoveryNamespaceId: "ns-1",
        serviceDiscoveryNamespaceName: "dev.edf.internal",
        ecrPullThroughCachePrefix: "ecr-public",
    };
    return { ...base, ...overrides };
}
