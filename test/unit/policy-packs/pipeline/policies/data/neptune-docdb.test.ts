import { docdbAuditLogging } from "../../../../../../policy-packs/pipeline/policies/docdb-audit-logging";
import { docdbBackupRetention } from "../../../../../../policy-packs/pipeline/policies/docdb-backup-retention";
import { docdbCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/docdb-customer-managed-key";
import { docdbDeletionProtectionInProduction } from "../../../../../../policy-packs/pipeline/policies/docdb-deletion-protection-in-production";
import { docdbManagedMasterPassword } from "../../../../../../policy-packs/pipeline/policies/docdb-managed-master-password";
import { docdbStorageEncrypted } from "../../../../../../policy-packs/pipeline/policies/docdb-storage-encrypted";
import { docdbTlsEnabled } from "../../../../../../policy-packs/pipeline/policies/docdb-tls-enabled";
import { neptuneAuditLogExport } from "../../../../../../policy-packs/pipeline/policies/neptune-audit-log-export";
import { neptuneAutoMinorVersionUpgrade } from "../../../../../../policy-packs/pipeline/policies/neptune-auto-minor-version-upgrade";
import { neptuneBackupRetention } from "../../../../../../policy-packs/pipeline/policies/neptune-backup-retention";
import { neptuneCopyTagsToSnapshot } from "../../../../../../policy-packs/pipeline/policies/neptune-copy-tags-to-snapshot";
import { neptuneCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/neptune-customer-managed-key";
import { neptuneDeletionProtectionInProduction } from "../../../../../../policy-packs/pipeline/policies/neptune-deletion-protection-in-production";
import { neptuneIamAuthentication } from "../../../../../../policy-packs/pipeline/policies/neptune-iam-authentication";
import { neptuneInstanceNotPubliclyAccessible } from "../../../../../../policy-packs/pipeline/policies/neptune-instance-not-publicly-accessible";
import { neptuneMultiAzInProduction } from "../../../../../../policy-packs/pipeline/policies/neptune-multi-az-in-production";
import { neptuneStorageEncrypted } from "../../../../../../policy-packs/pipeline/policies/neptune-storage-encrypted";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import { describePolicy } from "../../../support/policy-cases";
import { docdbEstate, neptuneEstate } from "./estates";
import { only, OTHER, patch, UNKNOWN } from "./records";

const others = () => [OTHER];
const DEV = { environment: "dev" };
const graph = (change: Record<string, unknown>) => patch(neptuneEstate, T.neptuneCluster, "graph", change);
const graphInstance = (change: Record<string, unknown>) => patch(neptuneEstate, T.neptuneClusterInstance, "graph-1", change);
const graphGlobal = (change: Record<string, unknown>) => patch(neptuneEstate, T.neptuneGlobalCluster, "graph-global", change);
const catalog = (change: Record<string, unknown>) => patch(docdbEstate, T.docdbCluster, "catalog", change);
const catalogParams = (parameters: unknown) => patch(docdbEstate, T.docdbClusterParameterGroup, "catalog-params", { parameters });

describe("Neptune policies", () => {
    describePolicy(neptuneStorageEncrypted, {
        compliant: neptuneEstate,
        nonCompliant: [
            {
                name: "a cluster on the unencrypted default",
                resources: graph({ storageEncrypted: undefined }),
                expect: /Neptune cluster `graph` must set `storageEncrypted: true`/,
            },
            {
                name: "an unencrypted global cluster",
                resources: graphGlobal({ storageEncrypted: false }),
                expect: /global cluster `graph-global`/,
            },
        ],
        notApplicable: [
            {
                name: "a global cluster built from a cluster",
                resources: only(graphGlobal({ storageEncrypted: undefined, sourceDbClusterIdentifier: "arn:c" }), T.neptuneGlobalCluster),
            },
            { name: "resources other than Neptune", resources: others },
        ],
        unknown: [{ name: "the flag is computed", resources: graph({ storageEncrypted: UNKNOWN }) }],
    });
    describePolicy(neptuneCustomerManagedKey, {
        compliant: neptuneEstate,
        nonCompliant: [
            {
                name: "no key",
                resources: graph({ kmsKeyArn: undefined }),
                expect: /`graph` must be encrypted with a customer managed KMS key \(`kmsKeyArn`\)/,
            },
        ],
        notApplicable: [{ name: "resources other than Neptune", resources: others }],
        unknown: [{ name: "the key is an output", resources: graph({ kmsKeyArn: UNKNOWN }) }],
    });
    describePolicy(neptuneIamAuthentication, {
        compliant: neptuneEstate,
        nonCompliant: [
            {
                name: "IAM authentication off",
                resources: graph({ iamDatabaseAuthenticationEnabled: false }),
                expect: /`graph` must set `iamDatabaseAuthenticationEnabled: true`/,
            },
        ],
        notApplicable: [{ name: "resources other than Neptune", resources: others }],
        unknown: [{ name: "the flag is computed", resources: graph({ iamDatabaseAuthenticationEnabled: UNKNOWN }) }],
    });
    describePolicy(neptuneBackupRetention, {
        compliant: neptuneEstate,
        nonCompliant: [
            {
                name: "the one-day default",
                resources: graph({ backupRetentionPeriod: undefined }),
                expect: /`graph` must set `backupRetentionPeriod` to at least 7 days \(it is 1\)/,
            },
        ],
        notApplicable: [{ name: "resources other than Neptune", resources: others }],
        unknown: [{ name: "the retention is computed", resources: graph({ backupRetentionPeriod: UNKNOWN }) }],
    });
    describePolicy(neptuneDeletionProtectionInProduction, {
        compliant: neptuneEstate,
        nonCompliant: [
            {
                name: "an unprotected production cluster",
                resources: graph({ deletionProtection: undefined }),
                expect: /`graph` must set `deletionProtection: true`/,
            },
            { name: "an unprotected global cluster", resources: graphGlobal({ deletionProtection: false }), expect: /`graph-global`/ },
        ],
        notApplicable: [
            {
                name: "an unprotected cluster in dev",
                resources: only(graph({ deletionProtection: false }), T.neptuneCluster),
                options: DEV,
            },
        ],
        unknown: [{ name: "the flag is computed", resources: graph({ deletionProtection: UNKNOWN }) }],
    });
    describePolicy(neptuneAuditLogExport, {
        compliant: neptuneEstate,
        nonCompliant: [
            {
                name: "no audit export",
                resources: graph({ enableCloudwatchLogsExports: ["slowquery"] }),
                expect: /`graph` must export its `audit` log/,
            },
        ],
        notApplicable: [{ name: "resources other than Neptune", resources: others }],
        unknown: [{ name: "the exports are computed", resources: graph({ enableCloudwatchLogsExports: UNKNOWN }) }],
    });
    describePolicy(neptuneCopyTagsToSnapshot, {
        compliant: neptuneEstate,
        nonCompliant: [
            {
                name: "tags not copied",
                resources: graph({ copyTagsToSnapshot: undefined }),
                expect: /`graph` must set `copyTagsToSnapshot: true`/,
            },
        ],
        notApplicable: [{ name: "resources other than Neptune", resources: others }],
        unknown: [{ name: "the flag is computed", resources: graph({ copyTagsToSnapshot: UNKNOWN }) }],
    });
    describePolicy(neptuneMultiAzInProduction, {
        compliant: neptuneEstate,
        nonCompliant: [
            {
                name: "no subnet group",
                resources: graph({ neptuneSubnetGroupName: undefined }),
                expect: /`graph` must set `neptuneSubnetGroupName`/,
            },
            {
                name: "one zone",
                resources: graph({ availabilityZones: ["eu-west-1a"] }),
                expect: /must not be pinned to one availability zone/,
            },
        ],
        notApplicable: [
            { name: "one zone in dev", resources: only(graph({ availabilityZones: ["eu-west-1a"] }), T.neptuneCluster), options: DEV },
        ],
        unknown: [{ name: "the subnet group is an output", resources: graph({ neptuneSubnetGroupName: UNKNOWN }) }],
    });
    describePolicy(neptuneAutoMinorVersionUpgrade, {
        compliant: neptuneEstate,
        nonCompliant: [
            {
                name: "upgrades off",
                resources: graphInstance({ autoMinorVersionUpgrade: false }),
                expect: /Neptune cluster instance `graph-1` must not set `autoMinorVersionUpgrade: false`/,
            },
        ],
        notApplicable: [{ name: "resources other than Neptune", resources: others }],
        unknown: [{ name: "the flag is computed", resources: graphInstance({ autoMinorVersionUpgrade: UNKNOWN }) }],
    });
    describePolicy(neptuneInstanceNotPubliclyAccessible, {
        compliant: neptuneEstate,
        nonCompliant: [
            {
                name: "a public instance",
                resources: graphInstance({ publiclyAccessible: true }),
                expect: /`graph-1` must not be publicly accessible/,
            },
        ],
        notApplicable: [{ name: "resources other than Neptune", resources: others }],
        unknown: [{ name: "the flag is computed", resources: graphInstance({ publiclyAccessible: UNKNOWN }) }],
    });
});

describe("DocumentDB policies", () => {
    describePolicy(docdbStorageEncrypted, {
        compliant: docdbEstate,
        nonCompliant: [
            {
                name: "a cluster on the unencrypted default",
                resources: catalog({ storageEncrypted: undefined }),
                expect: /DocumentDB cluster `catalog` must set `storageEncrypted: true`/,
            },
            {
                name: "an unencrypted global cluster",
                resources: patch(docdbEstate, T.docdbGlobalCluster, "catalog-global", { storageEncrypted: false }),
                expect: /global cluster `catalog-global`/,
            },
        ],
        notApplicable: [{ name: "resources other than DocumentDB", resources: others }],
        unknown: [{ name: "the flag is computed", resources: catalog({ storageEncrypted: UNKNOWN }) }],
    });
    describePolicy(docdbCustomerManagedKey, {
        compliant: docdbEstate,
        nonCompliant: [
            {
                name: "a cluster without a key",
                resources: catalog({ kmsKeyId: undefined }),
                expect: /`catalog` must be encrypted with a customer managed KMS key/,
            },
            {
                name: "an elastic cluster on the AWS managed key",
                resources: patch(docdbEstate, T.docdbElasticCluster, "search", { kmsKeyId: "alias/aws/docdb-elastic" }),
                expect: /elastic cluster `search`/,
            },
            {
                name: "Performance Insights without a key",
                resources: patch(docdbEstate, T.docdbClusterInstance, "catalog-1", { performanceInsightsKmsKeyId: undefined }),
                expect: /`catalog-1` .*`performanceInsightsKmsKeyId`/,
            },
        ],
        notApplicable: [
            {
                name: "an instance without Performance Insights",
                resources: only(
                    patch(docdbEstate, T.docdbClusterInstance, "catalog-1", { enablePerformanceInsights: false }),
                    T.docdbClusterInstance,
                ),
            },
            { name: "resources other than DocumentDB", resources: others },
        ],
        unknown: [{ name: "the key is an output", resources: catalog({ kmsKeyId: UNKNOWN }) }],
    });
    describePolicy(docdbTlsEnabled, {
        compliant: docdbEstate,
        nonCompliant: [
            {
                name: "TLS disabled",
                resources: catalogParams([{ name: "tls", value: "disabled" }]),
                expect: /DocumentDB cluster parameter group `catalog-params` must not turn TLS off/,
            },
        ],
        notApplicable: [{ name: "resources other than parameter groups", resources: others }],
        unknown: [{ name: "the parameters are computed", resources: catalogParams(UNKNOWN) }],
    });
    describePolicy(docdbAuditLogging, {
        compliant: docdbEstate,
        nonCompliant: [
            {
                name: "a cluster not exporting audit",
                resources: catalog({ enabledCloudwatchLogsExports: ["profiler"] }),
                expect: /`catalog` must export its `audit` log/,
            },
            {
                name: "a cluster on the default group",
                resources: catalog({ dbClusterParameterGroupName: "default.docdb5.0" }),
                expect: /`catalog` must use a cluster parameter group that turns `audit_logs` on/,
            },
            {
                name: "a group with audit_logs off",
                resources: catalogParams([{ name: "audit_logs", value: "disabled" }]),
                expect: /`catalog-params` must turn `audit_logs` on/,
            },
        ],
        notApplicable: [{ name: "resources other than DocumentDB", resources: others }],
        unknown: [{ name: "the exports are computed", resources: catalog({ enabledCloudwatchLogsExports: UNKNOWN }) }],
    });
    describePolicy(docdbBackupRetention, {
        compliant: docdbEstate,
        nonCompliant: [
            {
                name: "the one-day default",
                resources: catalog({ backupRetentionPeriod: undefined }),
                expect: /`catalog` must set `backupRetentionPeriod` to at least 7 days \(it is 1\)/,
            },
            {
                name: "an elastic cluster keeping a day",
                resources: patch(docdbEstate, T.docdbElasticCluster, "search", { backupRetentionPeriod: 1 }),
                expect: /`search`/,
            },
        ],
        notApplicable: [{ name: "resources other than DocumentDB", resources: others }],
        unknown: [{ name: "the retention is computed", resources: catalog({ backupRetentionPeriod: UNKNOWN }) }],
    });
    describePolicy(docdbManagedMasterPassword, {
        compliant: docdbEstate,
        nonCompliant: [
            {
                name: "a password in the program",
                resources: catalog({ manageMasterUserPassword: undefined, masterPassword: "x" }),
                expect: /`catalog` must let Secrets Manager keep and rotate the master password/,
            },
        ],
        notApplicable: [{ name: "resources other than DocumentDB", resources: others }],
        unknown: [{ name: "the flag is computed", resources: catalog({ manageMasterUserPassword: UNKNOWN }) }],
    });
    describePolicy(docdbDeletionProtectionInProduction, {
        compliant: docdbEstate,
        nonCompliant: [
            {
                name: "an unprotected production cluster",
                resources: catalog({ deletionProtection: false }),
                expect: /`catalog` must set `deletionProtection: true`/,
            },
        ],
        notApplicable: [
            {
                name: "an unprotected cluster in dev",
                resources: only(catalog({ deletionProtection: false }), T.docdbCluster),
                options: DEV,
            },
        ],
        unknown: [{ name: "the flag is computed", resources: catalog({ deletionProtection: UNKNOWN }) }],
    });
});
