import { dmsAutoMinorVersionUpgrade } from "../../../../../../policy-packs/pipeline/policies/dms-auto-minor-version-upgrade";
import { dmsCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/dms-customer-managed-key";
import { dmsEndpointSsl } from "../../../../../../policy-packs/pipeline/policies/dms-endpoint-ssl";
import { dmsReplicationInstanceNotPublic } from "../../../../../../policy-packs/pipeline/policies/dms-replication-instance-not-public";
import { keyspacesTableCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/keyspaces-table-customer-managed-key";
import { qldbLedgerDeletionProtection } from "../../../../../../policy-packs/pipeline/policies/qldb-ledger-deletion-protection";
import { qldbLedgerStandardPermissions } from "../../../../../../policy-packs/pipeline/policies/qldb-ledger-standard-permissions";
import { timestreamDatabaseCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/timestream-database-customer-managed-key";
import { timestreamInfluxdbNotPubliclyAccessible } from "../../../../../../policy-packs/pipeline/policies/timestream-influxdb-not-publicly-accessible";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import { describePolicy } from "../../../support/policy-cases";
import { dmsEstate, ledgerEstate } from "./estates";
import { only, OTHER, patch, UNKNOWN } from "./records";

const others = () => [OTHER];
const instance = (change: Record<string, unknown>) => patch(dmsEstate, T.dmsReplicationInstance, "migration", change);
const endpoint = (change: Record<string, unknown>) => patch(dmsEstate, T.dmsEndpoint, "legacy", change);

describe("DMS policies", () => {
    describePolicy(dmsReplicationInstanceNotPublic, {
        compliant: dmsEstate,
        nonCompliant: [
            {
                name: "a public instance",
                resources: instance({ publiclyAccessible: true }),
                expect: /DMS replication instance `migration` must set `publiclyAccessible: false`/,
            },
            {
                name: "an instance on the public default",
                resources: instance({ publiclyAccessible: undefined }),
                expect: /DMS makes instances public by default/,
            },
        ],
        notApplicable: [{ name: "resources other than DMS", resources: others }],
        unknown: [{ name: "the flag is computed", resources: instance({ publiclyAccessible: UNKNOWN }) }],
    });
    describePolicy(dmsCustomerManagedKey, {
        compliant: dmsEstate,
        nonCompliant: [
            {
                name: "an instance without a key",
                resources: instance({ kmsKeyArn: undefined }),
                expect: /`migration` must be encrypted with a customer managed KMS key/,
            },
            { name: "an endpoint without a key", resources: endpoint({ kmsKeyArn: undefined }), expect: /DMS endpoint `legacy`/ },
            {
                name: "an S3 endpoint without a key",
                resources: patch(dmsEstate, T.dmsS3Endpoint, "lake", { kmsKeyArn: undefined }),
                expect: /DMS S3 endpoint `lake`/,
            },
        ],
        notApplicable: [
            {
                name: "an s3 engine on the generic endpoint",
                resources: only(endpoint({ engineName: "s3", kmsKeyArn: undefined }), T.dmsEndpoint),
            },
            { name: "resources other than DMS", resources: others },
        ],
        unknown: [{ name: "the key is an output", resources: instance({ kmsKeyArn: UNKNOWN }) }],
    });
    describePolicy(dmsEndpointSsl, {
        compliant: dmsEstate,
        nonCompliant: [
            {
                name: "a source without TLS",
                resources: endpoint({ sslMode: "none" }),
                expect: /DMS endpoint `legacy` must connect with TLS .* it is `none`/,
            },
            {
                name: "a target on the plaintext default",
                resources: endpoint({ endpointType: "target", engineName: "mysql", sslMode: undefined }),
                expect: /`legacy`/,
            },
        ],
        notApplicable: [
            {
                name: "a DynamoDB target",
                resources: only(endpoint({ endpointType: "target", engineName: "dynamodb", sslMode: undefined }), T.dmsEndpoint),
            },
            { name: "resources other than endpoints", resources: others },
        ],
        unknown: [{ name: "the mode is computed", resources: endpoint({ sslMode: UNKNOWN }) }],
    });
    describePolicy(dmsAutoMinorVersionUpgrade, {
        compliant: dmsEstate,
        nonCompliant: [
            {
                name: "upgrades not asked for",
                resources: instance({ autoMinorVersionUpgrade: undefined }),
                expect: /`migration` must set `autoMinorVersionUpgrade: true`/,
            },
        ],
        notApplicable: [{ name: "resources other than DMS", resources: others }],
        unknown: [{ name: "the flag is computed", resources: instance({ autoMinorVersionUpgrade: UNKNOWN }) }],
    });
});

describe("Timestream, QLDB and Keyspaces policies", () => {
    describePolicy(timestreamDatabaseCustomerManagedKey, {
        compliant: ledgerEstate,
        nonCompliant: [
            {
                name: "the AWS managed key",
                resources: patch(ledgerEstate, T.timestreamDatabase, "metrics", { kmsKeyId: undefined }),
                expect: /Timestream database `metrics` must be encrypted with a customer managed KMS key/,
            },
        ],
        notApplicable: [{ name: "resources other than Timestream", resources: others }],
        unknown: [{ name: "the key is an output", resources: patch(ledgerEstate, T.timestreamDatabase, "metrics", { kmsKeyId: UNKNOWN }) }],
    });
    describePolicy(timestreamInfluxdbNotPubliclyAccessible, {
        compliant: ledgerEstate,
        nonCompliant: [
            {
                name: "a public instance",
                resources: patch(ledgerEstate, T.timestreamInfluxDbInstance, "influx", { publiclyAccessible: true }),
                expect: /Timestream for InfluxDB instance `influx` must not be publicly accessible/,
            },
        ],
        notApplicable: [{ name: "resources other than InfluxDB", resources: others }],
        unknown: [
            {
                name: "the flag is computed",
                resources: patch(ledgerEstate, T.timestreamInfluxDbInstance, "influx", { publiclyAccessible: UNKNOWN }),
            },
        ],
    });
    describePolicy(qldbLedgerDeletionProtection, {
        compliant: ledgerEstate,
        nonCompliant: [
            {
                name: "protection off",
                resources: patch(ledgerEstate, T.qldbLedger, "audit", { deletionProtection: false }),
                expect: /QLDB ledger `audit` must not set `deletionProtection: false`/,
            },
        ],
        notApplicable: [{ name: "resources other than ledgers", resources: others }],
        unknown: [{ name: "the flag is computed", resources: patch(ledgerEstate, T.qldbLedger, "audit", { deletionProtection: UNKNOWN }) }],
    });
    describePolicy(qldbLedgerStandardPermissions, {
        compliant: ledgerEstate,
        nonCompliant: [
            {
                name: "ALLOW_ALL",
                resources: patch(ledgerEstate, T.qldbLedger, "audit", { permissionsMode: "ALLOW_ALL" }),
                expect: /`audit` must use `permissionsMode: "STANDARD"`/,
            },
        ],
        notApplicable: [{ name: "resources other than ledgers", resources: others }],
        unknown: [{ name: "the mode is computed", resources: patch(ledgerEstate, T.qldbLedger, "audit", { permissionsMode: UNKNOWN }) }],
    });
    describePolicy(keyspacesTableCustomerManagedKey, {
        compliant: ledgerEstate,
        nonCompliant: [
            {
                name: "the AWS owned key",
                resources: patch(ledgerEstate, T.keyspacesTable, "events", { encryptionSpecification: { type: "AWS_OWNED_KMS_KEY" } }),
                expect: /Keyspaces table `events` must be encrypted with a customer managed KMS key/,
            },
            {
                name: "no specification",
                resources: patch(ledgerEstate, T.keyspacesTable, "events", { encryptionSpecification: undefined }),
                expect: /`events`/,
            },
        ],
        notApplicable: [{ name: "resources other than Keyspaces", resources: others }],
        unknown: [
            {
                name: "the key is an output",
                resources: patch(ledgerEstate, T.keyspacesTable, "events", { encryptionSpecification: UNKNOWN }),
            },
        ],
    });
});
