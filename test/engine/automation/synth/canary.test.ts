import { strict as assert } from "assert";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { SynthReport } from "../../../../automation/run/report/model";
import { PROJECT_ROOT } from "../../../support/toolchain";
import { RunningOpenBao, startOpenBao } from "../../../support/servers";
import { ConsulKvDouble } from "../../../unit/automation/support/consul-kv-double";
import { kvPut } from "../support/openbao";
import { readTree, runEdf } from "../support/estate";

// Secret taint from every injector to every sink, through the real `edf synth`: a canary value
// arrives by each kind of input — Vault (a real OpenBao server), Consul with `secret: true` (a
// double of Consul's KV API: no openly licensed Consul server installs here), an environment
// variable with `secret: true`, and the sample file synth uses offline — into payments-api,
// whose SDK must deliver each one only as an ECS secret. Runs with `--json` and with `--debug`;
// then every byte the runs wrote (stdout, stderr, every file under `--home` and under the
// runs' TMPDIR) is searched for every canary.
const canary = (kind: string): string => `canary-${kind}-${crypto.randomBytes(8).toString("hex")}`;
const CANARIES = {
    vault: canary("vault"),
    consul: canary("consul"),
    env: canary("env"),
    sampleVault: canary("sample-vault"),
    sampleConsul: canary("sample-consul"),
};

const LANDING_ZONE = `  security:
    path: platform/security
    config:
      environmentSize: dev
      governance: { owner: team-platform, dataClassification: confidential, pciScope: in-scope }
  network:
    path: platform/network
    config:
      environmentSize: dev
      vpcCidr: 10.10.0.0/16
      azCount: 2
      governance: { owner: team-platform, dataClassification: internal, pciScope: connected }
    inputs:
      logsKmsKeyArn: { from: stack, unit: security, output: logsKmsKeyArn }
  shared-services:
    path: platform/shared-services
    dependsOn: [network, security]
    config:
      environmentSize: dev
      governance: { owner: team-platform, dataClassification: internal, pciScope: connected }
      certificateArn: arn:aws:acm:eu-west-1:111111111111:certificate/0f1e2d3c-4b5a-4697-8887-a9b8c7d6e5f4
      ecrPullThroughCache: { upstreamRegistryUrl: public.ecr.aws }
    inputs:
      vpcId: { from: stack, unit: network, output: vpcId }
      publicSubnetIds: { from: stack, unit: network, output: publicSubnetIds }
      privateSubnetCidrBlocks: { from: stack, unit: network, output: privateSubnetCidrBlocks }
      accessLogsBucketName: { from: stack, unit: security, output: accessLogsBucketName }
      logsKmsKeyArn: { from: stack, unit: security, output: logsKmsKeyArn }
`;

function spec(vault: string, consul: string): string {
    return `environment: dev
region: eu-west-1
account: "111111111111"
policy:
  enforcement: { all: advisory }
  config:
    secretsmanager-secret-rotation: { trustedRotators: ["vault"] }
injectors:
  vault: { address: "${vault}", auth: { method: token, tokenEnv: EDF_TEST_VAULT_TOKEN } }
  consul: { address: "${consul}" }
units:
${LANDING_ZONE}  payments-api:
    path: services/payments-api
    dependsOn: [network, security, shared-services]
    config:
      environmentSize: dev
      governance: { owner: team-payments, dataClassification: restricted, pciScope: in-scope }
      landingZone: { stacks: { network: organization/edf/dev.network, security: organization/edf/dev.security, sharedServices: organization/edf/dev.shared-services } }
      image: { tag: latest }
    inputs:
      db-password: { from: vault, path: payments/db, field: password }
      processor-api-key: { from: env, name: EDF_TEST_PROCESSOR_KEY, secret: true }
      config: { from: consul, key: edf/dev/payments/config, json: true, secret: true }
`;
}

const SAMPLES = `sampleValuesOnly: true
vault:
  secret/payments/db: { password: ${CANARIES.sampleVault} }
consul:
  edf/dev/payments/config: '{"logLevel": "${CANARIES.sampleConsul}", "maxRetries": 3}'
`;

interface Written {
    readonly where: string;
    readonly text: string;
}

describe("secret inputs of every kind through edf synth (canaries)", function () {
    this.timeout(600_000);
    let server: RunningOpenBao;
    const consul = new ConsulKvDouble();
    let work: string;
    const written: Written[] = [];
    const reports: SynthReport[] = [];

    before(async () => {
        server = await startOpenBao();
        await kvPut(server, "payments/db", { password: CANARIES.vault });
        consul.put("edf/dev/payments/config", JSON.stringify({ logLevel: CANARIES.consul, maxRetries: 3, featureNewCheckout: true }));
        const consulUrl = await consul.start();
        work = fs.mkdtempSync(path.join(os.tmpdir(), "edf-canary-synth-"));
        const specFile = path.join(work, "dev.yaml");
        fs.writeFileSync(specFile, spec(server.url, consulUrl));
        fs.writeFileSync(path.join(work, "samples.yaml"), SAMPLES);
        const runs: { name: string; global: string[]; synth: string[] }[] = [
            { name: "live, --json", global: ["--json"], synth: ["--live-inputs"] },
            { name: "live, --debug", global: ["--debug"], synth: ["--live-inputs"] },
            { name: "samples, --json --debug", global: ["--json", "--debug"], synth: ["--inputs", path.join(work, "samples.yaml")] },
        ];
        for (const [i, run] of runs.entries()) {
            const home = path.join(work, `home-${i}`);
            const tmp = path.join(work, `tmp-${i}`);
            fs.mkdirSync(tmp);
            const args = [
                ...run.global,
                "--home",
                home,
                "synth",
                ...run.synth,
                ...["--env", specFile, "--only", "payments-api", "--with-dependencies", "--parallel", "2"],
            ];
            const done = await runEdf(args, {
                EDF_TEST_VAULT_TOKEN: server.rootToken,
                EDF_TEST_PROCESSOR_KEY: CANARIES.env,
                TMPDIR: tmp,
                EDF_TS_CACHE: path.join(PROJECT_ROOT, ".edf", "cache", "ts"),
            });
            assert.equal(done.code, 0, `${run.name}: ${done.stderr}`);
            written.push({ where: `${run.name}: stdout`, text: done.stdout }, { where: `${run.name}: stderr`, text: done.stderr });
            for (const file of [...readTree(home), ...readTree(tmp)]) written.push({ where: `${run.name}: ${file.file}`, text: file.text });
            const report = readTree(path.join(home, "runs")).find((f) => f.file.endsWith("report.json"));
            assert.ok(report, `${run.name}: no report.json`);
            reports.push(JSON.parse(report.text) as SynthReport);
        }
    });

    after(async () => {
        await server?.stop();
        await consul.stop();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    it("reaches payments-api from every injector, marked secret in the report's provenance", () => {
        for (const report of reports) {
            const stack = report.stacks.find((s) => s.unit === "payments-api")!;
            assert.equal(stack.status, "passed", stack.reason);
            const provenance = Object.fromEntries(stack.inputs.map((i) => [i.name, i.secret]));
            assert.deepEqual(provenance, { config: true, "db-password": true, "processor-api-key": true });
        }
    });

    it("gives the container every secret only through ECS `secrets`, never in `environment`", () => {
        for (const report of reports) {
            const task = report.stacks
                .find((s) => s.unit === "payments-api")!
                .resources.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition")!;
            const [container] = JSON.parse(String(task.props.containerDefinitions)) as {
                environment: { name: string }[];
                secrets: { name: string }[];
            }[];
            assert.deepEqual(
                container!.environment.map((e) => e.name),
                ["DB_HOST", "DB_NAME", "DB_PORT", "DB_USER"],
            );
            assert.deepEqual(
                container!.secrets.map((s) => s.name),
                report.inputs?.source === "sample"
                    ? ["CONFIG_LOG_LEVEL", "CONFIG_MAX_RETRIES", "DB_PASSWORD", "PROCESSOR_API_KEY"]
                    : ["CONFIG_FEATURE_NEW_CHECKOUT", "CONFIG_LOG_LEVEL", "CONFIG_MAX_RETRIES", "DB_PASSWORD", "PROCESSOR_API_KEY"],
            );
        }
    });

    it("appears in no byte the runs wrote: output, logs, reports, inventories, temporary files", () => {
        assert.ok(written.length > 10, "the runs wrote their reports");
        for (const [kind, value] of Object.entries(CANARIES)) {
            const leaks = written.filter((w) => w.text.includes(value)).map((w) => w.where);
            assert.deepEqual(leaks, [], `the ${kind} canary leaked`);
        }
        assert.ok(!written.some((w) => w.text.includes(server.rootToken)), "the Vault token leaked");
    });
});
