import { organizationsResourceState } from "./mock-cloud-organizations";
import { serverlessResourceState } from "./mock-cloud-serverless";
import { arnBase as arnOf, autoName, physicalName, stableHex, stableUuid, SynthWorld } from "./synth-world";

/** The service segment of a type token: `aws:ec2/vpc:Vpc` → `ec2`. */
function serviceOf(type: string): string {
    const [pkg, moduleAndFile] = type.split(":");
    return (moduleAndFile ?? "").split("/")[0] || pkg || "unknown";
}

type State = Record<string, unknown>;

/** The id and output state the mock cloud gives a resource. */
export interface ComputedResource {
    readonly id: string;
    readonly state: State;
}

/** EC2-style ids (`vpc-0a1b…`): prefix + 17 hex digits. */
const EC2_PREFIX: Readonly<Record<string, string>> = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "rtbassoc",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
    "aws:ec2/flowLog:FlowLog": "fl",
    "aws:ec2/networkAcl:NetworkAcl": "acl",
    "aws:ec2/instance:Instance": "i",
    "aws:ec2/launchTemplate:LaunchTemplate": "lt",
    "aws:ec2/volume:Volume": "vol",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr",
};

/** The ARN resource part of EC2-style resources (`vpc/vpc-…`). */
const EC2_ARN_KIND: Readonly<Record<string, string>> = {
    vpc: "vpc",
    subnet: "subnet",
    sg: "security-group",
    igw: "internet-gateway",
    nat: "natgateway",
    rtb: "route-table",
    eipalloc: "elastic-ip",
    vpce: "vpc-endpoint",
    fl: "vpc-flow-log",
    acl: "network-acl",
    i: "instance",
    lt: "launch-template",
    vol: "volume",
    sgr: "security-group-rule",
};

/**
 * The id and output state a mocked resource gets: its inputs plus the attributes AWS would
 * compute (ids, ARNs, DNS names, URLs), each derived from the stack, type and name.
 */
export function computeResourceState(world: SynthWorld, type: string, name: string, inputs: State, importId?: string): ComputedResource {
    // An adopted resource (`import`) keeps the id it has in the account.
    const organizations = type.startsWith("aws:organizations/")
        ? organizationsResourceState(world, type, name, inputs, importId)
        : undefined;
    if (organizations) return organizations;
    const computed = computeNewResourceState(world, type, name, inputs);
    return importId ? { id: importId, state: computed.state } : computed;
}

/** A resource created by this stack. */
function computeNewResourceState(world: SynthWorld, type: string, name: string, inputs: State): ComputedResource {
    const state: State = { ...inputs };
    const { region, account, partition } = world;
    const arnBase = (service: string, withRegion = true, withAccount = true): string => arnOf(world, service, withRegion, withAccount);
    const physical = (key: string): string => physicalName(world, type, name, inputs, key);
    if (
        type.startsWith("aws:") &&
        (inputs.tags !== undefined || Object.keys(world.defaultTags).length > 0) &&
        !type.startsWith("aws:index/")
    ) {
        // What the AWS provider computes: default tags under the resource's own.
        const own = typeof inputs.tags === "object" && inputs.tags !== null ? (inputs.tags as Record<string, unknown>) : {};
        state.tagsAll = { ...world.defaultTags, ...own };
    }

    const ec2 = EC2_PREFIX[type];
    if (ec2) {
        const id = `${ec2}-${stableHex(17, world.stack, type, name)}`;
        state.id = id;
        state.arn ??= `${arnBase("ec2")}:${EC2_ARN_KIND[ec2]}/${id}`;
        state.ownerId ??= account;
        if (type === "aws:ec2/vpc:Vpc") {
            state.defaultSecurityGroupId ??= `sg-${stableHex(17, world.stack, type, name, "default-sg")}`;
            state.defaultNetworkAclId ??= `acl-${stableHex(17, world.stack, type, name, "default-acl")}`;
            state.mainRouteTableId ??= `rtb-${stableHex(17, world.stack, type, name, "main-rtb")}`;
            state.defaultRouteTableId ??= state.mainRouteTableId;
        }
        if (type === "aws:ec2/eip:Eip") {
            state.allocationId ??= id;
            state.publicIp ??= documentationIp(world, name);
        }
        if (type === "aws:ec2/natGateway:NatGateway") {
            state.publicIp ??= documentationIp(world, `${name}-nat`);
        }
        if (type === "aws:ec2/vpcEndpoint:VpcEndpoint") {
            state.prefixListId ??= `pl-${stableHex(8, world.stack, type, name)}`;
            state.dnsEntries ??= [
                {
                    dnsName: `${id}.${String(inputs.serviceName ?? "svc")
                        .split(".")
                        .pop()}.${region}.vpce.amazonaws.com`,
                    hostedZoneId: "Z7HUB22UULQXV",
                },
            ];
        }
        if (type.startsWith("aws:vpc/securityGroup")) {
            state.securityGroupRuleId ??= id;
        }
        return { id, state };
    }

    switch (type) {
        case "aws:s3/bucket:Bucket":
        case "aws:s3/bucketV2:BucketV2": {
            const bucket = physical("bucket");
            Object.assign(state, {
                bucket,
                arn: `arn:${partition}:s3:::${bucket}`,
                bucketDomainName: `${bucket}.s3.amazonaws.com`,
                bucketRegionalDomainName: `${bucket}.s3.${region}.amazonaws.com`,
                hostedZoneId: "Z1BKCTXD74EZPE",
                region,
            });
            return { id: bucket, state };
        }
        case "aws:kms/key:Key": {
            const keyId = stableUuid(world.stack, type, name);
            Object.assign(state, { keyId, arn: `${arnBase("kms")}:key/${keyId}` });
            return { id: keyId, state };
        }
        case "aws:kms/alias:Alias": {
            const alias = physical("name");
            Object.assign(state, {
                name: alias,
                arn: `${arnBase("kms")}:${alias}`,
                targetKeyArn: state.targetKeyArn ?? `${arnBase("kms")}:key/${String(inputs.targetKeyId ?? "")}`,
            });
            return { id: alias, state };
        }
        case "aws:iam/role:Role":
        case "aws:iam/user:User":
        case "aws:iam/group:Group": {
            const kind = type.split(":").pop()!.toLowerCase();
            const roleName = physical("name");
            const path = typeof inputs.path === "string" ? inputs.path : "/";
            const prefix = { role: "AROA", user: "AIDA", group: "AGPA" }[kind] ?? "AID";
            Object.assign(state, {
                name: roleName,
                arn: `arn:${partition}:iam::${account}:${kind}${path}${roleName}`,
                uniqueId: `${prefix}${stableHex(17, world.stack, type, name).toUpperCase()}`,
            });
            return { id: roleName, state };
        }
        case "aws:iam/policy:Policy": {
            const policyName = physical("name");
            const path = typeof inputs.path === "string" ? inputs.path : "/";
            const arn = `arn:${partition}:iam::${account}:policy${path}${policyName}`;
            Object.assign(state, { name: policyName, arn, policyId: `ANPA${stableHex(17, world.stack, type, name).toUpperCase()}` });
            return { id: arn, state };
        }
        case "aws:iam/rolePolicy:RolePolicy": {
            const policyName = physical("name");
            return { id: `${String(inputs.role ?? "role")}:${policyName}`, state: { ...state, name: policyName } };
        }
        case "aws:iam/instanceProfile:InstanceProfile": {
            const profile = physical("name");
            Object.assign(state, { name: profile, arn: `arn:${partition}:iam::${account}:instance-profile/${profile}` });
            return { id: profile, state };
        }
        case "aws:lb/loadBalancer:LoadBalancer":
        case "aws:alb/loadBalancer:LoadBalancer": {
            const lbName = physical("name").slice(0, 32);
            const kind = inputs.loadBalancerType === "network" ? "net" : "app";
            const suffix = `${kind}/${lbName}/${stableHex(16, world.stack, type, name)}`;
            const arn = `${arnBase("elasticloadbalancing")}:loadbalancer/${suffix}`;
            const internal = inputs.internal === true ? "internal-" : "";
            Object.assign(state, {
                name: lbName,
                arn,
                arnSuffix: suffix,
                dnsName: `${internal}${lbName}-${stableHex(9, world.stack, name)}.${region}.elb.amazonaws.com`,
                zoneId: "Z32O12XQLNTSW2",
            });
            return { id: arn, state };
        }
        case "aws:lb/targetGroup:TargetGroup":
        case "aws:alb/targetGroup:TargetGroup": {
            const tgName = physical("name").slice(0, 32);
            const suffix = `targetgroup/${tgName}/${stableHex(16, world.stack, type, name)}`;
            const arn = `${arnBase("elasticloadbalancing")}:${suffix}`;
            Object.assign(state, { name: tgName, arn, arnSuffix: suffix });
            return { id: arn, state };
        }
        case "aws:lb/listener:Listener":
        case "aws:lb/listenerRule:ListenerRule": {
            const kind = type.endsWith("ListenerRule") ? "listener-rule" : "listener";
            const arn = `${arnBase("elasticloadbalancing")}:${kind}/app/${stableHex(8, world.stack, name)}/${stableHex(16, world.stack, type, name)}`;
            Object.assign(state, { arn });
            return { id: arn, state };
        }
        case "aws:ecr/repository:Repository": {
            const repo = physical("name");
            Object.assign(state, {
                name: repo,
                arn: `${arnBase("ecr")}:repository/${repo}`,
                registryId: account,
                repositoryUrl: `${account}.dkr.ecr.${region}.amazonaws.com/${repo}`,
            });
            return { id: repo, state };
        }
        case "aws:ecs/cluster:Cluster": {
            const cluster = physical("name");
            const arn = `${arnBase("ecs")}:cluster/${cluster}`;
            Object.assign(state, { name: cluster, arn });
            return { id: arn, state };
        }
        case "aws:ecs/taskDefinition:TaskDefinition": {
            const family = physical("family");
            const arn = `${arnBase("ecs")}:task-definition/${family}:1`;
            Object.assign(state, { family, revision: 1, arn, arnWithoutRevision: `${arnBase("ecs")}:task-definition/${family}` });
            return { id: family, state };
        }
        case "aws:ecs/service:Service": {
            const serviceName = physical("name");
            const arn = `${arnBase("ecs")}:service/${String(inputs.cluster ?? "cluster")
                .split("/")
                .pop()}/${serviceName}`;
            Object.assign(state, { name: serviceName, arn });
            return { id: arn, state };
        }
        case "aws:rds/instance:Instance": {
            const identifier = physical("identifier");
            const address = `${identifier}.${stableHex(12, world.stack, name)}.${region}.rds.amazonaws.com`;
            const port = typeof inputs.port === "number" ? inputs.port : inputs.engine === "mysql" ? 3306 : 5432;
            Object.assign(state, {
                identifier,
                address,
                port,
                endpoint: `${address}:${port}`,
                arn: `${arnBase("rds")}:db:${identifier}`,
                resourceId: `db-${stableHex(26, world.stack, type, name).toUpperCase()}`,
                hostedZoneId: "Z29XKXDKYMONMX",
            });
            if (inputs.manageMasterUserPassword === true) {
                state.masterUserSecrets ??= [
                    {
                        secretArn: `${arnBase("secretsmanager")}:secret:rds!db-${stableUuid(world.stack, name)}-${stableHex(6, name)}`,
                        secretStatus: "active",
                        kmsKeyId: inputs.masterUserSecretKmsKeyId ?? "",
                    },
                ];
            }
            return { id: identifier, state };
        }
        case "aws:rds/subnetGroup:SubnetGroup":
        case "aws:rds/parameterGroup:ParameterGroup": {
            const groupName = physical("name");
            const kind = type.endsWith("SubnetGroup") ? "subgrp" : "pg";
            Object.assign(state, { name: groupName, arn: `${arnBase("rds")}:${kind}:${groupName}` });
            return { id: groupName, state };
        }
        case "aws:sqs/queue:Queue": {
            const queue = physical("name");
            const url = `https://sqs.${region}.amazonaws.com/${account}/${queue}`;
            Object.assign(state, { name: queue, arn: `${arnBase("sqs")}:${queue}`, url });
            return { id: url, state };
        }
        case "aws:sns/topic:Topic": {
            const topic = physical("name");
            const arn = `${arnBase("sns")}:${topic}`;
            Object.assign(state, { name: topic, arn });
            return { id: arn, state };
        }
        case "aws:dynamodb/table:Table": {
            const table = physical("name");
            Object.assign(state, { name: table, arn: `${arnBase("dynamodb")}:table/${table}` });
            if (inputs.streamEnabled === true) state.streamArn ??= `${arnBase("dynamodb")}:table/${table}/stream/2026-01-01T00:00:00.000`;
            return { id: table, state };
        }
        case "aws:cloudwatch/logGroup:LogGroup": {
            const group = physical("name");
            Object.assign(state, { name: group, arn: `${arnBase("logs")}:log-group:${group}` });
            return { id: group, state };
        }
        case "aws:secretsmanager/secret:Secret": {
            const secretName = physical("name");
            const arn = `${arnBase("secretsmanager")}:secret:${secretName}-${stableHex(6, world.stack, name)}`;
            Object.assign(state, { name: secretName, arn });
            return { id: arn, state };
        }
        case "aws:secretsmanager/secretVersion:SecretVersion": {
            const versionId = stableUuid(world.stack, type, name);
            Object.assign(state, { versionId, arn: inputs.secretId });
            return { id: `${String(inputs.secretId ?? "")}|${versionId}`, state };
        }
        case "aws:ssm/parameter:Parameter": {
            const parameter = physical("name");
            Object.assign(state, {
                name: parameter,
                arn: `${arnBase("ssm")}:parameter${parameter.startsWith("/") ? "" : "/"}${parameter}`,
                version: 1,
            });
            return { id: parameter, state };
        }
        case "aws:cloudtrail/trail:Trail": {
            const trail = physical("name");
            Object.assign(state, { name: trail, arn: `${arnBase("cloudtrail")}:trail/${trail}`, homeRegion: region });
            return { id: trail, state };
        }
        case "aws:guardduty/detector:Detector": {
            const id = stableHex(32, world.stack, type, name);
            Object.assign(state, { accountId: account, arn: `${arnBase("guardduty")}:detector/${id}` });
            return { id, state };
        }
        case "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace": {
            const id = `ns-${stableHex(16, world.stack, type, name)}`;
            Object.assign(state, {
                arn: `${arnBase("servicediscovery")}:namespace/${id}`,
                hostedZone: `Z${stableHex(20, world.stack, name).toUpperCase()}`,
            });
            return { id, state };
        }
        case "aws:wafv2/webAcl:WebAcl": {
            const id = stableUuid(world.stack, type, name);
            const aclName = physical("name");
            Object.assign(state, { name: aclName, arn: `${arnBase("wafv2")}:regional/webacl/${aclName}/${id}`, capacity: 0 });
            return { id, state };
        }
        case "aws:acm/certificate:Certificate": {
            const id = stableUuid(world.stack, type, name);
            const arn = `${arnBase("acm")}:certificate/${id}`;
            Object.assign(state, { arn, status: "ISSUED" });
            return { id: arn, state };
        }
        case "aws:appautoscaling/target:Target":
        case "aws:appautoscaling/policy:Policy": {
            const id = String(inputs.resourceId ?? autoName(world, type, name));
            const arn = `${arnBase("application-autoscaling")}:scalable-target/${stableHex(28, world.stack, type, name)}`;
            Object.assign(state, { arn });
            return { id: type.endsWith("Policy") ? String(inputs.name ?? name) : id, state };
        }
    }

    const serverless = serverlessResourceState(world, type, name, state);
    if (serverless) return serverless;
    if (type.startsWith("pulumi:providers:")) {
        return { id: stableUuid(world.stack, type, name), state };
    }
    // Everything else: a name-derived id (the name Pulumi's auto-naming gives, where the
    // resource has one) and a well-formed ARN in the resource's service.
    const id = autoName(world, type, name);
    if (type.startsWith("aws:")) {
        const kind = (type.split(":").pop() ?? "resource").replace(/[A-Z]/g, (c, i: number) => `${i > 0 ? "-" : ""}${c.toLowerCase()}`);
        state.arn ??= `${arnBase(serviceOf(type))}:${kind}/${id}`;
        state.name ??= id;
    }
    return { id, state };
}

/** A deterministic address from TEST-NET-3 (203.0.113.0/24, RFC 5737): obviously not a real endpoint. */
function documentationIp(world: SynthWorld, name: string): string {
    return `203.0.113.${(parseInt(stableHex(2, world.stack, name), 16) % 254) + 1}`;
}
