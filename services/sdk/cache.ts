import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName, dependencyProblems } from "./dependency";
import { throwIfProblems } from "./errors";
import { Function } from "./function";
import { resourceTags } from "./governance";
import type { ServiceIdentity } from "./service-identity";

/** The engines a cache runs: Valkey (the open-source Redis fork AWS recommends) or Redis OSS. */
export type CacheEngine = "valkey" | "redis";

/** Engine versions a cache may run, newest first; each supports AUTH, TLS and at-rest encryption with a CMK. */
export const CACHE_ENGINE_VERSIONS: Readonly<Record<CacheEngine, readonly string[]>> = {
    valkey: ["8.1", "8.0", "7.2"],
    redis: ["7.1", "7.0", "6.2"],
};
export const DEFAULT_CACHE_ENGINE: CacheEngine = "valkey";
export const DEFAULT_CACHE_ENGINE_VERSION: Readonly<Record<CacheEngine, string>> = { valkey: "8.0", redis: "7.1" };
/** Redis' well-known port: scanners try it first, and the peers flag it (cdk-nag AEC5). */
export const WELL_KNOWN_CACHE_PORT = 6379;
export const DEFAULT_CACHE_PORT = 6380;

/** Arguments of {@link Cache}. */
export interface CacheArgs {
    /** The service that owns the cache; only its tasks (and `clients`) may connect. */
    readonly service: ServiceIdentity;
    /**
     * The AUTH token, injected from Vault as a secret Output (`ctx.inputs.requireSecret("cache-auth-token")`): 16–128 printable characters
     * without spaces, `"`, `/` or `@`.
     */
    readonly authToken: pulumi.Output<string>;
    /** Functions of the service that connect too. @default [] */
    readonly clients?: readonly Function[];
    /** The engine. @default "valkey" */
    readonly engine?: CacheEngine;
    /** The engine version (see `CACHE_ENGINE_VERSIONS`). @default - "8.0" for Valkey, "7.1" for Redis OSS */
    readonly engineVersion?: string;
    /** The node type. @default - the environment's sizing (dev `cache.t4g.micro`, prod `cache.r7g.large`) */
    readonly nodeType?: string;
    /** Nodes: a primary plus replicas (1–6). @default - the environment's sizing (dev 1, prod 2) */
    readonly nodes?: number;
    /** Replicas in other AZs with automatic failover; `false` is refused in prod. @default - the environment's sizing (prod: true) */
    readonly multiAz?: boolean;
    /** TLS between clients and nodes; `false` is refused. @default true */
    readonly transitEncryption?: boolean;
    /** Encryption at rest with the landing zone's data key; `false` is refused. @default true */
    readonly atRestEncryption?: boolean;
    /** The port (1024–65535, not 6379). @default 6380 */
    readonly port?: number;
    /** Days of daily snapshots kept (1–35). @default - the environment's sizing (dev 7, prod 14) */
    readonly snapshotRetentionDays?: number;
}

const NODE_TYPE = /^cache\.[a-z0-9]+\.[a-z0-9]+$/;

/** Problems with a cache's arguments. Pure. */
export function cacheProblems(name: string, args: CacheArgs): string[] {
    const problems = dependencyProblems(name, args.service);
    if (args.authToken === undefined) {
        problems.push(
            "`authToken` is missing: inject it from Vault, e.g. " +
                '`ctx.inputs.requireSecret("cache-auth-token")` — every client authenticates.',
        );
    } else if (!pulumi.Output.isInstance(args.authToken)) {
        problems.push("`authToken` is a plain value: pass the Vault value as a secret Output (`ctx.inputs.requireSecret(...)`).");
    }
    const engine = args.engine ?? DEFAULT_CACHE_ENGINE;
    if (!(engine in CACHE_ENGINE_VERSIONS)) {
        problems.push(`\`engine\` is \`${String(engine)}\`: use \`valkey\` or \`redis\`.`);
    } else if (args.engineVersion !== undefined && !CACHE_ENGINE_VERSIONS[engine].includes(args.engineVersion)) {
        problems.push(
            `\`engineVersion\` is \`${args.engineVersion}\`: ${engine} runs ` +
                `${CACHE_ENGINE_VERSIONS[engine].map((v) => `\`${v}\``).join(", ")} here.`,
        );
    }
    if (args.nodeType !== undefined && (typeof args.nodeType !== "string" || !NODE_TYPE.test(args.nodeType))) {
        problems.push(`\`nodeType\` is \`${String(args.nodeType)}\`: give an ElastiCache node type such as \`cache.r7g.large\`.`);
    }
    const size = args.service?.size;
    const nodes = args.nodes ?? args.service?.sizing.cacheNodes;
    if (args.nodes !== undefined && (!Number.isInteger(args.nodes) || args.nodes < 1 || args.nodes > 6)) {
        problems.push(`\`nodes\` is \`${String(args.nodes)}\`: use a whole number from 1 to 6 (a primary and up to 5 replicas).`);
    }
    if (size === "prod" && args.multiAz === false) {
        problems.push(
            "`multiAz` is `false` in a prod environment: production caches keep a " +
                "replica in another AZ and fail over to it; remove `multiAz`.",
        );
    }
    const multiAz = args.multiAz ?? args.service?.sizing.multiAzCache;
    if (multiAz === true && typeof nodes === "number" && nodes < 2) {
        problems.push(`\`nodes\` is \`${nodes}\` but the cache is multi-AZ: it needs a replica to fail over to; use at least 2.`);
    }
    if (args.transitEncryption === false) {
        problems.push(
            "`transitEncryption` is `false`: clients must reach the cache over TLS (the AUTH token would travel in clear); remove it.",
        );
    }
    if (args.atRestEncryption === false) {
        problems.push(
            "`atRestEncryption` is `false`: cached data and snapshots are encrypted with the landing zone's data key; remove it.",
        );
    }
    const port = args.port;
    if (port !== undefined && (!Number.isInteger(port) || port < 1024 || port > 65535)) {
        problems.push(`\`port\` is \`${String(port)}\`: use a port from 1024 to 65535.`);
    } else if (port === WELL_KNOWN_CACHE_PORT) {
        problems.push(
            `\`port\` is \`${WELL_KNOWN_CACHE_PORT}\`, the engine's well-known ` +
                `port: use another, e.g. \`${DEFAULT_CACHE_PORT}\` (the default).`,
        );
    }
    const retention = args.snapshotRetentionDays;
    if (retention !== undefined && (!Number.isInteger(retention) || retention < 1 || retention > 35)) {
        problems.push(
            `\`snapshotRetentionDays\` is \`${String(retention)}\`: the cache ` +
                `keeps daily snapshots (backups); use a whole number from 1 to 35.`,
        );
    }
    (args.clients ?? []).forEach((client, index) => {
        if (!(client instanceof Function)) {
            problems.push(`\`clients[${index}]\` must be a \`Function\` of the service.`);
        } else if (args.service && client.service.serviceName !== args.service.serviceName) {
            problems.push(`\`clients[${index}]\` belongs to \`${client.service.serviceName}\`: a cache admits its own service only.`);
        }
    });
    return problems;
}

/** The default parameter group of an engine version (`default.valkey8`, `default.redis7`, `default.redis6.x`). Pure. */
export function defaultCacheParameterGroup(engine: CacheEngine, version: string): string {
    const major = version.split(".")[0];
    return engine === "redis" && major === "6" ? "default.redis6.x" : `default.${engine}${major}`;
}

/**
 * A Valkey (or Redis OSS) cache a service owns, as an ElastiCache replication group:
 * in the landing zone's isolated subnets (its own subnet group), a security group that
 * admits only the service's tasks and its listed functions on a non-default port, TLS
 * required, AUTH with a token injected from Vault (kept a Pulumi secret), at-rest
 * encryption with the data key, daily snapshots, minor versions applied automatically,
 * slow and engine logs to KMS-encrypted log groups; in production a replica in another AZ
 * with automatic failover and a final snapshot on deletion.
 */
export class Cache extends pulumi.ComponentResource {
    readonly replicationGroup: aws.elasticache.ReplicationGroup;
    readonly securityGroup: aws.ec2.SecurityGroup;
    /** The primary endpoint clients connect to (TLS). */
    readonly address: pulumi.Output<string>;
    readonly port: number;
    /** The AUTH token, a secret: hand it to the container as `secrets: { CACHE_AUTH_TOKEN: { value: cache.authToken } }`. */
    readonly authToken: pulumi.Output<string>;

    constructor(name: string, args: CacheArgs, opts: pulumi.ComponentResourceOptions = {}) {
        throwIfProblems(`Cache \`${name}\``, cacheProblems(name, args));
        super("edf:services:Cache", childName(args.service, name), {}, opts);
        const service = args.service;
        const { network, security } = service.landingZone;
        const sizing = service.sizing;
        const child = (suffix?: string) => childName(service, name, suffix);
        const tags = (suffix?: string) => resourceTags(service.tags, child(suffix));
        const engine = args.engine ?? DEFAULT_CACHE_ENGINE;
        const engineVersion = args.engineVersion ?? DEFAULT_CACHE_ENGINE_VERSION[engine];
        const multiAz = args.multiAz ?? sizing.multiAzCache;
        const nodes = args.nodes ?? sizing.cacheNodes;
        const prod = sizing.deletionProtection;
        this.port = args.port ?? DEFAULT_CACHE_PORT;
        this.authToken = pulumi.secret(args.authToken);

        this.securityGroup = new aws.ec2.SecurityGroup(
            child("sg"),
            {
                name: service.physicalName(`${name}-cache`),
                description: `${engine} cache of ${service.serviceName}: ingress from its tasks and functions only`,
                vpcId: network.vpcId,
                tags: tags("sg"),
            },
            { parent: this },
        );
        const clients: [string, aws.ec2.SecurityGroup][] = [
            ["service", service.securityGroup],
            ...(args.clients ?? []).map((fn): [string, aws.ec2.SecurityGroup] => [fn.dependencyName, fn.securityGroup]),
        ];
        for (const [client, group] of clients) {
            const label = client === "service" ? `${service.serviceName} tasks` : `function ${client}`;
            new aws.vpc.SecurityGroupIngressRule(
                child(`from-${client}`),
                {
                    securityGroupId: this.securityGroup.id,
                    description: `${label} to the cache`,
                    ipProtocol: "tcp",
                    fromPort: this.port,
                    toPort: this.port,
                    referencedSecurityGroupId: group.id,
                    tags: tags(`from-${client}`),
                },
                { parent: this.securityGroup },
            );
            new aws.vpc.SecurityGroupEgressRule(
                child(`${client}-to-cache`),
                {
                    securityGroupId: group.id,
                    description: `${label} to their cache`,
                    ipProtocol: "tcp",
                    fromPort: this.port,
                    toPort: this.port,
                    referencedSecurityGroupId: this.securityGroup.id,
                    tags: tags(`${client}-to-cache`),
                },
                { parent: this.securityGroup },
            );
        }
        const subnetGroup = new aws.elasticache.SubnetGroup(
            child("subnets"),
            {
                name: service.physicalName(`${name}-cache`),
                description: `Isolated subnets of the landing zone for ${service.serviceName}'s cache`,
                subnetIds: network.isolatedSubnetIds,
                tags: tags("subnets"),
            },
            { parent: this },
        );
        const logs = (["slow-log", "engine-log"] as const).map((logType) => ({
            logType,
            group: new aws.cloudwatch.LogGroup(
                child(logType),
                {
                    name: `/edf/${service.environment}/services/${service.serviceName}/caches/${name}/${logType}`,
                    retentionInDays: sizing.logRetentionDays,
                    kmsKeyId: security.logsKmsKeyArn,
                    tags: tags(logType),
                },
                { parent: this },
            ),
        }));

        this.replicationGroup = new aws.elasticache.ReplicationGroup(
            child(),
            {
                replicationGroupId: service.physicalName(name, 40),
                description: `${engine} cache of ${service.serviceName} (${service.environment})`,
                engine,
                engineVersion,
                parameterGroupName: defaultCacheParameterGroup(engine, engineVersion),
                nodeType: args.nodeType ?? sizing.cacheNodeType,
                clusterMode: "disabled",
                numCacheClusters: nodes,
                multiAzEnabled: multiAz,
                automaticFailoverEnabled: multiAz,
                ...(multiAz
                    ? {
                          preferredCacheClusterAzs: network.azs.apply((azs) =>
                              Array.from({ length: nodes }, (_, i) => azs[i % azs.length]!),
                          ),
                      }
                    : {}),
                port: this.port,
                subnetGroupName: subnetGroup.name,
                securityGroupIds: [this.securityGroup.id],
                atRestEncryptionEnabled: true,
                kmsKeyId: security.dataKmsKeyArn,
                transitEncryptionEnabled: true,
                transitEncryptionMode: "required",
                authToken: this.authToken,
                autoMinorVersionUpgrade: true,
                snapshotRetentionLimit: args.snapshotRetentionDays ?? sizing.backupRetentionDays,
                finalSnapshotIdentifier: prod ? service.physicalName(`${name}-final`, 255) : undefined,
                logDeliveryConfigurations: logs.map(({ logType, group }) => ({
                    destination: group.name,
                    destinationType: "cloudwatch-logs",
                    logFormat: "json",
                    logType,
                })),
                tags: tags(),
            },
            { parent: this },
        );
        this.address = this.replicationGroup.primaryEndpointAddress;
        this.registerOutputs({ address: this.address, port: this.port });
    }
}
