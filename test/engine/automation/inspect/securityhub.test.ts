// Slow suite: publishing `edf inspect` findings to Security Hub and keeping the inspection state in the
// team backend's bucket, against a real AWS API emulator (moto server on 127.0.0.1, fake credentials,
// never real AWS). moto 5.2.5 implements BatchImportFindings (upsert by Id) and GetFindings (no filters:
// the test reads every finding and filters itself).
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { AwsSecurityFinding, GetFindingsCommand, SecurityHubClient } from "@aws-sdk/client-securityhub";
import { S3StateStore } from "../../../../automation/inspect/state/store";
import { publishToSecurityHub, SECURITY_HUB_STATE, SecurityHubState } from "../../../../automation/inspect/securityhub/publisher";
import type { AsffContext } from "../../../../automation/inspect/securityhub/asff";
import { estateFindings, fingerprintOf } from "../../../support/inspection-findings";
import { startMoto, useServer } from "../../../support/servers";
import { PROJECT_ROOT } from "../../../support/toolchain";

const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };
const BUCKET = "edf-state-prod";
const CHILD = path.join(__dirname, "support", "publish-child.ts");
const context = (observedAt: string): AsffContext => ({
    partition: "aws",
    region: "eu-west-1",
    accountId: "123456789012",
    environment: "prod",
    observedAt,
});

describe("publishing inspection findings to Security Hub (moto server)", function () {
    this.timeout(180_000);
    const moto = useServer(startMoto);
    let hub: SecurityHubClient;
    let s3: S3Client;
    let batchSizes: number[];

    before(() => {
        hub = new SecurityHubClient({ endpoint: moto().url, region: "eu-west-1", credentials: CREDENTIALS });
        s3 = new S3Client({ endpoint: moto().url, region: "eu-west-1", credentials: CREDENTIALS, forcePathStyle: true });
        hub.middlewareStack.add(
            (next, ctx) => async (args) => {
                if (ctx.commandName === "BatchImportFindingsCommand")
                    batchSizes.push((args.input as { Findings: unknown[] }).Findings.length);
                return next(args);
            },
            { step: "initialize", name: "countBatches" },
        );
    });
    after(() => {
        hub?.destroy();
        s3?.destroy();
    });
    beforeEach(async () => {
        batchSizes = [];
        await fetch(`${moto().url}/moto-api/reset`, { method: "POST" });
        await s3.send(new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
    });

    async function allFindings(): Promise<AwsSecurityFinding[]> {
        const out: AwsSecurityFinding[] = [];
        let token: string | undefined;
        do {
            const page = await hub.send(new GetFindingsCommand({ MaxResults: 100, NextToken: token }));
            out.push(...(page.Findings ?? []));
            token = page.NextToken;
        } while (token);
        return out;
    }
    /** Each finding's id and record state, sorted: what the security team sees. */
    const published = async () => (await allFindings()).map((f) => `${f.Id} ${f.RecordState}`).sort();
    const store = (prefix = "edf/edf-inspections/prod") => new S3StateStore(s3, BUCKET, prefix);

    it("imports findings in batches of 100 as ASFF, readable with GetFindings", async () => {
        const result = await publishToSecurityHub(hub, store(), estateFindings(5, 50), context("2026-12-05T06:00:00.000Z"));
        assert.deepEqual(result, { active: 250, archived: 0, waived: 0, batches: 3 });
        assert.deepEqual(batchSizes, [100, 100, 50]);
        const findings = await allFindings();
        assert.equal(findings.length, 250);
        const one = findings.find((f) => f.Id === `edf/prod/services/svc-02/${fingerprintOf(2, 4)}`)!;
        assert.deepEqual([one.Severity?.Label, one.RecordState, one.Compliance?.Status], ["CRITICAL", "ACTIVE", "FAILED"]);
        assert.deepEqual(one.Compliance?.RelatedRequirements, ["PCI DSS v4.0.1/6.3.3", "PCI DSS v4.0.1/11.3.1"]);
        assert.deepEqual(
            one.Resources?.map((r) => r.Type),
            ["AwsEcsService", "AwsEcrContainerImage"],
        );
        assert.equal(one.Resources?.[1].Details?.AwsEcrContainerImage?.ImageDigest, `sha256:${"02".repeat(32)}`);
        assert.equal(one.ProductArn, "arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default");
    });

    it("updates instead of duplicating on a second run, keeping when each finding was first seen", async () => {
        await publishToSecurityHub(hub, store(), estateFindings(3, 40), context("2026-12-05T06:00:00.000Z"));
        await publishToSecurityHub(hub, store(), estateFindings(3, 40), context("2026-12-05T12:00:00.000Z"));
        const findings = await allFindings();
        assert.equal(findings.length, 120);
        assert.ok(findings.every((f) => f.CreatedAt === "2026-12-05T06:00:00.000Z" && f.UpdatedAt === "2026-12-05T12:00:00.000Z"));
    });

    it("archives a finding resolved since the last run, and leaves out a waived one", async () => {
        await publishToSecurityHub(hub, store(), estateFindings(2, 10), context("2026-12-05T06:00:00.000Z"));
        const resolved = fingerprintOf(1, 3);
        const now = estateFindings(2, 10, { skip: new Set([resolved]) }).map((f) =>
            f.fingerprint === fingerprintOf(0, 1)
                ? { ...f, waivedBy: { id: "W-1", owner: "team", ticket: "T-1", expires: "2099-01-01", reason: "accepted" } }
                : f,
        );
        const result = await publishToSecurityHub(hub, store(), now, context("2026-12-05T12:00:00.000Z"));
        assert.deepEqual([result.active, result.archived, result.waived], [18, 2, 1]);
        const byId = new Map((await allFindings()).map((f) => [f.Id, f]));
        assert.equal(byId.size, 20);
        for (const gone of [resolved, fingerprintOf(0, 1)]) {
            const f = byId.get(`edf/prod/services/svc-0${gone === resolved ? 1 : 0}/${gone}`)!;
            assert.deepEqual([f.RecordState, f.Compliance?.Status, f.UpdatedAt], ["ARCHIVED", "PASSED", "2026-12-05T12:00:00.000Z"]);
        }
        // A third run does not archive it again, nor bring it back.
        batchSizes = [];
        await publishToSecurityHub(hub, store(), now, context("2026-12-05T18:00:00.000Z"));
        assert.deepEqual(batchSizes, [18]);
    });

    it("keeps the inspection state in the bucket as a whole document, with no partial object left", async () => {
        await publishToSecurityHub(hub, store(), estateFindings(2, 5), context("2026-12-05T06:00:00.000Z"));
        const state = await store().read<SecurityHubState>(SECURITY_HUB_STATE);
        assert.equal(Object.keys(state!.active).length, 10);
        assert.deepEqual(state!.pending, {});
        assert.equal(state!.updatedAt, "2026-12-05T06:00:00.000Z");
        const keys = (await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents?.map((o) => o.Key);
        assert.deepEqual(keys, ["edf/edf-inspections/prod/securityhub.json"]);
        assert.equal(await store("elsewhere").read(SECURITY_HUB_STATE), undefined);
    });

    it("reports the findings Security Hub refuses and retries them on the next run", async () => {
        const findings = estateFindings(1, 3);
        // An id Security Hub rejects: moto refuses a finding without resources, as AWS does.
        hub.middlewareStack.add(
            (next) => async (args) => {
                const input = args.input as { Findings: AwsSecurityFinding[] };
                input.Findings = input.Findings.map((f) => (f.Id?.endsWith(fingerprintOf(0, 2)) ? { ...f, Resources: [] } : f));
                return next(args);
            },
            { step: "initialize", name: "breakOne" },
        );
        try {
            await assert.rejects(
                publishToSecurityHub(hub, store(), findings, context("2026-12-05T06:00:00.000Z")),
                (e: Error & { code?: string }) => e.code === "EDF_SECURITYHUB_IMPORT" && /refused 1 finding/.test(e.message),
            );
        } finally {
            hub.middlewareStack.remove("breakOne");
        }
        const state = await store().read<SecurityHubState>(SECURITY_HUB_STATE);
        assert.deepEqual([Object.keys(state!.active).length, Object.keys(state!.pending).length], [2, 1]);
        await publishToSecurityHub(hub, store(), findings, context("2026-12-05T12:00:00.000Z"));
        assert.equal((await allFindings()).length, 3);
    });

    function runChild(
        prefix: string,
        services: number,
        observedAt: string,
        killAfterBatch: number,
    ): { status: number | null; signal: string | null } {
        const run = spawnSync(
            process.execPath,
            ["-r", "ts-node/register/transpile-only", CHILD, moto().url, BUCKET, prefix, String(services), "50", observedAt],
            { cwd: PROJECT_ROOT, encoding: "utf8", env: { ...process.env, EDF_TEST_KILL_AFTER_BATCH: String(killAfterBatch) } },
        );
        if (killAfterBatch === 0) assert.equal(run.status, 0, run.stderr);
        return { status: run.status, signal: run.signal };
    }

    it("converges after a run SIGKILLed halfway: re-run, the published set equals an uninterrupted run's", async () => {
        // Uninterrupted: 8 services on day 1, then 6 of them (two decommissioned) on day 2.
        runChild("uninterrupted", 8, "2026-12-05T06:00:00.000Z", 0);
        runChild("uninterrupted", 6, "2026-12-05T12:00:00.000Z", 0);
        const expected = await published();
        assert.equal(expected.filter((f) => f.endsWith("ARCHIVED")).length, 100);

        await fetch(`${moto().url}/moto-api/reset`, { method: "POST" });
        await s3.send(new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
        runChild("killed", 8, "2026-12-05T06:00:00.000Z", 0);
        // Day 2 is killed after 2 of its 4 batches: half the services' findings are in, none archived yet.
        const killed = runChild("killed", 6, "2026-12-05T12:00:00.000Z", 2);
        assert.equal(killed.signal, "SIGKILL");
        assert.notDeepEqual(await published(), expected);
        runChild("killed", 6, "2026-12-05T12:05:00.000Z", 0);
        assert.deepEqual(await published(), expected);
    });

    it("archives what a killed run had already sent when the re-run no longer finds it", async () => {
        // Day 1 publishes 2 services; day 2 (4 services) is killed after its last batch, before it records what it
        // sent; by the re-run svc-02 and svc-03 are gone. Their findings, sent by the killed run only, must end ARCHIVED.
        runChild("pending", 2, "2026-12-05T06:00:00.000Z", 0);
        runChild("pending", 4, "2026-12-05T12:00:00.000Z", 2);
        const sentByKilledRun = (await published()).filter((f) => f.includes("/svc-02/"));
        assert.equal(sentByKilledRun.length, 50);
        runChild("pending", 2, "2026-12-05T12:05:00.000Z", 0);
        const after = await published();
        assert.ok(after.filter((f) => /\/svc-0[23]\//.test(f)).every((f) => f.endsWith("ARCHIVED")));
        assert.equal(after.filter((f) => f.endsWith("ACTIVE")).length, 100);
    });
});
