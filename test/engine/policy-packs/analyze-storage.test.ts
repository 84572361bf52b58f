// Slow suite: the storage area's policies (S3, OpenSearch, EFS, FSx, Backup, SageMaker, Athena, EMR,
// Glue, CloudSearch, Comprehend, Bedrock, Kendra, QuickSight, DataSync, AppFlow, MWAA) through the
// real engine's `pulumi policy analyze --file`, whose verdicts must equal the in-process harness's.
import * as assert from "assert";
import { buildPackConfig } from "../../../policy-packs/lib/config";
import { storagePolicies } from "../../../policy-packs/pipeline/areas/storage";
import { pipelinePolicies } from "../../../policy-packs/pipeline/policy-list";
import { ESTATE_CONFIG } from "../../fixtures/policy/estate";
import { brokenStorageEstate, storageEstate } from "../../fixtures/policy/storage-estate";
import { engineVerdicts, harnessVerdicts } from "./verdicts";

/** The storage policies every service's broken resource must trip, at least one per service. */
const EXPECTED_STORAGE_FINDINGS = [
    "s3-bucket-policy-not-public",
    "s3-bucket-versioning-enabled",
    "s3-bucket-access-logging-enabled",
    "opensearch-domain-in-vpc",
    "opensearch-domain-node-to-node-encrypted",
    "efs-access-point-least-privilege",
    "fsx-file-system-kms-encrypted",
    "backup-vault-kms-encrypted",
    "sagemaker-notebook-network-isolated",
    "sagemaker-notebook-root-access-disabled",
    "athena-workgroup-encrypted",
    "emr-cluster-security-configuration",
    "emr-cluster-logging-enabled",
    "glue-jobs-security-configuration",
    "cloudsearch-domain-https-enforced",
    "comprehend-model-kms-encrypted",
    "bedrock-agent-guardrail-configured",
    "kendra-index-kms-encrypted",
    "quicksight-data-source-ssl",
    "datasync-task-logging-enabled",
    "appflow-kms-encrypted",
    "mwaa-environment-private-webserver",
];

describe("the storage area's policies in the real engine (`pulumi policy analyze --file`)", function () {
    this.timeout(600_000);
    const prodConfig = () => buildPackConfig({ policies: pipelinePolicies, environment: "prod", config: ESTATE_CONFIG });

    it("finds nothing on compliant resources of every storage service, like the harness", async () => {
        const engine = await engineVerdicts(storageEstate(), prodConfig());
        assert.deepStrictEqual(engine.verdicts, await harnessVerdicts(storageEstate(), prodConfig()));
        assert.deepStrictEqual(engine.verdicts, []);
        assert.strictEqual(engine.exitCode, 0);
    });

    it("gives the harness's verdicts (policy, URN, level, message) on one broken resource per service", async () => {
        const engine = await engineVerdicts(brokenStorageEstate(), prodConfig());
        const harness = await harnessVerdicts(brokenStorageEstate(), prodConfig());
        assert.deepStrictEqual(engine.verdicts, harness);
        const fired = new Set(harness.map((v) => v[0]));
        assert.deepStrictEqual(
            EXPECTED_STORAGE_FINDINGS.filter((id) => !fired.has(id)),
            [],
            "every service's broken resource is caught",
        );
        const storageIds = new Set(storagePolicies.map((p) => p.id));
        assert.ok([...fired].filter((id) => storageIds.has(id)).length >= 20);
        assert.notStrictEqual(engine.exitCode, 0);
    });
});
