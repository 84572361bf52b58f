/**
 * Benchmark: one scheduled inspection, as the landing zone's task runs it. `edf inspect --publish
 * securityhub --state s3://…` as a whole process (Node's start, the spec, every stack's state read
 * through the Pulumi CLI, ECS's running tasks, every running image streamed from its registry and
 * analysed, the runtime pack, the reports, the publication and the state), over an estate of three
 * service stacks whose services each run an image of realistic size. Peer, measured in the same run,
 * turn by turn: the same inspection without `--publish`/`--state` (what publishing adds).
 *
 *   npx ts-node --transpile-only bench/inspect-task.ts [--services 12] [--megabytes 600] [--runs 3]
 *   npx ts-node --transpile-only bench/inspect-task.ts --smoke     # 2 services, ≈ 4 MB, 1 run (npm test)
 *
 * Everything is local: Debian's docker-registry and moto (ECS, S3, Security Hub, STS) on 127.0.0.1,
 * the stacks deployed on the real engine with the file backend and the stand-in AWS provider. What a
 * Fargate task adds and this cannot measure: pulling the inspector image and starting the task, and
 * the latency of AWS's APIs and ECR (the images come from a registry on this machine).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BenchImage, buildImages } from "./support/images";
import { BenchmarkBroken, describeMachine, describeRuns, expect, median, numberOption, runBenchmark } from "./support/figures";

// The estate's service stacks are the test fixture unit `ecs-services`: its folder is a unit root here, as in the tests.
process.env.EDF_UNIT_ROOTS = [process.env.EDF_UNIT_ROOTS, "test/fixtures/units"].filter(Boolean).join(path.delimiter);

const ACCOUNT = "123456789012";
const REGION = "eu-west-1";
const DATE = "2026-12-05";
const BUCKET = "edf-state-bench";
const UNITS = ["payments", "apps", "legacy"] as const;
const GNU_TIME = "/usr/bin/time";
/** Fargate Linux/x86 in us-east-1 when this was written (USD; check the current price list): per vCPU-hour, per GB-hour. */
const FARGATE = { vcpuHour: 0.04048, gbHour: 0.004445, vcpu: 1, gb: 2 };

interface Sample {
    readonly wallMs: number;
    readonly peakRssMiB?: number;
    readonly code: number;
}

/** Runs `edf inspect` once as a whole process; its wall time and peak RSS (GNU time's %M, when there is one). */
function timedInspect(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Sample {
    const timed = fs.existsSync(GNU_TIME);
    const argv = [process.execPath, ...args];
    const t0 = process.hrtime.bigint();
    const result = spawnSync(timed ? GNU_TIME : argv[0]!, timed ? ["-f", "edf-peak-kib %M", ...argv] : argv.slice(1), {
        cwd,
        env,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        timeout: 1_800_000,
    });
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const code = result.status ?? -1;
    if (code !== 0 && code !== 2) throw new BenchmarkBroken(`edf inspect exited ${code}: ${result.stderr.slice(-1500)}`);
    const kib = /edf-peak-kib (\d+)/.exec(result.stderr)?.[1];
    return { wallMs, code, ...(kib ? { peakRssMiB: Number(kib) / 1024 } : {}) };
}

async function main(): Promise<void> {
    const services = numberOption("services", 12, { smoke: 2 });
    const megabytes = numberOption("megabytes", 600, { smoke: 4 });
    const runs = numberOption("runs", 3, { smoke: 1 });
    const { startMoto, startRegistry } = await import("../test/support/servers");
    const { engineEnv, PROJECT_ROOT } = await import("../test/support/toolchain");
    const { prepareEstate, runDriver } = await import("../test/engine/automation/support/estate");
    const { ECSClient, CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand, RunTaskCommand } =
        await import("@aws-sdk/client-ecs");
    const { S3Client, CreateBucketCommand } = await import("@aws-sdk/client-s3");
    const [moto, registry] = await Promise.all([startMoto(), startRegistry()]);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "edf-bench-inspect-task-"));
    const estate = prepareEstate("inspect");
    // The estate's spec names the inspect waivers file, relative to itself.
    fs.mkdirSync(path.join(estate.root, "waivers"), { recursive: true });
    fs.copyFileSync(
        path.join(PROJECT_ROOT, "test", "fixtures", "estates", "waivers", "inspect.yaml"),
        path.join(estate.root, "waivers", "inspect.yaml"),
    );
    const path0 = process.env.PATH;
    const credentials = { accessKeyId: "test", secretAccessKey: "test" };
    const ecs = new ECSClient({ endpoint: moto.url, region: REGION, credentials });
    const s3 = new S3Client({ endpoint: moto.url, region: REGION, credentials, forcePathStyle: true });
    try {
        const images: BenchImage[] = await buildImages(registry.host, services, megabytes, work, "bench/service");
        // Each service runs its own image; the services are spread over the three service stacks.
        const declared: Record<string, object[]> = { payments: [], apps: [], legacy: [] };
        for (const unit of UNITS) await ecs.send(new CreateClusterCommand({ clusterName: unit }));
        for (const [i, image] of images.entries()) {
            const unit = UNITS[i % UNITS.length]!;
            const name = `svc-${i}`;
            const td = await ecs.send(
                new RegisterTaskDefinitionCommand({
                    family: `${name}-task`,
                    containerDefinitions: [{ name: "app", image: image.reference, memory: 512, essential: true }],
                }),
            );
            const arn = td.taskDefinition!.taskDefinitionArn!;
            await ecs.send(
                new CreateServiceCommand({ cluster: unit, serviceName: name, taskDefinition: arn, desiredCount: 1, launchType: "FARGATE" }),
            );
            await ecs.send(
                new RunTaskCommand({
                    cluster: unit,
                    taskDefinition: arn,
                    launchType: "FARGATE",
                    group: `service:${name}`,
                    startedBy: "ecs-svc/1",
                }),
            );
            declared[unit]!.push({
                name,
                cluster: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${unit}`,
                family: `${name}-task`,
                taskDefinitionArn: arn,
                image: image.reference,
                user: "1000",
            });
        }
        await s3.send(new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: REGION } }));
        estate.write({
            MAX_MB: "4096",
            ECR_ENDPOINT: registry.url,
            ECR_AUTH: "anonymous",
            REGISTRY: registry.host,
            REGISTRY_ENDPOINT: registry.url,
            PAYMENTS: JSON.stringify(declared.payments),
            APPS: JSON.stringify(declared.apps),
            LEGACY: JSON.stringify(declared.legacy),
        });
        process.env.PATH = `${path.join(PROJECT_ROOT, "test", "support", "stub-aws-provider")}${path.delimiter}${path0}`;
        const { report } = await runDriver(estate, "up", { parallel: 4 });
        if (report.exitCode !== 0) throw new BenchmarkBroken(`edf up of the bench estate failed: ${JSON.stringify(report.stacks)}`);

        const env = {
            ...process.env,
            ...engineEnv(),
            AWS_ENDPOINT_URL: moto.url,
            AWS_ACCESS_KEY_ID: "test",
            AWS_SECRET_ACCESS_KEY: "test",
            AWS_REGION: REGION,
            AWS_EC2_METADATA_DISABLED: "true",
            EDF_TS_CACHE: path.join(PROJECT_ROOT, ".edf", "cache", "ts"),
        };
        const base = [path.join(PROJECT_ROOT, "automation", "cli", "bin.js"), "--home", estate.home, "inspect", "--env", estate.specFile];
        const scheduled = [...base, "--date", DATE, "--publish", "securityhub", "--state", `s3://${BUCKET}/edf/edf-inspections/prod`];
        const plain = [...base, "--date", DATE];
        const published: Sample[] = [];
        const alone: Sample[] = [];
        // A first scheduled run is not counted: it finds every finding new and fills the state; the next ones are the steady state.
        timedInspect(scheduled, env, PROJECT_ROOT);
        for (let r = 0; r < runs; r++) {
            published.push(timedInspect(scheduled, env, PROJECT_ROOT));
            alone.push(timedInspect(plain, env, PROJECT_ROOT));
        }
        const runDirs = fs.readdirSync(path.join(estate.home, "runs")).filter((d) => d.includes("-inspect-"));
        const last = JSON.parse(fs.readFileSync(path.join(estate.home, "runs", runDirs.sort().pop()!, "report.json"), "utf8")) as {
            summary: { services: number; images: number; packages: number; mandatory: number };
        };
        expect(last.summary.images === services, `the inspection analysed ${last.summary.images} image(s) of ${services}`);
        const ms = median(published.map((s) => s.wallMs));
        const peerMs = median(alone.map((s) => s.wallMs));
        const rss = published[0]!.peakRssMiB === undefined ? undefined : median(published.map((s) => s.peakRssMiB!));
        const billedS = Math.max(60, Math.ceil(ms / 1000));
        const usd = (billedS / 3600) * (FARGATE.vcpu * FARGATE.vcpuHour + FARGATE.gb * FARGATE.gbHour);
        console.log(
            `inspect-task: 3 service stacks, ${last.summary.services} services, ${last.summary.images} images ` +
                `(${megabytes} MB compressed in all), ${last.summary.packages} packages, ${last.summary.mandatory} mandatory findings; ` +
                `registry and moto on 127.0.0.1`,
        );
        console.log(`${describeMachine()}; ${describeRuns(runs)} (after one uncounted run)`);
        console.log(
            `scheduled run (--publish securityhub --state s3://…): median ${(ms / 1000).toFixed(1)} s` +
                (rss === undefined ? "" : `, peak RSS ${rss.toFixed(0)} MiB`),
        );
        console.log(`the same inspection without publishing (peer):   median ${(peerMs / 1000).toFixed(1)} s`);
        console.log(`ratio scheduled / plain: ${(ms / peerMs).toFixed(2)}`);
        console.log(
            `Fargate 1 vCPU + 2 GB, billed ${billedS} s (per second, 60 s minimum; image pull and task start not included): ` +
                `≈ ${usd.toFixed(5)} USD per run at the published rates written in this file (check the current price list)`,
        );
        console.log(
            `samples (s): scheduled ${published.map((s) => (s.wallMs / 1000).toFixed(1)).join(", ")}; ` +
                `plain ${alone.map((s) => (s.wallMs / 1000).toFixed(1)).join(", ")}`,
        );
    } finally {
        process.env.PATH = path0;
        ecs.destroy();
        s3.destroy();
        await Promise.all([moto.stop(), registry.stop()]);
        estate.remove();
        fs.rmSync(work, { recursive: true, force: true });
    }
}

runBenchmark(main);
