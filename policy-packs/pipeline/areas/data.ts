import type { PolicyDefinition } from "../../lib/model";
import { databaseNonDefaultPort } from "../policies/database-non-default-port";
import { daxClusterEncrypted } from "../policies/dax-cluster-encrypted";
import { daxClusterTls } from "../policies/dax-cluster-tls";
import { dmsAutoMinorVersionUpgrade } from "../policies/dms-auto-minor-version-upgrade";
import { dmsCustomerManagedKey } from "../policies/dms-customer-managed-key";
import { dmsEndpointSsl } from "../policies/dms-endpoint-ssl";
import { dmsReplicationInstanceNotPublic } from "../policies/dms-replication-instance-not-public";
import { docdbAuditLogging } from "../policies/docdb-audit-logging";
import { docdbBackupRetention } from "../policies/docdb-backup-retention";
import { docdbCustomerManagedKey } from "../policies/docdb-customer-managed-key";
import { docdbDeletionProtectionInProduction } from "../policies/docdb-deletion-protection-in-production";
import { docdbManagedMasterPassword } from "../policies/docdb-managed-master-password";
import { docdbStorageEncrypted } from "../policies/docdb-storage-encrypted";
import { docdbTlsEnabled } from "../policies/docdb-tls-enabled";
import { dynamodbCustomerManagedKey } from "../policies/dynamodb-customer-managed-key";
import { dynamodbPointInTimeRecovery } from "../policies/dynamodb-point-in-time-recovery";
import { dynamodbResourcePolicyNotPublic } from "../policies/dynamodb-resource-policy-not-public";
import { dynamodbTableAutoscaling } from "../policies/dynamodb-table-autoscaling";
import { elasticacheAuthentication } from "../policies/elasticache-authentication";
import { elasticacheAutoMinorVersionUpgrade } from "../policies/elasticache-auto-minor-version-upgrade";
import { elasticacheCustomSubnetGroup } from "../policies/elasticache-custom-subnet-group";
import { elasticacheCustomerManagedKey } from "../policies/elasticache-customer-managed-key";
import { elasticacheEncryptedAtRest } from "../policies/elasticache-encrypted-at-rest";
import { elasticacheInTransitEncryption } from "../policies/elasticache-in-transit-encryption";
import { elasticacheMultiAzInProduction } from "../policies/elasticache-multi-az-in-production";
import { elasticacheSnapshotRetention } from "../policies/elasticache-snapshot-retention";
import { elasticacheUserPasswordRequired } from "../policies/elasticache-user-password-required";
import { keyspacesTableCustomerManagedKey } from "../policies/keyspaces-table-customer-managed-key";
import { neptuneAuditLogExport } from "../policies/neptune-audit-log-export";
import { neptuneAutoMinorVersionUpgrade } from "../policies/neptune-auto-minor-version-upgrade";
import { neptuneBackupRetention } from "../policies/neptune-backup-retention";
import { neptuneCopyTagsToSnapshot } from "../policies/neptune-copy-tags-to-snapshot";
import { neptuneCustomerManagedKey } from "../policies/neptune-customer-managed-key";
import { neptuneDeletionProtectionInProduction } from "../policies/neptune-deletion-protection-in-production";
import { neptuneIamAuthentication } from "../policies/neptune-iam-authentication";
import { neptuneInstanceNotPubliclyAccessible } from "../policies/neptune-instance-not-publicly-accessible";
import { neptuneMultiAzInProduction } from "../policies/neptune-multi-az-in-production";
import { neptuneStorageEncrypted } from "../policies/neptune-storage-encrypted";
import { qldbLedgerDeletionProtection } from "../policies/qldb-ledger-deletion-protection";
import { qldbLedgerStandardPermissions } from "../policies/qldb-ledger-standard-permissions";
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
import { redshiftAuditLogging } from "../policies/redshift-audit-logging";
import { redshiftClusterEncrypted } from "../policies/redshift-cluster-encrypted";
import { redshiftClusterMaintenance } from "../policies/redshift-cluster-maintenance";
import { redshiftCustomerManagedKey } from "../policies/redshift-customer-managed-key";
import { redshiftEnhancedVpcRouting } from "../policies/redshift-enhanced-vpc-routing";
import { redshiftInPrivateSubnets } from "../policies/redshift-in-private-subnets";
import { redshiftNonDefaultAdminUsername } from "../policies/redshift-non-default-admin-username";
import { redshiftNonDefaultDatabaseName } from "../policies/redshift-non-default-database-name";
import { redshiftNotPubliclyAccessible } from "../policies/redshift-not-publicly-accessible";
import { redshiftSnapshotRetention } from "../policies/redshift-snapshot-retention";
import { redshiftTlsRequired } from "../policies/redshift-tls-required";
import { timestreamDatabaseCustomerManagedKey } from "../policies/timestream-database-customer-managed-key";
import { timestreamInfluxdbNotPubliclyAccessible } from "../policies/timestream-influxdb-not-publicly-accessible";

/**
 * Databases (RDS and Aurora, DynamoDB, ElastiCache/MemoryDB, Redshift, Neptune, DocumentDB, DMS, Timestream, QLDB, Keyspaces, ...), in pack
 * order.
 */
export const dataPolicies: readonly PolicyDefinition[] = [
    databaseNonDefaultPort,
    daxClusterEncrypted,
    daxClusterTls,
    dmsAutoMinorVersionUpgrade,
    dmsCustomerManagedKey,
    dmsEndpointSsl,
    dmsReplicationInstanceNotPublic,
    docdbAuditLogging,
    docdbBackupRetention,
    docdbCustomerManagedKey,
    docdbDeletionProtectionInProduction,
    docdbManagedMasterPassword,
    docdbStorageEncrypted,
    docdbTlsEnabled,
    dynamodbCustomerManagedKey,
    dynamodbPointInTimeRecovery,
    dynamodbResourcePolicyNotPublic,
    dynamodbTableAutoscaling,
    elasticacheAuthentication,
    elasticacheAutoMinorVersionUpgrade,
    elasticacheCustomSubnetGroup,
    elasticacheCustomerManagedKey,
    elasticacheEncryptedAtRest,
    elasticacheInTransitEncryption,
    elasticacheMultiAzInProduction,
    elasticacheSnapshotRetention,
    elasticacheUserPasswordRequired,
    keyspacesTableCustomerManagedKey,
    neptuneAuditLogExport,
    neptuneAutoMinorVersionUpgrade,
    neptuneBackupRetention,
    neptuneCopyTagsToSnapshot,
    neptuneCustomerManagedKey,
    neptuneDeletionProtectionInProduction,
    neptuneIamAuthentication,
    neptuneInstanceNotPubliclyAccessible,
    neptuneMultiAzInProduction,
    neptuneStorageEncrypted,
    qldbLedgerDeletionProtection,
    qldbLedgerStandardPermissions,
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
    redshiftAuditLogging,
    redshiftClusterEncrypted,
    redshiftClusterMaintenance,
    redshiftCustomerManagedKey,
    redshiftEnhancedVpcRouting,
    redshiftInPrivateSubnets,
    redshiftNonDefaultAdminUsername,
    redshiftNonDefaultDatabaseName,
    redshiftNotPubliclyAccessible,
    redshiftSnapshotRetention,
    redshiftTlsRequired,
    timestreamDatabaseCustomerManagedKey,
    timestreamInfluxdbNotPubliclyAccessible,
];
