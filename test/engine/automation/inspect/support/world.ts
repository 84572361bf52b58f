import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hashSync } from "bcryptjs";
import { CreateRepositoryCommand, ECRClient, PutImageCommand, StartImageScanCommand } from "@aws-sdk/client-ecr";
import {
    CreateClusterCommand,
    CreateServiceCommand,
    ECSClient,
    ListTasksCommand,
    RegisterTaskDefinitionCommand,
    RunTaskCommand,
    StopTaskCommand,
} from "@aws-sdk/client-ecs";
import type { InspectReport } from "../../../../../automation/inspect/report/model";
import { testImages, TestImage } from "../../../../support/images/catalogue";
import { writeOciLayout } from "../../../../support/images/oci-layout";
import { pushLayout } from "../../../../support/images/push";
import { RunningRegistry, RunningServer, startMoto, startRegistry } from "../../../../support/servers";
import { engineEnv, PROJECT_ROOT } from "../../../../support/toolchain";
import { Estate, prepareEstate, runDriver } from "../../support/estate";

// The world `edf inspect` is tested against, every part real and local: two distribution
// registries (Debian's docker-registry) on 127.0.0.1, one standing in for ECR (its host is named
// like ECR in image references and mapped to it in the spec; HTTP Basic with the password moto's
// GetAuthorizationToken hands out), one anonymous; moto for ECS (clusters, services, running
// tasks), ECR (repositories, image scans with recorded findings) and Inspector v2 (findings seeded
// through moto's own API, which returns them for the first ListFindings call with a given filter:
// moto does not filter Inspector findings itself); stacks deployed on the real engine with a file
// backend (the stand-in AWS provider answers for @pulumi/aws).

export const ACCOUNT = "123456789012";
export const REGION = "eu-west-1";
export const ECR_HOST = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`;
/** moto's GetAuthorizationToken password for the account: `<account>-auth-token`. */
export const ECR_PASSWORD = `${ACCOUNT}-auth-token`;
export const DATE = "2026-12-05";
const STUB_PROVIDER = path.join(PROJECT_ROOT, "test", "support", "stub-aws-provider");

/** Which unit runs which images as which services. */
const LAYOUT: Record<
    string,
    readonly { service: string; image: string; running?: string; user?: string; architecture?: "amd64" | "arm64" }[]
> = {
    payments: [{ service: "payments", image: "payments", user: "1000" }],
    apps: [
        { service: "worker", image: "worker" },
        { service: "ledger", image: "ledger", user: "10001" },
        { service: "node", image: "node" },
        { service: "python", image: "python" },
        { service: "go", image: "go" },
        { service: "java", image: "java" },
        { service: "rhel", image: "rhel" },
        { service: "multiarch", image: "multiarch" },
    ],
    legacy: [
        { service: "tampered", image: "tampered" },
        { service: "drifted", image: "drifted", running: "drifted-v2" },
    ],
};

/** An image as pushed: where it lives and the digest its tag names. */
export interface PushedImage {
    readonly registry: string;
    readonly repository: string;
    readonly digest: string;
    readonly reference: string;
}

export interface InspectRunResult {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
    readonly dir?: string;
    report(): InspectReport;
    file(name: string): string;
}

export class InspectWorld {
    readonly images: Record<string, PushedImage> = {};
    readonly taskDefinitions: Record<string, string> = {};
    readonly work = fs.mkdtempSync(path.join(os.tmpdir(), "edf-inspect-world-"));
    private path0 = process.env.PATH;

    private constructor(
        readonly moto: RunningServer,
        readonly ecrRegistry: RunningRegistry,
        readonly registry: RunningRegistry,
        readonly estate: Estate,
    ) {}

    static async start(): Promise<InspectWorld> {
        const [moto, ecrRegistry, registry] = await Promise.all([
            startMoto(),
            startRegistry({ htpasswd: `AWS:${hashSync(ECR_PASSWORD, 6)}\n` }),
            startRegistry(),
        ]);
        const estate = prepareEstate("inspect");
        fs.mkdirSync(path.join(estate.root, "waivers"), { recursive: true });
        fs.copyFileSync(
            path.join(PROJECT_ROOT, "test", "fixtures", "estates", "waivers", "inspect.yaml"),
            path.join(estate.root, "waivers", "inspect.yaml"),
        );
        const world = new InspectWorld(moto, ecrRegistry, registry, estate);
        process.env.PATH = `${STUB_PROVIDER}${path.delimiter}${process.env.PATH}`;
        return world;
    }

    /** AWS SDK settings that send every client to moto (never to AWS), with fake credentials. */
    get awsEnv(): Record<string, string> {
        return {
            AWS_ENDPOINT_URL: this.moto.url,
            AWS_ACCESS_KEY_ID: "test",
            AWS_SECRET_ACCESS_KEY: "test",
            AWS_REGION: REGION,
            AWS_EC2_METADATA_DISABLED: "true",
        };
    }

    private client<T>(make: new (config: object) => T): T {
        return new make({ endpoint: this.moto.url, region: REGION, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    }

    /** Builds an image of the catalogue, pushes it and returns where it is. */
    async push(key: string, image: TestImage, toEcr: boolean): Promise<PushedImage> {
        const layout = fs.mkdtempSync(path.join(this.work, `${key}-`));
        await writeOciLayout(layout, image.tag, image.spec);
        const target = toEcr ? this.ecrRegistry : this.registry;
        const digest = pushLayout(layout, image.tag, target.host, image.repository, {
            all: Array.isArray(image.spec),
            ...(image.zstd ? { zstd: true } : {}),
            ...(toEcr ? { creds: `AWS:${ECR_PASSWORD}` } : {}),
        });
        const registry = toEcr ? ECR_HOST : target.host;
        const pushed = { registry, repository: image.repository, digest, reference: `${registry}/${image.repository}@${digest}` };
        this.images[key] = pushed;
        return pushed;
    }

    /** Pushes every image, tampers with one, and builds the ECS, ECR and Inspector side in moto. */
    async build(): Promise<void> {
        const catalogue = await testImages();
        for (const [key, image] of Object.entries(catalogue)) await this.push(key, image, key === "payments");
        this.tamper(this.images.tampered!);
        const ecs = this.client(ECSClient);
        try {
            for (const [unit, services] of Object.entries(LAYOUT)) {
                await ecs.send(new CreateClusterCommand({ clusterName: unit }));
                for (const s of services) await this.runService(ecs, unit, s.service, this.images[s.running ?? s.image]!.reference);
            }
        } finally {
            ecs.destroy();
        }
        await this.ecrSide();
        this.writeSpec();
    }

    /** Registers a task definition revision running `reference` and starts one task of the service on it. */
    async runService(ecs: ECSClient, cluster: string, service: string, reference: string): Promise<void> {
        const family = `${service}-task`;
        const td = await ecs.send(
            new RegisterTaskDefinitionCommand({
                family,
                containerDefinitions: [{ name: "app", image: reference, memory: 512, essential: true }],
            }),
        );
        const arn = td.taskDefinition!.taskDefinitionArn!;
        if (!this.taskDefinitions[service]) {
            this.taskDefinitions[service] = arn;
            await ecs.send(
                new CreateServiceCommand({ cluster, serviceName: service, taskDefinition: arn, desiredCount: 1, launchType: "FARGATE" }),
            );
        }
        // ECS starts a service's tasks with group `service:<name>`; moto only starts tasks on RunTask.
        await ecs.send(
            new RunTaskCommand({
                cluster,
                taskDefinition: arn,
                launchType: "FARGATE",
                group: `service:${service}`,
                startedBy: "ecs-svc/1",
            }),
        );
    }

    /** A new image for a service: pushed, its old task stopped, a task on the new digest started (a deployment). */
    async redeploy(service: string, key: string, image: TestImage): Promise<PushedImage> {
        const pushed = await this.push(key, image, false);
        const ecs = this.client(ECSClient);
        try {
            const cluster = Object.entries(LAYOUT).find(([, list]) => list.some((s) => s.service === service))![0];
            const tasks = await ecs.send(new ListTasksCommand({ cluster }));
            // moto ignores ListTasks' serviceName: stop the service's own tasks by their task definition family.
            const { DescribeTasksCommand } = await import("@aws-sdk/client-ecs");
            const described = await ecs.send(new DescribeTasksCommand({ cluster, tasks: tasks.taskArns }));
            for (const t of described.tasks ?? [])
                if (t.taskDefinitionArn?.includes(`task-definition/${service}-task:`))
                    await ecs.send(new StopTaskCommand({ cluster, task: t.taskArn }));
            await this.runService(ecs, cluster, service, pushed.reference);
        } finally {
            ecs.destroy();
        }
        return pushed;
    }

    /** Overwrites the top layer's bytes in the registry's storage, as a compromised store would (same length). */
    tamper(image: PushedImage): void {
        const manifest = JSON.parse(fs.readFileSync(this.registry.blobPath(image.digest), "utf8")) as { layers: { digest: string }[] };
        const file = this.registry.blobPath(manifest.layers[manifest.layers.length - 1]!.digest);
        const bytes = fs.readFileSync(file);
        bytes[Math.floor(bytes.length / 2)] ^= 0xff;
        fs.writeFileSync(file, bytes);
    }

    /** ECR's view of the payments image: a repository, the image, a scan with a fixable critical; Inspector's high. */
    private async ecrSide(): Promise<void> {
        const payments = this.images.payments!;
        const manifest = fs.readFileSync(this.ecrRegistry.blobPath(payments.digest), "utf8");
        const ecr = this.client(ECRClient);
        try {
            await ecr.send(new CreateRepositoryCommand({ repositoryName: "payments" }));
            await ecr.send(
                new PutImageCommand({ repositoryName: "payments", imageManifest: manifest, imageDigest: payments.digest, imageTag: "v1" }),
            );
            await ecr.send(new StartImageScanCommand({ repositoryName: "payments", imageId: { imageDigest: payments.digest } }));
        } finally {
            ecr.destroy();
        }
        const seconds = (iso: string): number => Date.parse(iso) / 1000;
        await this.motoApi("/moto-api/static/ecr/scan-finding-results", {
            region: REGION,
            results: [
                {
                    registryId: ACCOUNT,
                    repositoryName: "payments",
                    imageId: { imageDigest: payments.digest },
                    imageScanStatus: { status: "COMPLETE", description: "The scan was completed successfully." },
                    imageScanFindings: {
                        imageScanCompletedAt: seconds(`${DATE}T06:00:00Z`),
                        enhancedFindings: [
                            {
                                awsAccountId: ACCOUNT,
                                title: "CVE-2026-31337 - libssl3",
                                severity: "CRITICAL",
                                status: "ACTIVE",
                                type: "PACKAGE_VULNERABILITY",
                                fixAvailable: "YES",
                                firstObservedAt: seconds("2026-09-01T00:00:00Z"),
                                packageVulnerabilityDetails: {
                                    vulnerabilityId: "CVE-2026-31337",
                                    source: "DEBIAN_CVE",
                                    vulnerablePackages: [
                                        { name: "libssl3", version: "3.0.15-1~deb12u1", fixedInVersion: "3.0.16-1~deb12u1" },
                                    ],
                                },
                            },
                        ],
                        findingSeverityCounts: { CRITICAL: 1 },
                    },
                },
            ],
        });
        await this.motoApi("/moto-api/static/inspector2/findings-results", {
            account_id: ACCOUNT,
            region: REGION,
            results: [
                [
                    {
                        findingArn: `arn:aws:inspector2:${REGION}:${ACCOUNT}:finding/0001`,
                        awsAccountId: ACCOUNT,
                        type: "PACKAGE_VULNERABILITY",
                        description: "A flaw in zlib's inflate",
                        title: "CVE-2026-40404 - zlib1g",
                        severity: "HIGH",
                        status: "ACTIVE",
                        firstObservedAt: seconds("2026-08-15T00:00:00Z"),
                        lastObservedAt: seconds(`${DATE}T05:00:00Z`),
                        fixAvailable: "YES",
                        remediation: { recommendation: { text: "Upgrade zlib1g" } },
                        resources: [
                            {
                                type: "AWS_ECR_CONTAINER_IMAGE",
                                id: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/payments/${payments.digest}`,
                            },
                        ],
                        packageVulnerabilityDetails: {
                            vulnerabilityId: "CVE-2026-40404",
                            source: "DEBIAN_CVE",
                            vulnerablePackages: [{ name: "zlib1g", version: "1:1.2.13.dfsg-1", fixedInVersion: "1:1.2.13.dfsg-2" }],
                        },
                    },
                ],
            ],
        });
    }

    private async motoApi(route: string, body: unknown): Promise<void> {
        const response = await fetch(`${this.moto.url}${route}`, {
            method: "POST",
            body: JSON.stringify(body),
            headers: { "content-type": "application/json" },
        });
        if (!response.ok) throw new Error(`moto ${route}: HTTP ${response.status} ${await response.text()}`);
    }

    /** The stacks' config: each service's cluster, family, task definition ARN and declared image. */
    servicesOf(unit: string, override: Record<string, string> = {}): string {
        return JSON.stringify(
            LAYOUT[unit]!.map((s) => ({
                name: s.service,
                cluster: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${unit}`,
                family: `${s.service}-task`,
                taskDefinitionArn: this.taskDefinitions[s.service],
                image: override[s.service] ?? this.images[s.image]!.reference,
                ...(s.user ? { user: s.user } : {}),
                ...(s.architecture ? { architecture: s.architecture } : {}),
            })),
        );
    }

    /** Writes the estate's spec; `extra` overrides substitutions (a broken endpoint, wrong credentials, a size limit). */
    writeSpec(extra: Record<string, string> = {}, declared: Record<string, string> = {}): void {
        this.estate.write({
            MAX_MB: "4096",
            ECR_ENDPOINT: this.ecrRegistry.url,
            ECR_AUTH: "ecr",
            REGISTRY: this.registry.host,
            REGISTRY_ENDPOINT: this.registry.url,
            PAYMENTS: this.servicesOf("payments", declared),
            APPS: this.servicesOf("apps", declared),
            LEGACY: this.servicesOf("legacy", declared),
            ...extra,
        });
    }

    /** `edf up` of the estate on the real engine (file backend under the estate's home). */
    async deploy(only?: string[]): Promise<void> {
        const { report } = await runDriver(this.estate, "up", { ...(only ? { only } : {}), parallel: 4 });
        if (report.exitCode !== 0)
            throw new Error(`edf up failed: ${JSON.stringify(report.stacks.map((s) => [s.unit, s.status, s.reason]))}`);
    }

    /** The real `edf` executable's command line and environment for `edf --home <home> inspect --env <spec> --date <DATE> <args>`. */
    inspectCommand(
        args: readonly string[] = [],
        options: { home?: string; env?: Record<string, string> } = {},
    ): { readonly args: string[]; readonly env: NodeJS.ProcessEnv; readonly home: string } {
        const home = options.home ?? this.estate.home;
        return {
            home,
            args: [
                path.join(PROJECT_ROOT, "automation", "cli", "bin.js"),
                "--home",
                home,
                "inspect",
                "--env",
                this.estate.specFile,
                "--date",
                DATE,
                ...args,
            ],
            env: {
                ...process.env,
                ...engineEnv(),
                ...this.awsEnv,
                EDF_TS_CACHE: path.join(PROJECT_ROOT, ".edf", "cache", "ts"),
                ...options.env,
            },
        };
    }

    /** Runs the real `edf` executable: `edf --home <home> inspect --env <spec> --date <DATE> <args>`. */
    inspect(args: readonly string[] = [], options: { home?: string; env?: Record<string, string> } = {}): InspectRunResult {
        const command = this.inspectCommand(args, options);
        const home = command.home;
        const result = spawnSync(process.execPath, command.args, {
            cwd: PROJECT_ROOT,
            encoding: "utf8",
            env: command.env,
            timeout: 600_000,
            maxBuffer: 64 * 1024 * 1024,
        });
        return this.resultOf(home, { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr });
    }

    /** What a finished `edf inspect` left: its exit, output and newest run folder under `home`. */
    resultOf(home: string, run: { code: number; stdout: string; stderr: string }): InspectRunResult {
        const result = { status: run.code, stdout: run.stdout, stderr: run.stderr };
        const runs = path.join(home, "runs");
        const folders = fs.existsSync(runs)
            ? fs
                  .readdirSync(runs)
                  .filter((d) => d.includes("-inspect-"))
                  .sort()
            : [];
        const dir = folders.length ? path.join(runs, folders[folders.length - 1]!) : undefined;
        return {
            code: result.status ?? -1,
            stdout: result.stdout,
            stderr: result.stderr,
            ...(dir ? { dir } : {}),
            report: () => JSON.parse(fs.readFileSync(path.join(dir!, "report.json"), "utf8")) as InspectReport,
            file: (name) => fs.readFileSync(path.join(dir!, name), "utf8"),
        };
    }

    async stop(): Promise<void> {
        process.env.PATH = this.path0;
        await Promise.all([this.moto.stop(), this.ecrRegistry.stop(), this.registry.stop()]);
        this.estate.remove();
        fs.rmSync(this.work, { recursive: true, force: true });
    }
}
