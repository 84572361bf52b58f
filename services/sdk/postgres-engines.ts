import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NAME_LIMITS } from "../../platform/common/naming";
import { childName } from "./dependency";
import type { PostgresDatabaseArgs } from "./postgres-database";
import type { ServiceIdentity } from "./service-identity";

export const POSTGRES_PORT = 5432;

/** The log group RDS Enhanced Monitoring writes its OS metrics to (fixed by AWS). */
export const ENHANCED_MONITORING_LOG_GROUP = "RDSOSMetrics";

/** RDS for PostgreSQL, or Aurora PostgreSQL. */
export type PostgresEngine = "rds" | "aurora";

/** What both engines are built from; the network and subnet group already exist. */
export interface PostgresEngineInputs {
    readonly parent: pulumi.Resource;
    readonly name: string;
    readonly service: ServiceIdentity;
    readonly args: PostgresDatabaseArgs;
    readonly engineVersion: string;
    readonly databaseName: string;
    readonly username: string;
    /** The injected master password; `undefined` lets RDS generate and manage it. */
    readonly password: pulumi.Output<string> | undefined;
    readonly subnetGroupName: pulumi.Input<string>;
    readonly securityGroupId: pulumi.Input<string>;
    readonly tags: (suffix?: string) => Record<string, string>;
}

/** What either engine yields. */
export interface PostgresEngineResult {
    readonly instance?: aws.rds.Instance;
    readonly cluster?: aws.rds.Cluster;
    /** The host name clients connect to (the writer). */
    readonly address: pulumi.Output<string>;
    /** The RDS-managed credentials secret (generated credentials only; empty otherwise). */
    readonly managedSecretArn: pulumi.Output<string>;
}

// TLS only, every connection, schema change and slow statement logged (PCI DSS 10.2).
const SERVER_PARAMETERS = [
    { name: "rds.force_ssl", value: "1" },
    { name: "log_connections", value: "1" },
    { name: "log_disconnections", value: "1" },
    { name: "log_statement", value: "ddl" },
    { name: "log_min_duration_statement", value: "1000" },
];

/** Enhanced Monitoring publishes OS metrics every minute through this role. */
export const MONITORING_INTERVAL_SECONDS = 60;

// The role RDS assumes to publish Enhanced Monitoring metrics, under the landing zone's boundary.
function monitoringRole(i: PostgresEngineInputs): aws.iam.Role {
    const { service, name } = i;
    const role = new aws.iam.Role(
        childName(service, name, "monitoring"),
        {
            name: service.physicalName(`${name}-monitoring`, NAME_LIMITS.iam),
            description: `Enhanced Monitoring of ${service.serviceName}'s ${name} database`,
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "monitoring.rds.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
            permissionsBoundary: service.landingZone.security.permissionsBoundaryArn,
            tags: i.tags("monitoring"),
        },
        { parent: i.parent },
    );
    // What AWS's managed AmazonRDSEnhancedMonitoringRole grants, narrowed to the one log group
    // Enhanced Monitoring writes (`RDSOSMetrics`) in this account and region: no AWS managed
    // policy on a service role (iam-no-aws-managed-policies), no wildcard account or region.
    const parent = { parent: role as pulumi.Resource };
    const logGroup = pulumi
        .all([
            aws.getPartitionOutput({}, parent).partition,
            aws.getRegionOutput({}, parent).region,
            aws.getCallerIdentityOutput({}, parent).accountId,
        ])
        .apply(([partition, region, account]) => `arn:${partition}:logs:${region}:${account}:log-group:${ENHANCED_MONITORING_LOG_GROUP}`);
    new aws.iam.RolePolicy(
        childName(service, name, "monitoring"),
        {
            role: role.name,
            policy: logGroup.apply((arn) =>
                JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "MonitoringLogGroup",
                            Effect: "Allow",
                            Action: ["logs:CreateLogGroup", "logs:PutRetentionPolicy"],
                            Resource: arn,
                        },
                        {
                            Sid: "MonitoringLogStreams",
                            Effect: "Allow",
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:GetLogEvents"],
                            Resource: `${arn}:log-stream:*`,
                        },
                    ],
                }),
            ),
        },
        parent,
    );
    return role;
}

interface MasterCredentials {
    readonly password?: pulumi.Input<string>;
    readonly manageMasterUserPassword?: boolean;
    readonly masterUserSecretKmsKeyId?: pulumi.Input<string>;
}

// An injected password (kept secret), or RDS generating one and keeping it under the secrets key.
function masterCredentials(i: PostgresEngineInputs): MasterCredentials {
    const security = i.service.landingZone.security;
    return i.password !== undefined
        ? { password: pulumi.secret(i.password) }
        : { manageMasterUserPassword: true, masterUserSecretKmsKeyId: security.secretsKmsKeyArn };
}

/** RDS for PostgreSQL: one instance, with a synchronous standby in another AZ when multi-AZ. */
export function createRdsInstance(i: PostgresEngineInputs): PostgresEngineResult {
    const { service, name, args } = i;
    const { security } = service.landingZone;
    const sizing = service.sizing;
    const prod = sizing.deletionProtection;
    const major = i.engineVersion.split(".")[0];
    const parameters = new aws.rds.ParameterGroup(
        childName(service, name, "parameters"),
        {
            name: service.physicalName(`${name}-pg${major}`),
            family: `postgres${major}`,
            description: `TLS-only PostgreSQL ${major} for ${service.serviceName}`,
            parameters: SERVER_PARAMETERS,
            tags: i.tags("parameters"),
        },
        { parent: i.parent },
    );
    const { password, manageMasterUserPassword, masterUserSecretKmsKeyId } = masterCredentials(i);
    const monitoring = monitoringRole(i);
    const instance = new aws.rds.Instance(
        childName(service, name),
        {
            identifier: service.physicalName(name, 63),
            engine: "postgres",
            engineVersion: i.engineVersion,
            instanceClass: args.instanceClass ?? sizing.databaseInstanceClass,
            allocatedStorage: args.allocatedStorageGb ?? 20,
            storageType: "gp3",
            storageEncrypted: true,
            kmsKeyId: security.dataKmsKeyArn,
            dbName: i.databaseName,
            username: i.username,
            password,
            manageMasterUserPassword,
            masterUserSecretKmsKeyId,
            port: POSTGRES_PORT,
            dbSubnetGroupName: i.subnetGroupName,
            parameterGroupName: parameters.name,
            vpcSecurityGroupIds: [i.securityGroupId],
            publiclyAccessible: false,
            multiAz: args.multiAz ?? sizing.multiAzDatabase,
            backupRetentionPeriod: sizing.backupRetentionDays,
            copyTagsToSnapshot: true,
            deletionProtection: prod,
            skipFinalSnapshot: !prod,
            finalSnapshotIdentifier: prod ? service.physicalName(`${name}-final`, 63) : undefined,
            autoMinorVersionUpgrade: true,
            iamDatabaseAuthenticationEnabled: true,
            enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
            monitoringInterval: MONITORING_INTERVAL_SECONDS,
            monitoringRoleArn: monitoring.arn,
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: security.dataKmsKeyArn,
            tags: i.tags(),
        },
        { parent: i.parent },
    );
    return {
        instance,
        address: instance.address,
        managedSecretArn: instance.masterUserSecrets.apply((secrets) => secrets?.[0]?.secretArn ?? ""),
    };
}

/** Aurora PostgreSQL: a cluster with a writer, and a reader in a second AZ when multi-AZ (failover target). */
export function createAuroraCluster(i: PostgresEngineInputs): PostgresEngineResult {
    const { service, name, args } = i;
    const { security, network } = service.landingZone;
    const sizing = service.sizing;
    const prod = sizing.deletionProtection;
    const major = i.engineVersion.split(".")[0];
    const parameters = new aws.rds.ClusterParameterGroup(
        childName(service, name, "cluster-parameters"),
        {
            name: service.physicalName(`${name}-apg${major}`),
            family: `aurora-postgresql${major}`,
            description: `TLS-only Aurora PostgreSQL ${major} for ${service.serviceName}`,
            parameters: SERVER_PARAMETERS,
            tags: i.tags("cluster-parameters"),
        },
        { parent: i.parent },
    );
    const { password: masterPassword, manageMasterUserPassword, masterUserSecretKmsKeyId } = masterCredentials(i);
    const cluster = new aws.rds.Cluster(
        childName(service, name),
        {
            clusterIdentifier: service.physicalName(name, 63),
            engine: "aurora-postgresql",
            engineVersion: i.engineVersion,
            storageEncrypted: true,
            kmsKeyId: security.dataKmsKeyArn,
            databaseName: i.databaseName,
            masterUsername: i.username,
            masterPassword,
            manageMasterUserPassword,
            masterUserSecretKmsKeyId,
            port: POSTGRES_PORT,
            dbSubnetGroupName: i.subnetGroupName,
            dbClusterParameterGroupName: parameters.name,
            vpcSecurityGroupIds: [i.securityGroupId],
            backupRetentionPeriod: sizing.backupRetentionDays,
            copyTagsToSnapshot: true,
            deletionProtection: prod,
            skipFinalSnapshot: !prod,
            finalSnapshotIdentifier: prod ? service.physicalName(`${name}-final`, 63) : undefined,
            iamDatabaseAuthenticationEnabled: true,
            enabledCloudwatchLogsExports: ["postgresql"],
            tags: i.tags(),
        },
        { parent: i.parent },
    );
    const multiAz = args.multiAz ?? sizing.multiAzDatabase;
    const monitoring = monitoringRole(i);
    // The writer in the first AZ, the reader in the second: Aurora fails over to it.
    const members = multiAz ? 2 : 1;
    for (let index = 0; index < members; index++) {
        new aws.rds.ClusterInstance(
            childName(service, name, `instance-${index + 1}`),
            {
                identifier: service.physicalName(`${name}-${index + 1}`, 63),
                clusterIdentifier: cluster.id,
                engine: "aurora-postgresql",
                engineVersion: cluster.engineVersion,
                instanceClass: args.instanceClass ?? sizing.auroraInstanceClass,
                availabilityZone: network.azs.apply((azs) => azs[index % azs.length]!),
                dbSubnetGroupName: i.subnetGroupName,
                publiclyAccessible: false,
                promotionTier: index,
                autoMinorVersionUpgrade: true,
                monitoringInterval: MONITORING_INTERVAL_SECONDS,
                monitoringRoleArn: monitoring.arn,
                performanceInsightsEnabled: true,
                performanceInsightsKmsKeyId: security.dataKmsKeyArn,
                copyTagsToSnapshot: true,
                tags: i.tags(`instance-${index + 1}`),
            },
            { parent: cluster },
        );
    }
    return {
        cluster,
        address: cluster.endpoint,
        managedSecretArn: cluster.masterUserSecrets.apply((secrets) => secrets?.[0]?.secretArn ?? ""),
    };
}
