import { CONTRACT_VERSION } from "../../../platform/contract-version";
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { HumanReporter } from "../../../automation/reporter";
import { synthEnvironment } from "../../../automation/synth/synth";
import { PROJECT_ROOT } from "../../support/toolchain";

// The example services in a whole production estate through `edf synth`: the landing zone
// synthesized first, the services reading it through stack references (config
// `landingZone.stacks`), Vault and Consul inputs from a sample file, the pipeline pack
// with production enforcement. In the engine suite because it is slow, not because it
// needs the engine: synth runs every program under mocks.
const CANARY = "sample-db-password-canary-5e1d";
const SPEC = `environment: prod
region: eu-west-1
account: "222222222222"
policy:
  pack: policy-packs/pipeline
  config:
    production-stack-targets-production-account: { productionAccountIds: ["222222222222"] }
injectors:
  vault: { address: "https://vault.prod.internal:8200", auth: { method: token } }
  consul: { address: "https://consul.prod.internal:8501" }
units:
  security:
    path: platform/security
    config:
      environmentSize: prod
      governance: { owner: team-platform, dataClassification: confidential, pciScope: in-scope }
  network:
    path: platform/network
    config:
      environmentSize: prod
      vpcCidr: 10.30.0.0/16
      azCount: 3
      governance: { owner: team-platform, dataClassification: internal, pciScope: connected }
    inputs:
      logsKmsKeyArn: { from: stack, unit: security, output: logsKmsKeyArn }
  shared-services:
    path: platform/shared-services
    config:
      environmentSize: prod
      certificateArn: arn:aws:acm:eu-west-1:222222222222:certificate/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab
      ecrPullThroughCache: { upstreamRegistryUrl: registry.example.test }
      governance: { owner: team-platform, dataClassification: internal, pciScope: connected }
    inputs:
      vpcId: { from: stack, unit: network, output: vpcId }
      publicSubnetIds: { from: stack, unit: network, output: publicSubnetIds }
      privateSubnetCidrBlocks: { from: stack, unit: network, output: privateSubnetCidrBlocks }
      accessLogsBucketName: { from: stack, unit: security, output: accessLogsBucketName }
      logsKmsKeyArn: { from: stack, unit: security, output: logsKmsKeyArn }
  payments-api:
    path: services/payments-api
    dependsOn: [network, security, shared-services]
    config:
      environmentSize: prod
      governance: { owner: payments-team, dataClassification: restricted, pciScope: in-scope }
      landingZone:
        stacks: { network: organization/edf/prod.network, security: organization/edf/prod.security, sharedServices: organization/edf/prod.shared-services }
    inputs:
      image-digest: { from: env, name: PAYMENTS_API_IMAGE_DIGEST }
      db-password: { from: vault, path: payments/db, field: password }
      processor-api-key: { from: vault, path: payments/processor, field: api-key }
      config: { from: consul, key: edf/prod/payments-api/config, json: true }
  ledger-worker:
    path: services/ledger-worker
    dependsOn: [network, security, shared-services]
    config:
      environmentSize: prod
      governance: { owner: ledger-team, dataClassification: confidential, pciScope: connected }
      landingZone:
        stacks: { network: organization/edf/prod.network, security: organization/edf/prod.security, sharedServices: organization/edf/prod.shared-services }
    inputs:
      image-digest: { from: env, name: LEDGER_WORKER_IMAGE_DIGEST }
      config: { from: consul, key: edf/prod/ledger-worker/config, json: true }
`;
const SAMPLES = `sampleValuesOnly: true
vault:
  secret/payments/db: { password: ${CANARY} }
  secret/payments/processor: { api-key: sample-api-key-not-a-secret }
consul:
  edf/prod/payments-api/config: '{"logLevel": "info", "settlementCurrency": "EUR"}'
  edf/prod/ledger-worker/config: '{"pollIntervalSeconds": 5}'
env:
  PAYMENTS_API_IMAGE_DIGEST: "sha256:${"1".repeat(64)}"
  LEDGER_WORKER_IMAGE_DIGEST: "sha256:${"2".repeat(64)}"
`;

describe("example services in a production estate through edf synth", function () {
    this.timeout(300_000);

    it("synthesizes both services on the synthesized landing zone with no mandatory finding and no secret in the report", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-services-estate-"));
        try {
            fs.writeFileSync(path.join(dir, "prod.yaml"), SPEC);
            fs.writeFileSync(path.join(dir, "samples.yaml"), SAMPLES);
            const silent = { write: () => true };
            const run = await synthEnvironment({
                env: path.join(dir, "prod.yaml"),
                projectRoot: PROJECT_ROOT,
                reporter: new HumanReporter(false, silent, silent),
                samplesFile: path.join(dir, "samples.yaml"),
                parallel: 1,
                environment: {},
            });
            for (const unit of ["payments-api", "ledger-worker"]) {
                const stack = run.report.stacks.find((s) => s.unit === unit)!;
                assert.equal(
                    stack.status,
                    "passed",
                    `${unit}: ${stack.reason ?? stack.findings.map((f) => `${f.policyId}: ${f.message}`).join("; ")}`,
                );
                assert.equal(stack.inspection?.mandatory, 0);
                assert.equal(
                    stack.outputs.contractVersion,
                    CONTRACT_VERSION,
                    "the service reads the contract version the landing zone publishes",
                );
                assert.ok(String(stack.outputs.image).endsWith(unit === "payments-api" ? "1".repeat(64) : "2".repeat(64)));
            }
            assert.equal(JSON.stringify(run.report).includes(CANARY), false, "the sample Vault value must not appear in the report");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
