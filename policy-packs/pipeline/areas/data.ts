import type { PolicyDefinition } from "../../lib/model";
import { databaseNonDefaultPort } from "../policies/database-non-default-port";
import { rdsAuroraMysqlBacktrack } from "../policies/rds-aurora-mysql-backtrack";
import { rdsAutoMinorVersionUpgrade } from "../policies/rds-auto-minor-version-upgrade";
import { rdsCaCertificateCurrent } from "../policies/rds-ca-certificate-current";
import { rdsClusterBackupPlan } from "../policies/rds-cluster-backup-plan";
import { rdsCopyTagsToSnapshot } from "../policies/rds-copy-tags-to-snapshot";
import { rdsCustomerManagedKey } from "../policies/rds-customer-managed-key";
import { rdsDeletionProtectionInProduction } from "../policies/rds-deletion-protection-in-production";
import { rdsEngineVersionPatched } from "../policies/rds-engine-version-patched";
import { rdsIamAuthentication } from "../policies/rds-iam-authentication";
import { rdsInstanceMonitoring } from "../policies/rds-instance-monitoring";
import { rdsLogExports } from "../policies/rds-log-exports";
import { rdsPostgresQueryLogging } from "../policies/rds-postgres-query-logging";
import { rdsProxyTlsRequired } from "../policies/rds-proxy-tls-required";
import { rdsSnapshotNotPublic } from "../policies/rds-snapshot-not-public";
import { rdsTlsEnforced } from "../policies/rds-tls-enforced";

/** Databases (RDS and Aurora, DynamoDB, ElastiCache/MemoryDB, Redshift, Neptune, DocumentDB, DMS, Timestream, QLDB, Keyspaces, ...), in pack order. */
export const dataPolicies: readonly PolicyDefinition[] = [
    databaseNonDefaultPort,
    rdsAuroraMysqlBacktrack,
    rdsAutoMinorVersionUpgrade,
    rdsCaCertificateCurrent,
    rdsClusterBackupPlan,
    rdsCopyTagsToSnapshot,
    rdsCustomerManagedKey,
    rdsDeletionProtectionInProduction,
    rdsEngineVersionPatched,
    rdsIamAuthentication,
    rdsInstanceMonitoring,
    rdsLogExports,
    rdsPostgresQueryLogging,
    rdsProxyTlsRequired,
    rdsSnapshotNotPublic,
    rdsTlsEnforced,
];
