import * as assert from "assert";
import { databaseNonDefaultPort } from "../../../../../../policy-packs/pipeline/policies/database-non-default-port";
import { rdsAuroraMysqlBacktrack } from "../../../../../../policy-packs/pipeline/policies/rds-aurora-mysql-backtrack";
import { rdsAutoMinorVersionUpgrade } from "../../../../../../policy-packs/pipeline/policies/rds-auto-minor-version-upgrade";
import { rdsBackupsEnabled } from "../../../../../../policy-packs/pipeline/policies/rds-backups-enabled";
import { rdsCaCertificateCurrent } from "../../../../../../policy-packs/pipeline/policies/rds-ca-certificate-current";
import { rdsClusterBackupPlan } from "../../../../../../policy-packs/pipeline/policies/rds-cluster-backup-plan";
import { rdsCopyTagsToSnapshot } from "../../../../../../policy-packs/pipeline/policies/rds-copy-tags-to-snapshot";
import { rdsCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/rds-customer-managed-key";
import { rdsDeletionProtectionInProduction } from "../../../../../../policy-packs/pipeline/policies/rds-deletion-protection-in-production";
import { rdsEngineVersionPatched, versionProblem } from "../../../../../../policy-packs/pipeline/policies/rds-engine-version-patched";
import { rdsIamAuthentication } from "../../../../../../policy-packs/pipeline/policies/rds-iam-authentication";
import { rdsInstanceMonitoring } from "../../../../../../policy-packs/pipeline/policies/rds-instance-monitoring";
import { rdsLogExports } from "../../../../../../policy-packs/pipeline/policies/rds-log-exports";
import { rdsMultiAzInProduction } from "../../../../../../policy-packs/pipeline/policies/rds-multi-az-in-production";
import { rdsNotPubliclyAccessible } from "../../../../../../policy-packs/pipeline/policies/rds-not-publicly-accessible";
import { rdsPostgresQueryLogging } from "../../../../../../policy-packs/pipeline/policies/rds-postgres-query-logging";
import { rdsProxyTlsRequired } from "../../../../../../policy-packs/pipeline/policies/rds-proxy-tls-required";
import { rdsSnapshotNotPublic } from "../../../../../../policy-packs/pipeline/policies/rds-snapshot-not-public";
import { rdsStorageEncrypted } from "../../../../../../policy-packs/pipeline/policies/rds-storage-encrypted";
import { rdsTlsEnforced } from "../../../../../../policy-packs/pipeline/policies/rds-tls-enforced";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import { describePolicy } from "../../../support/policy-cases";
import { rdsEstate } from "./rds-estate";
import { only, OTHER, patch, res, UNKNOWN, without } from "./records";

const others = () => [OTHER];
const db = (change: Record<string, unknown>) => patch(rdsEstate, T.rdsInstance, "orders", change);
const cluster = (change: Record<string, unknown>) => patch(rdsEstate, T.rdsCluster, "ledger", change);
const member = (change: Record<string, unknown>) => patch(rdsEstate, T.rdsClusterInstance, "ledger-1", change);
const DEV = { environment: "dev" };
const backupPlan = { ...rdsClusterBackupPlan, enforcementLevel: "advisory" as const };

describe("RDS policies", () => {
    describePolicy(rdsStorageEncrypted, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "an unencrypted instance",
                resources: db({ storageEncrypted: false }),
                expect: /RDS instance `orders` must set `storageEncrypted: true`/,
            },
            {
                name: "a cluster without the setting",
                resources: cluster({ storageEncrypted: undefined }),
                expect: /RDS cluster `ledger` must set/,
            },
            {
                name: "an unencrypted global cluster",
                resources: patch(rdsEstate, T.rdsGlobalCluster, "ledger-global", { storageEncrypted: false }),
                expect: /RDS global cluster `ledger-global`/,
            },
        ],
        notApplicable: [
            { name: "resources other than databases", resources: others },
            {
                name: "a global cluster built from an existing cluster",
                resources: only(
                    patch(rdsEstate, T.rdsGlobalCluster, "ledger-global", {
                        storageEncrypted: undefined,
                        sourceDbClusterIdentifier: "arn:c",
                    }),
                    T.rdsGlobalCluster,
                ),
            },
        ],
        unknown: [{ name: "the encryption flag is an output", resources: db({ storageEncrypted: UNKNOWN }) }],
    });

    describePolicy(rdsCustomerManagedKey, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "an instance without a key",
                resources: db({ kmsKeyId: undefined }),
                expect: /RDS instance `orders` must be encrypted with a customer managed KMS key \(`kmsKeyId`\)/,
            },
            {
                name: "a cluster on the AWS managed key",
                resources: cluster({ kmsKeyId: "alias/aws/rds" }),
                expect: /RDS cluster `ledger` must be encrypted/,
            },
            {
                name: "Performance Insights without a key",
                resources: member({ performanceInsightsKmsKeyId: undefined }),
                expect: /`ledger-1` must be encrypted with a customer managed KMS key \(`performanceInsightsKmsKeyId`\)/,
            },
            {
                name: "a snapshot copy without a key",
                resources: patch(rdsEstate, T.rdsSnapshotCopy, "orders-copy", { kmsKeyId: undefined }),
                expect: /RDS snapshot copy `orders-copy`/,
            },
            {
                name: "replicated backups on the AWS managed key's ARN alias",
                resources: patch(rdsEstate, T.rdsBackupsReplication, "orders-dr", {
                    kmsKeyId: "arn:aws:kms:eu-west-1:111111111111:alias/aws/rds",
                }),
                expect: /automated backups replication `orders-dr`/,
            },
        ],
        notApplicable: [
            { name: "resources other than RDS", resources: others },
            {
                name: "Performance Insights turned off (no key needed)",
                resources: only(
                    member({ performanceInsightsEnabled: false, performanceInsightsKmsKeyId: undefined }),
                    T.rdsClusterInstance,
                ),
            },
        ],
        unknown: [{ name: "the key is created in the same program", resources: db({ kmsKeyId: UNKNOWN }) }],
    });

    describePolicy(rdsSnapshotNotPublic, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "a snapshot shared with all accounts",
                resources: patch(rdsEstate, T.rdsSnapshot, "orders-snap", { sharedAccounts: ["all"] }),
                expect: /RDS snapshot `orders-snap` must not be shared with all AWS accounts/,
            },
            {
                name: "a public snapshot copy",
                resources: patch(rdsEstate, T.rdsSnapshotCopy, "orders-copy", { sharedAccounts: ["222222222222", "all"] }),
                expect: /snapshot copy `orders-copy`/,
            },
        ],
        notApplicable: [{ name: "resources other than snapshots", resources: others }],
        unknown: [
            {
                name: "the shared accounts are an output",
                resources: patch(rdsEstate, T.rdsSnapshot, "orders-snap", { sharedAccounts: UNKNOWN }),
            },
        ],
    });

    describePolicy(rdsDeletionProtectionInProduction, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "an unprotected production instance",
                resources: db({ deletionProtection: false }),
                expect: /RDS instance `orders` must set `deletionProtection: true`/,
            },
            {
                name: "a production cluster without the setting",
                resources: cluster({ deletionProtection: undefined }),
                expect: /RDS cluster `ledger`/,
            },
            {
                name: "an unprotected global cluster",
                resources: patch(rdsEstate, T.rdsGlobalCluster, "ledger-global", { deletionProtection: false }),
                expect: /global cluster `ledger-global`/,
            },
        ],
        notApplicable: [
            { name: "an unprotected database in dev", resources: only(db({ deletionProtection: false }), T.rdsInstance), options: DEV },
            { name: "resources other than databases", resources: others },
        ],
        unknown: [{ name: "the flag is an output", resources: db({ deletionProtection: UNKNOWN }) }],
    });

    describePolicy(rdsIamAuthentication, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "a PostgreSQL instance without IAM authentication",
                resources: db({ iamDatabaseAuthenticationEnabled: false }),
                expect: /RDS instance `orders` must set `iamDatabaseAuthenticationEnabled: true`/,
            },
            {
                name: "an Aurora cluster without it",
                resources: cluster({ iamDatabaseAuthenticationEnabled: undefined }),
                expect: /RDS cluster `ledger`/,
            },
            {
                name: "a MySQL instance without it",
                resources: db({ engine: "mysql", iamDatabaseAuthenticationEnabled: undefined }),
                expect: /`orders`/,
            },
        ],
        notApplicable: [
            {
                name: "an Oracle instance (no IAM authentication)",
                resources: only(db({ engine: "oracle-ee", iamDatabaseAuthenticationEnabled: undefined }), T.rdsInstance),
            },
            { name: "resources other than databases", resources: others },
        ],
        unknown: [
            { name: "the flag is an output", resources: db({ iamDatabaseAuthenticationEnabled: UNKNOWN }) },
            { name: "the engine is an output", resources: db({ engine: UNKNOWN }) },
        ],
    });

    describePolicy(rdsLogExports, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "a PostgreSQL instance exporting nothing",
                resources: db({ enabledCloudwatchLogsExports: undefined }),
                expect: /`orders` must export its `postgresql`, `upgrade` logs/,
            },
            {
                name: "an instance without upgrade logs",
                resources: db({ enabledCloudwatchLogsExports: ["postgresql"] }),
                expect: /must export its `upgrade` logs/,
            },
            {
                name: "an Aurora MySQL cluster without audit logs",
                resources: cluster({ engine: "aurora-mysql", enabledCloudwatchLogsExports: ["error", "general", "slowquery"] }),
                expect: /RDS cluster `ledger` must export its `audit` logs/,
            },
            {
                name: "a SQL Server instance without agent logs",
                resources: db({ engine: "sqlserver-se", enabledCloudwatchLogsExports: ["error"] }),
                expect: /`agent`/,
            },
        ],
        notApplicable: [
            {
                name: "an engine without known log types",
                resources: only(db({ engine: "custom-thing", enabledCloudwatchLogsExports: undefined }), T.rdsInstance),
            },
            { name: "resources other than databases", resources: others },
        ],
        unknown: [{ name: "the exports are computed", resources: db({ enabledCloudwatchLogsExports: UNKNOWN }) }],
    });

    describePolicy(rdsAutoMinorVersionUpgrade, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "an instance with upgrades off",
                resources: db({ autoMinorVersionUpgrade: false }),
                expect: /RDS instance `orders` must not set `autoMinorVersionUpgrade: false`/,
            },
            {
                name: "a cluster member with upgrades off",
                resources: member({ autoMinorVersionUpgrade: false }),
                expect: /cluster instance `ledger-1`/,
            },
        ],
        notApplicable: [{ name: "resources other than databases", resources: others }],
        unknown: [{ name: "the flag is an output", resources: member({ autoMinorVersionUpgrade: UNKNOWN }) }],
    });

    describePolicy(rdsCopyTagsToSnapshot, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "an instance that does not copy tags",
                resources: db({ copyTagsToSnapshot: undefined }),
                expect: /RDS instance `orders` must set `copyTagsToSnapshot: true`/,
            },
            { name: "a cluster that does not", resources: cluster({ copyTagsToSnapshot: false }), expect: /RDS cluster `ledger`/ },
        ],
        notApplicable: [
            {
                name: "an Aurora instance (its cluster decides)",
                resources: only(db({ engine: "aurora-postgresql", copyTagsToSnapshot: undefined }), T.rdsInstance),
            },
            { name: "resources other than databases", resources: others },
        ],
        unknown: [{ name: "the flag is an output", resources: cluster({ copyTagsToSnapshot: UNKNOWN }) }],
    });

    describePolicy(rdsInstanceMonitoring, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "Enhanced Monitoring off",
                resources: db({ monitoringInterval: 0 }),
                expect: /RDS instance `orders` must turn on Enhanced Monitoring .* it is 0/,
            },
            {
                name: "an interval longer than allowed",
                resources: member({ monitoringInterval: 60 }),
                expect: /between 1 and 30 seconds/,
                options: { config: { "rds-instance-monitoring": { maxMonitoringIntervalSeconds: 30 } } },
            },
            {
                name: "Performance Insights off",
                resources: member({ performanceInsightsEnabled: undefined }),
                expect: /`ledger-1` must set `performanceInsightsEnabled: true`/,
            },
        ],
        notApplicable: [{ name: "resources other than instances", resources: others }],
        unknown: [{ name: "the interval is an output", resources: db({ monitoringInterval: UNKNOWN }) }],
    });
    it("rds-instance-monitoring does not ask for Performance Insights where RDS cannot give it", async () => {
        const { runOne } = await import("../../../support/policy-cases");
        const small = db({ engine: "mysql", instanceClass: "db.t3.micro", performanceInsightsEnabled: undefined });
        const result = await runOne(rdsInstanceMonitoring, only(small, T.rdsInstance)());
        assert.deepStrictEqual(result.diagnostics, []);
    });

    // Off by default (an opt-in): judged here as a team that turns it on.
    describePolicy(
        { ...databaseNonDefaultPort, enforcementLevel: "advisory" },
        {
            compliant: rdsEstate,
            nonCompliant: [
                {
                    name: "the PostgreSQL default port",
                    resources: db({ port: 5432 }),
                    expect: /RDS instance `orders` must not listen on the engine's default port 5432/,
                },
                {
                    name: "an unset port",
                    resources: cluster({ port: undefined }),
                    expect: /RDS cluster `ledger` must set `port` .*\(5432\)/,
                },
                { name: "the MySQL default port", resources: db({ engine: "mysql", port: 3306 }), expect: /default port 3306/ },
            ],
            notApplicable: [{ name: "resources other than databases", resources: others }],
            unknown: [{ name: "the port is an output", resources: db({ port: UNKNOWN }) }],
        },
    );

    describePolicy(rdsTlsEnforced, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "a parameter group without rds.force_ssl",
                resources: patch(rdsEstate, T.rdsParameterGroup, "orders-params", {
                    parameters: [{ name: "log_connections", value: "1" }],
                }),
                expect: /RDS instance `orders` must use a parameter group with `rds.force_ssl` set to 1 \(group `orders-params` does not set it\)/,
            },
            {
                name: "a PostgreSQL 14 instance on the default group",
                resources: without(db({ engineVersion: "14.10", parameterGroupName: undefined }), T.rdsParameterGroup),
                expect: /it uses the engine's default group/,
            },
            {
                name: "a MySQL instance on the default group",
                resources: without(
                    db({ engine: "mysql", engineVersion: "8.0", parameterGroupName: "default.mysql8.0" }),
                    T.rdsParameterGroup,
                ),
                expect: /`require_secure_transport` set to 1/,
            },
            {
                name: "a cluster parameter group with force_ssl 0",
                resources: patch(rdsEstate, T.rdsClusterParameterGroup, "ledger-params", {
                    parameters: [{ name: "rds.force_ssl", value: "0" }],
                }),
                expect: /RDS cluster `ledger` must use a parameter group/,
            },
            {
                name: "a group declared in another stack",
                resources: without(db({ parameterGroupName: "shared-pg16" }), T.rdsParameterGroup),
                expect: /declared in this stack .*`shared-pg16` cannot be checked/,
            },
        ],
        notApplicable: [
            { name: "stacks without RDS databases", resources: others },
            { name: "Oracle, whose TLS is an option", resources: only(db({ engine: "oracle-ee" }), T.rdsInstance) },
        ],
        unknown: [{ name: "the engine is an output", resources: db({ engine: UNKNOWN }) }],
    });
    it("rds-tls-enforced accepts PostgreSQL 15 and later on the default group, which forces TLS", async () => {
        const { runOne } = await import("../../../support/policy-cases");
        const result = await runOne(rdsTlsEnforced, only(db({ parameterGroupName: undefined }), T.rdsInstance)());
        assert.deepStrictEqual(result.diagnostics, []);
    });

    describePolicy(rdsAuroraMysqlBacktrack, {
        compliant: cluster({ engine: "aurora-mysql", backtrackWindow: 86400 }),
        nonCompliant: [
            {
                name: "no backtrack window",
                resources: cluster({ engine: "aurora-mysql" }),
                expect: /RDS cluster `ledger` must set `backtrackWindow` to at least 86400 seconds \(it is 0\)/,
            },
            { name: "a short window", resources: cluster({ engine: "aurora", backtrackWindow: 600 }), expect: /it is 600/ },
        ],
        notApplicable: [
            { name: "Aurora PostgreSQL", resources: only(rdsEstate, T.rdsCluster) },
            { name: "resources other than clusters", resources: others },
        ],
        unknown: [{ name: "the window is an output", resources: cluster({ engine: "aurora-mysql", backtrackWindow: UNKNOWN }) }],
    });

    describePolicy(rdsCaCertificateCurrent, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "the expired 2019 CA",
                resources: db({ caCertIdentifier: "rds-ca-2019" }),
                expect: /RDS instance `orders` must use a current certificate authority \(`caCertIdentifier` is `rds-ca-2019`/,
            },
            {
                name: "a cluster pinned to an old CA",
                resources: cluster({ caCertificateIdentifier: "rds-ca-2015" }),
                expect: /`caCertificateIdentifier`/,
            },
        ],
        notApplicable: [{ name: "resources other than databases", resources: others }],
        unknown: [{ name: "the CA is an output", resources: member({ caCertIdentifier: UNKNOWN }) }],
    });

    describePolicy(rdsEngineVersionPatched, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "PostgreSQL 13.2",
                resources: db({ engineVersion: "13.2" }),
                expect: /RDS instance `orders` must run a patched postgres version \(`engineVersion` 13.2 is below 13.3\)/,
            },
            { name: "PostgreSQL 9.5", resources: db({ engineVersion: "9.5.25" }), expect: /older than every supported line/ },
            {
                name: "Aurora PostgreSQL 11.8",
                resources: cluster({ engineVersion: "11.8" }),
                expect: /RDS cluster `ledger` .* 11.8 is below 11.9/,
            },
        ],
        notApplicable: [
            {
                name: "engines without configured minimums",
                resources: only(db({ engine: "mysql", engineVersion: "5.7.12" }), T.rdsInstance),
            },
            { name: "resources other than databases", resources: others },
        ],
        unknown: [{ name: "the version is an output", resources: db({ engineVersion: UNKNOWN }) }],
    });
    it("rds-engine-version-patched reads versions by major line", () => {
        const fixed = ["9.6.22", "10.17", "11.12", "12.7", "13.3"];
        assert.strictEqual(versionProblem("13", fixed), undefined, "a bare major takes the latest minor");
        assert.strictEqual(versionProblem("9.6", fixed), undefined);
        assert.strictEqual(versionProblem("16.4", fixed), undefined);
        assert.strictEqual(versionProblem("12.7", fixed), undefined);
        assert.match(versionProblem("12.6", fixed) ?? "", /below 12.7/);
        assert.match(versionProblem("9.6.21", fixed) ?? "", /below 9.6.22/);
    });

    describePolicy(rdsPostgresQueryLogging, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "a group that logs no statements",
                resources: patch(rdsEstate, T.rdsParameterGroup, "orders-params", { parameters: [{ name: "rds.force_ssl", value: "1" }] }),
                expect: /RDS instance `orders` must use a parameter group that sets `log_statement`/,
            },
            {
                name: "a cluster group with log_statement none",
                resources: patch(rdsEstate, T.rdsClusterParameterGroup, "ledger-params", {
                    parameters: [
                        { name: "log_statement", value: "none" },
                        { name: "log_min_duration_statement", value: "1000" },
                    ],
                }),
                expect: /RDS cluster `ledger`/,
            },
            {
                name: "the default group",
                resources: without(db({ parameterGroupName: undefined }), T.rdsParameterGroup),
                expect: /the default group logs neither/,
            },
        ],
        notApplicable: [
            { name: "stacks without PostgreSQL", resources: only(db({ engine: "mysql" }), T.rdsInstance) },
            { name: "other resources", resources: others },
        ],
        unknown: [{ name: "the engine is an output", resources: db({ engine: UNKNOWN }) }],
    });

    // Off by default (an opt-in): judged here as a team that turns it on.
    describePolicy(backupPlan, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "a cluster no selection takes",
                resources: without(rdsEstate, T.backupSelection),
                expect: /RDS cluster `ledger` must be selected by an AWS Backup plan/,
            },
            { name: "a selection by a tag the cluster lacks", resources: cluster({ tags: { backup: "never" } }), expect: /`ledger`/ },
        ],
        notApplicable: [{ name: "stacks without clusters", resources: only(rdsEstate, T.rdsInstance) }],
    });
    it("rds-cluster-backup-plan accepts a selection that lists the cluster or every RDS ARN", async () => {
        const { runOne } = await import("../../../support/policy-cases");
        const estate = without(cluster({ tags: {} }), T.backupSelection)();
        const ledger = estate.find((r) => r.name === "ledger")!;
        for (const selection of [
            res(T.backupSelection, "by-arn", { planId: "p", iamRoleArn: "r", resources: [UNKNOWN] }, { resources: ledger }),
            res(T.backupSelection, "all-rds", { planId: "p", iamRoleArn: "r", resources: ["arn:aws:rds:*:*:cluster:*"] }),
        ]) {
            const result = await runOne(backupPlan, [...estate, selection]);
            assert.deepStrictEqual(result.diagnostics, [], selection.name);
        }
    });

    describePolicy(rdsProxyTlsRequired, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "a proxy that accepts plaintext",
                resources: patch(rdsEstate, T.rdsProxy, "orders-proxy", { requireTls: undefined }),
                expect: /RDS proxy `orders-proxy` must set `requireTls: true`/,
            },
        ],
        notApplicable: [{ name: "resources other than proxies", resources: others }],
        unknown: [{ name: "the flag is an output", resources: patch(rdsEstate, T.rdsProxy, "orders-proxy", { requireTls: UNKNOWN }) }],
    });

    // The core RDS policies, over the same estate.
    describePolicy(rdsNotPubliclyAccessible, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "a public cluster member",
                resources: member({ publiclyAccessible: true }),
                expect: /`ledger-1` must not be publicly accessible/,
            },
        ],
        notApplicable: [{ name: "resources other than databases", resources: others }],
        unknown: [{ name: "the flag is an output", resources: db({ publiclyAccessible: UNKNOWN }) }],
    });
    describePolicy(rdsBackupsEnabled, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "a cluster on the one-day default",
                resources: cluster({ backupRetentionPeriod: undefined }),
                expect: /`ledger` must keep backups for at least 7 days \(`backupRetentionPeriod` is 1\)/,
            },
        ],
        notApplicable: [{ name: "resources other than databases", resources: others }],
        unknown: [{ name: "the retention is an output", resources: db({ backupRetentionPeriod: UNKNOWN }) }],
    });
    describePolicy(rdsMultiAzInProduction, {
        compliant: rdsEstate,
        nonCompliant: [
            {
                name: "a production cluster pinned to one zone",
                resources: cluster({ availabilityZones: ["eu-west-1a"] }),
                expect: /RDS cluster `ledger` must not be pinned to one availability zone/,
            },
        ],
        notApplicable: [
            {
                name: "an Aurora instance (placed by its cluster)",
                resources: only(db({ engine: "aurora-postgresql", multiAz: undefined }), T.rdsInstance),
            },
            {
                name: "a single-zone cluster in dev",
                resources: only(cluster({ availabilityZones: ["eu-west-1a"] }), T.rdsCluster),
                options: DEV,
            },
        ],
        unknown: [{ name: "the flag is an output", resources: db({ multiAz: UNKNOWN }) }],
    });
});
