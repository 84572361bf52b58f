// Slow suite: the data area's policies in the real engine (`pulumi policy analyze --file`), whose
// verdicts must equal the in-process harness's, on compliant and broken records of every service.
import * as assert from "assert";
import { buildPackConfig } from "../../../policy-packs/lib/config";
import type { ResourceRecord } from "../../../policy-packs/lib/resources";
import { dataPolicies } from "../../../policy-packs/pipeline/areas/data";
import { pipelinePolicies } from "../../../policy-packs/pipeline/policy-list";
import { T } from "../../../policy-packs/pipeline/support/types";
import { ESTATE_CONFIG } from "../../fixtures/policy/estate";
import {
    cacheEstate,
    dmsEstate,
    docdbEstate,
    dynamoEstate,
    ledgerEstate,
    neptuneEstate,
    redshiftEstate,
} from "../../unit/policy-packs/pipeline/policies/data/estates";
import { rdsEstate } from "../../unit/policy-packs/pipeline/policies/data/rds-estate";
import { engineVerdicts, harnessVerdicts, type Verdict } from "./verdicts";

const DATA_IDS = new Set(
    dataPolicies.map((p) => p.id).concat(["rds-storage-encrypted", "rds-not-publicly-accessible", "dynamodb-table-kms-encrypted"]),
);

/** Every service's compliant records in one stack. */
function compliant(): ResourceRecord[] {
    return [rdsEstate, dynamoEstate, cacheEstate, redshiftEstate, neptuneEstate, docdbEstate, dmsEstate, ledgerEstate].flatMap((e) => e());
}

function change(records: ResourceRecord[], type: string, name: string, patch: Record<string, unknown>): ResourceRecord[] {
    let found = false;
    const out = records.map((r) => {
        if (r.type !== type || r.name !== name) return r;
        found = true;
        const props: Record<string, unknown> = { ...r.props, ...patch };
        for (const [k, v] of Object.entries(patch)) if (v === undefined) delete props[k];
        return { ...r, props };
    });
    assert.ok(found, `${type} ${name}`);
    return out;
}

/** One or two failures per service: resource policies and stack policies (parameter groups, logging resources). */
function broken(): ResourceRecord[] {
    let e = compliant();
    e = change(e, T.rdsInstance, "orders", { storageEncrypted: false, iamDatabaseAuthenticationEnabled: false });
    e = change(e, T.rdsParameterGroup, "orders-params", {
        parameters: [
            { name: "log_statement", value: "ddl" },
            { name: "log_min_duration_statement", value: "1000" },
        ],
    });
    e = change(e, T.rdsSnapshot, "orders-snap", { sharedAccounts: ["all"] });
    e = change(e, T.dynamoTable, "orders", { pointInTimeRecovery: { enabled: false } });
    e = change(e, T.daxCluster, "orders-cache", { clusterEndpointEncryptionType: "NONE" });
    e = change(e, T.elasticacheReplicationGroup, "sessions", { transitEncryptionEnabled: false, authToken: undefined });
    e = change(e, T.memorydbCluster, "ledger", { aclName: "open-access" });
    e = change(e, T.redshiftCluster, "warehouse", { publiclyAccessible: true });
    e = e.filter((r) => r.type !== T.redshiftLogging);
    e = change(e, T.neptuneCluster, "graph", { storageEncrypted: false });
    e = change(e, T.docdbClusterParameterGroup, "catalog-params", {
        parameters: [
            { name: "tls", value: "disabled" },
            { name: "audit_logs", value: "ddl" },
        ],
    });
    e = change(e, T.dmsReplicationInstance, "migration", { publiclyAccessible: undefined });
    e = change(e, T.timestreamDatabase, "metrics", { kmsKeyId: undefined });
    e = change(e, T.qldbLedger, "audit", { permissionsMode: "ALLOW_ALL" });
    e = change(e, T.keyspacesTable, "events", { encryptionSpecification: undefined });
    return e;
}

const ofData = (verdicts: Verdict[]) => verdicts.filter((v) => DATA_IDS.has(v[0]));

describe("the data area's policies in the real engine", function () {
    this.timeout(600_000);
    const prod = () => buildPackConfig({ policies: pipelinePolicies, environment: "prod", config: ESTATE_CONFIG });

    it("passes every service's compliant records, like the harness", async () => {
        const engine = (await engineVerdicts(compliant(), prod())).verdicts;
        assert.deepStrictEqual(engine, await harnessVerdicts(compliant(), prod()));
        assert.deepStrictEqual(ofData(engine), []);
    });

    it("gives the same verdicts (policy, URN, level, message) on broken records of every service", async () => {
        const engine = (await engineVerdicts(broken(), prod())).verdicts;
        assert.deepStrictEqual(engine, await harnessVerdicts(broken(), prod()));
        const fired = [...new Set(ofData(engine).map((v) => v[0]))].sort();
        assert.deepStrictEqual(fired, [
            "dax-cluster-tls",
            "dms-replication-instance-not-public",
            "docdb-tls-enabled",
            "dynamodb-point-in-time-recovery",
            "elasticache-authentication",
            "elasticache-in-transit-encryption",
            "keyspaces-table-customer-managed-key",
            "neptune-storage-encrypted",
            "qldb-ledger-standard-permissions",
            "rds-iam-authentication",
            "rds-snapshot-not-public",
            "rds-storage-encrypted",
            "rds-tls-enforced",
            "redshift-audit-logging",
            "redshift-not-publicly-accessible",
            "timestream-database-customer-managed-key",
        ]);
    });
});
