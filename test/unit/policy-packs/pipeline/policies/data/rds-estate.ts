import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import { KEY, res } from "./records";

const SERVER_PARAMETERS = [
    { name: "rds.force_ssl", value: "1" },
    { name: "log_statement", value: "ddl" },
    { name: "log_min_duration_statement", value: "1000" },
];

/** RDS for PostgreSQL and Aurora PostgreSQL as the data policies want them, with snapshots, backups and a proxy. */
export function rdsEstate(): ResourceRecord[] {
    const pg = res(T.rdsParameterGroup, "orders-params", { name: "orders-pg16", family: "postgres16", parameters: SERVER_PARAMETERS });
    const db = res(
        T.rdsInstance,
        "orders",
        {
            engine: "postgres",
            engineVersion: "16.4",
            instanceClass: "db.t4g.medium",
            storageEncrypted: true,
            kmsKeyId: KEY,
            publiclyAccessible: false,
            backupRetentionPeriod: 7,
            multiAz: true,
            deletionProtection: true,
            iamDatabaseAuthenticationEnabled: true,
            enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
            copyTagsToSnapshot: true,
            autoMinorVersionUpgrade: true,
            monitoringInterval: 60,
            monitoringRoleArn: "arn:aws:iam::111111111111:role/rds-monitoring",
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: KEY,
            caCertIdentifier: "rds-ca-rsa2048-g1",
            port: 5433,
            parameterGroupName: "orders-pg16",
        },
        { parameterGroupName: pg },
    );
    const cpg = res(T.rdsClusterParameterGroup, "ledger-params", {
        name: "ledger-apg16",
        family: "aurora-postgresql16",
        parameters: SERVER_PARAMETERS,
    });
    const cluster = res(
        T.rdsCluster,
        "ledger",
        {
            engine: "aurora-postgresql",
            engineVersion: "16.4",
            storageEncrypted: true,
            kmsKeyId: KEY,
            backupRetentionPeriod: 7,
            deletionProtection: true,
            iamDatabaseAuthenticationEnabled: true,
            enabledCloudwatchLogsExports: ["postgresql"],
            copyTagsToSnapshot: true,
            port: 5433,
            dbClusterParameterGroupName: "ledger-apg16",
            tags: { backup: "daily" },
        },
        { dbClusterParameterGroupName: cpg },
    );
    const member = res(
        T.rdsClusterInstance,
        "ledger-1",
        {
            clusterIdentifier: "ledger",
            engine: "aurora-postgresql",
            instanceClass: "db.r6g.large",
            publiclyAccessible: false,
            autoMinorVersionUpgrade: true,
            monitoringInterval: 60,
            monitoringRoleArn: "arn:aws:iam::111111111111:role/rds-monitoring",
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: KEY,
        },
        { clusterIdentifier: cluster },
    );
    return [
        pg,
        db,
        cpg,
        cluster,
        member,
        res(T.rdsGlobalCluster, "ledger-global", { engine: "aurora-postgresql", storageEncrypted: true, deletionProtection: true }),
        res(T.backupSelection, "daily", {
            planId: "plan-1",
            iamRoleArn: "arn:aws:iam::111111111111:role/backup",
            selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }],
        }),
        res(T.rdsSnapshot, "orders-snap", {
            dbInstanceIdentifier: "orders",
            dbSnapshotIdentifier: "orders-1",
            sharedAccounts: ["222222222222"],
        }),
        res(T.rdsSnapshotCopy, "orders-copy", {
            sourceDbSnapshotIdentifier: "orders-1",
            targetDbSnapshotIdentifier: "orders-1-copy",
            kmsKeyId: KEY,
        }),
        res(T.rdsBackupsReplication, "orders-dr", { sourceDbInstanceArn: "arn:aws:rds:eu-west-1:111111111111:db:orders", kmsKeyId: KEY }),
        res(T.rdsProxy, "orders-proxy", { engineFamily: "POSTGRESQL", requireTls: true, roleArn: "arn:role", vpcSubnetIds: ["subnet-1"] }),
    ];
}
