// Slow suite: `edf inspect --publish securityhub --state s3://…` end to end through the real `edf`
// executable, against the world of inspect.test.ts (registries on 127.0.0.1, moto for ECS, ECR and
// Inspector, stacks on the real engine) with Security Hub, S3, SNS and SQS on moto too. Two
// sequences of the same two nights: one uninterrupted, one whose second night is SIGKILLed midway
// through the inspection, then midway through the publication, then re-run; the set published in
// Security Hub must be the same.
import { strict as assert } from "assert";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { AwsSecurityFinding, GetFindingsCommand, SecurityHubClient } from "@aws-sdk/client-securityhub";
import { CreateTopicCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { EXIT_CODES } from "../../../../automation/errors";
import type { InspectReport } from "../../../../automation/inspect/report/model";
import { SECURITY_HUB_STATE, SecurityHubState } from "../../../../automation/inspect/securityhub/publisher";
import { HISTORY_STATE } from "../../../../automation/inspect/state/history";
import { S3StateStore } from "../../../../automation/inspect/state/store";
import { RunningServer, startMoto } from "../../../support/servers";
import { PROJECT_ROOT } from "../../../support/toolchain";
import { InspectRunResult, InspectWorld, REGION } from "./support/world";

const BUCKET = "edf-state-prod";
const PREFIX = "edf/edf-inspections/prod";
const STATE = `s3://${BUCKET}/${PREFIX}`;
const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

/** Security Hub, as the security team sees it: every finding's id, record state and compliance status, sorted. */
async function publishedSet(hub: SecurityHubClient): Promise<string[]> {
    return (await allFindings(hub)).map((f) => `${f.Id} ${f.RecordState} ${f.Compliance?.Status}`).sort();
}

async function allFindings(hub: SecurityHubClient): Promise<AwsSecurityFinding[]> {
    const out: AwsSecurityFinding[] = [];
    let token: string | undefined;
    do {
        // moto 5.2.5 ignores GetFindings' filters: every page is read.
        const page = await hub.send(new GetFindingsCommand({ MaxResults: 100, NextToken: token }));
        out.push(...(page.Findings ?? []));
        token = page.NextToken;
    } while (token);
    return out;
}

/** The Security Hub ids the report's unwaived findings must have. */
const expectedIds = (report: InspectReport) =>
    report.stacks
        .flatMap((s) => s.findings.filter((f) => !f.waivedBy).map((f) => `edf/${report.environment}/${s.unit}/${f.fingerprint}`))
        .sort();

/**
 * A proxy in front of a moto server that, once armed with a process, lets that process's first
 * `BatchImportFindings` reach moto and then SIGKILLs the process (its group) before the answer
 * comes back: a publication killed after Security Hub took a batch and before the run recorded it.
 */
class KillingProxy {
    private victim?: ChildProcess;
    killed = false;
    private constructor(
        private readonly server: http.Server,
        readonly url: string,
    ) {}

    static async start(target: string): Promise<KillingProxy> {
        const self: { proxy?: KillingProxy } = {};
        const server = http.createServer((req, res) => {
            const chunks: Buffer[] = [];
            req.on("data", (c: Buffer) => chunks.push(c));
            req.on("end", () => {
                void (async () => {
                    // Hop-by-hop headers stay with this hop (fetch refuses them).
                    const hop = new Set(["host", "content-length", "connection", "keep-alive", "transfer-encoding", "expect"]);
                    const headers = Object.fromEntries(
                        Object.entries(req.headers).filter(([k, v]) => !hop.has(k) && typeof v === "string"),
                    ) as Record<string, string>;
                    const answer = await fetch(`${target}${req.url}`, {
                        method: req.method!,
                        headers,
                        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
                    });
                    const body = Buffer.from(await answer.arrayBuffer());
                    if (req.url?.startsWith("/findings/import") && self.proxy!.victim && !self.proxy!.killed) {
                        self.proxy!.killed = true;
                        process.kill(-self.proxy!.victim.pid!, "SIGKILL");
                    }
                    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
                    res.end(body);
                })().catch((error: unknown) => {
                    res.writeHead(502, { "content-type": "text/plain" });
                    res.end(String(error));
                });
            });
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        self.proxy = new KillingProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
        return self.proxy;
    }

    arm(victim: ChildProcess): void {
        this.victim = victim;
        this.killed = false;
    }

    disarm(): void {
        this.victim = undefined;
    }

    async stop(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise((resolve) => this.server.close(resolve));
    }
}

describe("edf inspect --publish securityhub --state s3://… end to end (the world of inspect.test.ts, moto)", function () {
    this.timeout(2_400_000);
    let world: InspectWorld;
    /** A second moto for the killed sequence's Security Hub and bucket (ECS, ECR, Inspector stay the world's). */
    let motoB: RunningServer;
    let proxy: KillingProxy;
    let hubA: SecurityHubClient;
    let hubB: SecurityHubClient;
    let s3A: S3Client;
    let s3B: S3Client;
    let nodeEvidence: string[];
    let topicArn: string;
    let inbox: () => Promise<string[]>;
    let night1: InspectRunResult;
    let night2: InspectRunResult;
    /** Read when each run ends: the run folders are moved away afterwards, as on another machine. */
    let report1: InspectReport;
    let report2: InspectReport;
    /** Security Hub as night 1 left it. */
    let hubAfterNight1: AwsSecurityFinding[];

    const client = <T>(make: new (config: object) => T, endpoint: string, extra: object = {}): T =>
        new make({ endpoint, region: REGION, credentials: CREDENTIALS, ...extra });
    /** The killed sequence's endpoints: Security Hub through the proxy, S3 on moto B. */
    const sequenceB = () => ({ AWS_ENDPOINT_URL_SECURITYHUB: proxy.url, AWS_ENDPOINT_URL_S3: motoB.url });
    const publishArgs = (evidence: boolean) => ["--publish", "securityhub", "--state", STATE, ...(evidence ? nodeEvidence : [])];
    /** Another machine: the run folders of earlier runs are not here; only the state in the bucket is shared. */
    const forgetRunFolders = () => {
        const runs = path.join(world.estate.home, "runs");
        if (fs.existsSync(runs)) fs.renameSync(runs, `${runs}-${Date.now()}`);
    };

    before(async () => {
        world = await InspectWorld.start();
        await world.build();
        await world.deploy();
        motoB = await startMoto();
        proxy = await KillingProxy.start(motoB.url);
        hubA = client(SecurityHubClient, world.moto.url);
        hubB = client(SecurityHubClient, motoB.url);
        s3A = client(S3Client, world.moto.url, { forcePathStyle: true });
        s3B = client(S3Client, motoB.url, { forcePathStyle: true });
        for (const s3 of [s3A, s3B])
            await s3.send(new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: REGION } }));
        // Night 2 has a Trivy report for the node image: its "no fresh scan" finding of night 1 is resolved.
        const evidence = path.join(world.work, "evidence");
        fs.mkdirSync(evidence);
        fs.writeFileSync(
            path.join(evidence, "node-trivy.json"),
            JSON.stringify({
                SchemaVersion: 2,
                ArtifactType: "container_image",
                CreatedAt: "2026-12-01T00:00:00Z",
                Metadata: { RepoDigests: [world.images.node!.reference] },
                Results: [{ Vulnerabilities: [] }],
            }),
        );
        nodeEvidence = ["--evidence", path.join(evidence, "node-trivy.json")];
        const sns = client(SNSClient, world.moto.url);
        const sqs = client(SQSClient, world.moto.url);
        topicArn = (await sns.send(new CreateTopicCommand({ Name: "inspection-findings" }))).TopicArn!;
        const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "inspection-inbox" }));
        const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["QueueArn"] }))).Attributes!.QueueArn;
        await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: "sqs", Endpoint: queueArn }));
        inbox = async () => {
            const answer = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
            return (answer.Messages ?? []).map((m) => (JSON.parse(m.Body!) as { Message: string }).Message);
        };

        // The uninterrupted sequence, on the world's moto, with notifications.
        night1 = world.inspect(publishArgs(false), { env: { EDF_INSPECTION_TOPIC_ARN: topicArn } });
        assert.ok(night1.dir, night1.stderr);
        report1 = night1.report();
        hubAfterNight1 = await allFindings(hubA);
        forgetRunFolders();
        night2 = world.inspect(publishArgs(true), { env: { EDF_INSPECTION_TOPIC_ARN: topicArn } });
        assert.ok(night2.dir, night2.stderr);
        report2 = night2.report();
    });
    after(async () => {
        for (const c of [hubA, hubB, s3A, s3B]) c?.destroy();
        await proxy?.stop();
        await motoB?.stop();
        await world?.stop();
    });

    it("imports every unwaived finding of the report into Security Hub, as ASFF readable with GetFindings", async () => {
        assert.equal(night1.code, EXIT_CODES.policyViolation, night1.stderr);
        assert.match(night1.stderr, /published to Security Hub \(eu-west-1\): \d+ active, 0 archived, \d+ waived left out/);
        const report = report1;
        const findings = hubAfterNight1;
        assert.ok(expectedIds(report).length >= 20, `a realistic set: ${expectedIds(report).length}`);
        assert.deepEqual(findings.map((f) => f.Id).sort(), expectedIds(report));
        assert.ok(findings.every((f) => f.RecordState === "ACTIVE" && f.Compliance?.Status === "FAILED"));
        const payments = findings.find(
            (f) => f.Id!.startsWith("edf/prod/payments/") && f.GeneratorId === "edf-runtime/image-no-fixable-critical-high",
        )!;
        assert.deepEqual(
            payments.Resources?.map((r) => [r.Type, r.Id]),
            [
                ["AwsEcsService", "arn:aws:ecs:eu-west-1:123456789012:service/payments/payments"],
                ["AwsEcrContainerImage", `arn:aws:ecr:eu-west-1:123456789012:repository/payments/${world.images.payments!.digest}`],
            ],
        );
        assert.ok(
            payments.Compliance?.RelatedRequirements?.some((r) => /^PCI DSS v4\.0\.1\/\d+\.\d+/.test(r)),
            "PCI DSS ids from the mapping",
        );
        const drifted = findings.find((f) => f.GeneratorId === "edf-runtime/image-running-digest-matches-declared")!;
        assert.equal(
            drifted.Resources?.find((r) => r.Type === "Container")?.Details?.Container?.ImageId,
            world.images["drifted-v2"]!.digest,
            "the digest that runs, not the declared one",
        );
        assert.ok(
            report.stacks.some((s) => s.findings.some((f) => f.waivedBy)),
            "the waived finding is left out",
        );
    });

    it("updates instead of duplicating on the next run, and archives the finding resolved since", async () => {
        assert.equal(night2.code, EXIT_CODES.policyViolation, night2.stderr);
        const resolved = report2.delta.resolvedFindings;
        assert.deepEqual(
            resolved.map((f) => f.policyId),
            ["image-scan-complete-and-fresh"],
            "the node image's missing scan, resolved by its Trivy report",
        );
        const byId = new Map((await allFindings(hubA)).map((f) => [f.Id!, f]));
        assert.equal(byId.size, expectedIds(report1).length, "no finding duplicated");
        const archived = [...byId.values()].filter((f) => f.RecordState === "ARCHIVED");
        assert.deepEqual(
            archived.map((f) => [f.Id, f.Compliance?.Status]),
            [[`edf/prod/${resolved[0]!.unit}/${resolved[0]!.fingerprint}`, "PASSED"]],
        );
        assert.deepEqual([...byId.keys()].filter((id) => byId.get(id)!.RecordState === "ACTIVE").sort(), expectedIds(report2));
    });

    it("computes the delta from the state in the bucket when the run folders of earlier runs are gone", () => {
        const report = report2;
        assert.equal(report.delta.newFindings.length, 0);
        assert.deepEqual(report.delta.baseline?.runs, [path.basename(night1.dir!)]);
        assert.ok(report.stacks.flatMap((s) => s.findings).every((f) => !f.new));
    });

    it("keeps the inspection state in the bucket as whole documents", async () => {
        const keys = (await s3A.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents?.map((o) => o.Key).sort();
        assert.deepEqual(keys, [`${PREFIX}/${HISTORY_STATE}`, `${PREFIX}/notified.json`, `${PREFIX}/${SECURITY_HUB_STATE}`]);
        const state = await new S3StateStore(s3A, BUCKET, PREFIX).read<SecurityHubState>(SECURITY_HUB_STATE);
        assert.deepEqual(Object.keys(state!.active).sort(), expectedIds(report2));
        assert.deepEqual(state!.pending, {});
    });

    it("notifies the topic of new mandatory findings once, on the night they appear", async () => {
        const messages = await inbox();
        assert.equal(messages.length, 1, messages.join("\n---\n"));
        assert.match(messages[0]!, /^The scheduled inspection of prod .* found \d+ mandatory finding\(s\) the previous run did not have/);
    });

    it("converges after runs SIGKILLed midway through the inspection and through the publication", async function () {
        const env = sequenceB();
        // Asynchronously: the proxy lives in this process, which a synchronous spawn would stop from answering.
        const b1 = await runAsync(publishArgs(false), env);
        assert.equal(b1.code, EXIT_CODES.policyViolation, b1.stderr);
        forgetRunFolders();

        // Night 2, killed after the first stack was inspected: nothing of it is published yet.
        const afterNight1 = await publishedSet(hubB);
        const midInspection = await runUntilKilled(publishArgs(true), env, (stderr) => /\binspected: /.test(stderr));
        assert.equal(midInspection.signal, "SIGKILL", midInspection.stderr);
        assert.deepEqual(await publishedSet(hubB), afterNight1);

        // Night 2 again, killed right after Security Hub took its batch, before the run recorded it.
        const midPublication = await runUntilKilled(publishArgs(true), env, undefined, true);
        assert.equal(midPublication.signal, "SIGKILL", midPublication.stderr);
        assert.ok(proxy.killed);
        const torn = await new S3StateStore(s3B, BUCKET, PREFIX).read<SecurityHubState>(SECURITY_HUB_STATE);
        assert.ok(Object.keys(torn!.pending).length > 0, "killed between its batch and its record of it");

        const rerun = await runAsync(publishArgs(true), env);
        assert.equal(rerun.code, EXIT_CODES.policyViolation, rerun.stderr);
        assert.deepEqual(await publishedSet(hubB), await publishedSet(hubA));
    });

    /** Runs `edf inspect` to its end without blocking this process (the proxy answers from here). */
    async function runAsync(args: string[], env: Record<string, string>): Promise<InspectRunResult> {
        const command = world.inspectCommand(args, { env });
        const child = spawn(process.execPath, command.args, { cwd: PROJECT_ROOT, env: command.env, stdio: "pipe" });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? -1)));
        return world.resultOf(command.home, { code, stdout, stderr });
    }

    /** Runs `edf inspect` in a process group of its own and SIGKILLs the group when `killWhen` holds (or the proxy does). */
    async function runUntilKilled(
        args: string[],
        env: Record<string, string>,
        killWhen: ((stderr: string) => boolean) | undefined,
        byProxy = false,
    ): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
        const command = world.inspectCommand(args, { env });
        const child = spawn(process.execPath, command.args, { cwd: PROJECT_ROOT, env: command.env, detached: true, stdio: "pipe" });
        if (byProxy) proxy.arm(child);
        let stderr = "";
        child.stdout.resume();
        child.stderr.on("data", (chunk: Buffer) => {
            stderr += chunk.toString();
            if (killWhen?.(stderr) && child.exitCode === null && !child.killed) process.kill(-child.pid!, "SIGKILL");
        });
        const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("close", (_code, s) => resolve(s)));
        proxy.disarm();
        return { signal, stderr };
    }

    it("refuses, before inspecting anything, a state it cannot read, missing credentials and an unknown target", () => {
        const runs = () =>
            fs.existsSync(path.join(world.estate.home, "runs")) ? fs.readdirSync(path.join(world.estate.home, "runs")).length : 0;
        const before = runs();
        const noBucket = world.inspect(["--publish", "securityhub", "--state", "s3://no-such-bucket/prod"]);
        assert.equal(noBucket.code, EXIT_CODES.badInput);
        assert.match(
            noBucket.stderr,
            /EDF_INSPECTION_STATE: The inspection state at s3:\/\/no-such-bucket\/prod cannot be read or written[\s\S]*NoSuchBucket/,
        );
        const noCredentials = world.inspect(["--publish", "securityhub"], {
            env: {
                AWS_ACCESS_KEY_ID: "",
                AWS_SECRET_ACCESS_KEY: "",
                AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
                AWS_CONFIG_FILE: "/nonexistent",
            },
        });
        assert.equal(noCredentials.code, EXIT_CODES.badInput);
        assert.match(noCredentials.stderr, /EDF_AWS_CREDENTIALS: `edf inspect --publish securityhub` needs AWS credentials/);
        const unknown = world.inspect(["--publish", "sechub"]);
        assert.equal(unknown.code, EXIT_CODES.badInput);
        assert.match(unknown.stderr, /EDF_USAGE: `--publish` does not know `sechub`/);
        assert.equal(runs(), before, "no run folder: nothing ran");
    });
});
