import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import { KEY, res } from "./records";

/**
 * A DynamoDB table (on demand and provisioned with scaling), a replica, a resource policy and a DAX cluster, as the data policies want
 * them.
 */
export function dynamoEstate(): ResourceRecord[] {
    const orders = res(T.dynamoTable, "orders", {
        name: "orders",
        hashKey: "id",
        billingMode: "PAY_PER_REQUEST",
        serverSideEncryption: { enabled: true, kmsKeyArn: KEY },
        pointInTimeRecovery: { enabled: true },
        replicas: [{ regionName: "eu-central-1", kmsKeyArn: "arn:aws:kms:eu-central-1:111111111111:key/data" }],
    });
    const events = res(T.dynamoTable, "events", {
        name: "events",
        hashKey: "id",
        billingMode: "PROVISIONED",
        readCapacity: 5,
        writeCapacity: 5,
        serverSideEncryption: { enabled: true, kmsKeyArn: KEY },
        pointInTimeRecovery: { enabled: true },
    });
    const target = res(
        T.appAutoscalingTarget,
        "events-read",
        {
            serviceNamespace: "dynamodb",
            resourceId: "table/events",
            scalableDimension: "dynamodb:table:ReadCapacityUnits",
            minCapacity: 5,
            maxCapacity: 50,
        },
        { resourceId: events },
    );
    return [
        orders,
        events,
        target,
        res(
            T.appAutoscalingPolicy,
            "events-read",
            {
                serviceNamespace: "dynamodb",
                resourceId: "table/events",
                policyType: "TargetTrackingScaling",
                scalableDimension: "dynamodb:table:ReadCapacityUnits",
            },
            { resourceId: target },
        ),
        res(T.dynamoTableReplica, "orders-us", {
            globalTableArn: "arn:aws:dynamodb:eu-west-1:111111111111:table/orders",
            kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/data",
            pointInTimeRecovery: true,
        }),
        res(T.dynamoResourcePolicy, "orders-policy", {
            resourceArn: "arn:aws:dynamodb:eu-west-1:111111111111:table/orders",
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "Reader",
                        Effect: "Allow",
                        Principal: { AWS: "arn:aws:iam::222222222222:role/reader" },
                        Action: "dynamodb:GetItem",
                        Resource: "*",
                    },
                    {
                        Sid: "Org",
                        Effect: "Allow",
                        Principal: "*",
                        Action: "dynamodb:Query",
                        Resource: "*",
                        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } },
                    },
                ],
            }),
        }),
        res(T.daxCluster, "orders-cache", {
            clusterName: "orders",
            nodeType: "dax.r5.large",
            replicationFactor: 3,
            iamRoleArn: "arn:aws:iam::111111111111:role/dax",
            serverSideEncryption: { enabled: true },
            clusterEndpointEncryptionType: "TLS",
        }),
    ];
}

/** An ElastiCache Valkey replication group, a Memcached cluster, a serverless cache, an RBAC user and a MemoryDB cluster and snapshot. */
export function cacheEstate(): ResourceRecord[] {
    return [
        res(T.elasticacheReplicationGroup, "sessions", {
            description: "sessions",
            engine: "valkey",
            nodeType: "cache.r7g.large",
            numCacheClusters: 2,
            port: 6380,
            atRestEncryptionEnabled: true,
            kmsKeyId: KEY,
            transitEncryptionEnabled: true,
            authToken: "from-the-secrets-injector",
            multiAzEnabled: true,
            automaticFailoverEnabled: true,
            snapshotRetentionLimit: 7,
            subnetGroupName: "sessions-subnets",
            autoMinorVersionUpgrade: true,
        }),
        res(T.elasticacheCluster, "pages", {
            engine: "memcached",
            nodeType: "cache.t4g.small",
            numCacheNodes: 2,
            azMode: "cross-az",
            port: 11212,
            transitEncryptionEnabled: true,
            subnetGroupName: "pages-subnets",
        }),
        res(T.elasticacheServerlessCache, "tokens", {
            engine: "valkey",
            name: "tokens",
            kmsKeyId: KEY,
            userGroupId: "tokens-users",
            snapshotRetentionLimit: 7,
            subnetIds: ["subnet-a", "subnet-b"],
        }),
        res(T.elasticacheUser, "reader", {
            userId: "reader",
            userName: "reader",
            engine: "valkey",
            accessString: "on ~sessions:* -@all +get",
            authenticationMode: { type: "iam" },
        }),
        res(T.memorydbCluster, "ledger", {
            name: "ledger",
            nodeType: "db.r7g.large",
            aclName: "ledger-acl",
            kmsKeyArn: KEY,
            numReplicasPerShard: 1,
            port: 6380,
            snapshotRetentionLimit: 7,
            subnetGroupName: "ledger-subnets",
        }),
        res(T.memorydbSnapshot, "ledger-manual", { clusterName: "ledger", kmsKeyArn: KEY }),
    ];
}

/** A Redshift cluster with its parameter group, logging and copy grant, and a serverless namespace and workgroup. */
export function redshiftEstate(): ResourceRecord[] {
    const params = res(T.redshiftParameterGroup, "warehouse-params", {
        name: "warehouse-params",
        family: "redshift-1.0",
        parameters: [
            { name: "require_ssl", value: "true" },
            { name: "enable_user_activity_logging", value: "true" },
        ],
    });
    const cluster = res(
        T.redshiftCluster,
        "warehouse",
        {
            clusterIdentifier: "warehouse",
            nodeType: "ra3.xlplus",
            databaseName: "analytics",
            masterUsername: "warehouse_admin",
            manageMasterPassword: true,
            kmsKeyId: KEY,
            enhancedVpcRouting: true,
            clusterSubnetGroupName: "warehouse-subnets",
            clusterParameterGroupName: "warehouse-params",
            automatedSnapshotRetentionPeriod: 7,
            preferredMaintenanceWindow: "sun:02:00-sun:03:00",
            port: 5440,
        },
        { clusterParameterGroupName: params },
    );
    return [
        params,
        cluster,
        res(
            T.redshiftLogging,
            "warehouse-logs",
            { clusterIdentifier: "warehouse", logDestinationType: "s3", bucketName: "edf-logs" },
            { clusterIdentifier: cluster },
        ),
        res(T.redshiftSnapshotCopyGrant, "warehouse-dr", { snapshotCopyGrantName: "warehouse-dr", kmsKeyId: KEY }),
        res(T.redshiftServerlessNamespace, "adhoc", {
            namespaceName: "adhoc",
            dbName: "adhoc",
            adminUsername: "adhoc_admin",
            kmsKeyId: KEY,
            logExports: ["connectionlog", "userlog", "useractivitylog"],
        }),
        res(T.redshiftServerlessWorkgroup, "adhoc", {
            workgroupName: "adhoc",
            namespaceName: "adhoc",
            enhancedVpcRouting: true,
            subnetIds: ["subnet-a", "subnet-b"],
            port: 5440,
            configParameters: [{ parameterKey: "require_ssl", parameterValue: "true" }],
        }),
    ];
}

/** A Neptune cluster with an instance and a global cluster. */
export function neptuneEstate(): ResourceRecord[] {
    return [
        res(T.neptuneCluster, "graph", {
            clusterIdentifier: "graph",
            storageEncrypted: true,
            kmsKeyArn: KEY,
            iamDatabaseAuthenticationEnabled: true,
            backupRetentionPeriod: 7,
            deletionProtection: true,
            enableCloudwatchLogsExports: ["audit"],
            copyTagsToSnapshot: true,
            neptuneSubnetGroupName: "graph-subnets",
        }),
        res(T.neptuneClusterInstance, "graph-1", {
            clusterIdentifier: "graph",
            instanceClass: "db.r6g.large",
            autoMinorVersionUpgrade: true,
        }),
        res(T.neptuneGlobalCluster, "graph-global", {
            globalClusterIdentifier: "graph",
            engine: "neptune",
            storageEncrypted: true,
            deletionProtection: true,
        }),
    ];
}

/** A DocumentDB cluster with its parameter group and an instance, a global and an elastic cluster. */
export function docdbEstate(): ResourceRecord[] {
    const params = res(T.docdbClusterParameterGroup, "catalog-params", {
        name: "catalog-params",
        family: "docdb5.0",
        parameters: [
            { name: "tls", value: "enabled" },
            { name: "audit_logs", value: "ddl" },
        ],
    });
    return [
        params,
        res(
            T.docdbCluster,
            "catalog",
            {
                clusterIdentifier: "catalog",
                storageEncrypted: true,
                kmsKeyId: KEY,
                backupRetentionPeriod: 7,
                deletionProtection: true,
                enabledCloudwatchLogsExports: ["audit", "profiler"],
                dbClusterParameterGroupName: "catalog-params",
                manageMasterUserPassword: true,
                masterUsername: "catalog",
                port: 27018,
            },
            { dbClusterParameterGroupName: params },
        ),
        res(T.docdbClusterInstance, "catalog-1", {
            clusterIdentifier: "catalog",
            instanceClass: "db.r6g.large",
            enablePerformanceInsights: true,
            performanceInsightsKmsKeyId: KEY,
        }),
        res(T.docdbGlobalCluster, "catalog-global", {
            globalClusterIdentifier: "catalog",
            engine: "docdb",
            storageEncrypted: true,
            deletionProtection: true,
        }),
        res(T.docdbElasticCluster, "search", {
            name: "search",
            authType: "SECRET_ARN",
            kmsKeyId: KEY,
            backupRetentionPeriod: 7,
            shardCapacity: 2,
            shardCount: 2,
        }),
    ];
}

/** A DMS replication instance with a source database endpoint and an S3 target. */
export function dmsEstate(): ResourceRecord[] {
    return [
        res(T.dmsReplicationInstance, "migration", {
            replicationInstanceId: "migration",
            replicationInstanceClass: "dms.t3.medium",
            publiclyAccessible: false,
            autoMinorVersionUpgrade: true,
            kmsKeyArn: KEY,
            replicationSubnetGroupId: "migration-subnets",
        }),
        res(T.dmsEndpoint, "legacy", {
            endpointId: "legacy",
            endpointType: "source",
            engineName: "postgres",
            sslMode: "verify-full",
            kmsKeyArn: KEY,
        }),
        res(T.dmsS3Endpoint, "lake", { endpointId: "lake", endpointType: "target", bucketName: "edf-lake", kmsKeyArn: KEY }),
    ];
}

/** A Timestream database and InfluxDB instance, a QLDB ledger and a Keyspaces table. */
export function ledgerEstate(): ResourceRecord[] {
    return [
        res(T.timestreamDatabase, "metrics", { databaseName: "metrics", kmsKeyId: KEY }),
        res(T.timestreamInfluxDbInstance, "influx", { name: "influx", publiclyAccessible: false, dbInstanceType: "db.influx.medium" }),
        res(T.qldbLedger, "audit", { name: "audit", permissionsMode: "STANDARD", deletionProtection: true, kmsKey: KEY }),
        res(T.keyspacesTable, "events", {
            keyspaceName: "app",
            tableName: "events",
            encryptionSpecification: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyIdentifier: KEY },
        }),
    ];
}
