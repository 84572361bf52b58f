// Slow suite: the runtime inspector's ECR evidence against a real AWS API emulator (moto server
// on 127.0.0.1, fake credentials, endpoint override: never real AWS).
import * as assert from "assert";
import { CreateRepositoryCommand, ECRClient, PutImageCommand, StartImageScanCommand } from "@aws-sdk/client-ecr";
import { inspect } from "../../../policy-packs/lib/inspect";
import { runtimeEvidenceConfig } from "../../../policy-packs/runtime/config";
import { collectEcrEvidence, fetchEcrScanEvidence } from "../../../policy-packs/runtime/evidence/ecr";
import { mergeEvidence } from "../../../policy-packs/runtime/evidence/model";
import { runtimePolicies } from "../../../policy-packs/runtime/policy-list";
import { urnOf } from "../../fixtures/policy/estate";
import { startMoto, useServer } from "../../support/servers";

function manifest(seed: string): string {
    return JSON.stringify({
        schemaVersion: 2,
        mediaType: "application/vnd.docker.distribution.manifest.v2+json",
        config: { mediaType: "application/vnd.docker.container.image.v1+json", size: 7023, digest: `sha256:${seed.repeat(64)}` },
        layers: [
            { mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", size: 32654, digest: `sha256:${seed}${"1".repeat(63)}` },
        ],
    });
}

describe("runtime evidence from ECR (moto server)", function () {
    this.timeout(120_000);
    const moto = useServer(startMoto);
    let ecr: ECRClient;

    before(() => {
        ecr = new ECRClient({ endpoint: moto().url, region: "eu-west-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    });
    after(() => ecr?.destroy());

    async function pushImage(repositoryName: string, tag: string, seed: string): Promise<string> {
        const put = await ecr.send(new PutImageCommand({ repositoryName, imageManifest: manifest(seed), imageTag: tag }));
        const digest = put.image?.imageId?.imageDigest;
        assert.ok(digest?.startsWith("sha256:"), "moto returns the manifest digest");
        return digest as string;
    }

    it("reads the findings of a scanned image as evidence keyed by its digest", async () => {
        // GIVEN a repository with an image pushed and scanned
        await ecr.send(new CreateRepositoryCommand({ repositoryName: "payments", imageScanningConfiguration: { scanOnPush: false } }));
        const digest = await pushImage("payments", "1.0.0", "a");
        await ecr.send(new StartImageScanCommand({ repositoryName: "payments", imageId: { imageDigest: digest } }));
        // WHEN the evidence is fetched through the AWS SDK
        const evidence = await fetchEcrScanEvidence(ecr, { repositoryName: "payments", imageDigest: digest });
        // THEN it carries the scan status, time and findings (moto's scanner reports one HIGH)
        assert.strictEqual(evidence.digest, digest);
        const scan = evidence.scans?.[0];
        assert.strictEqual(scan?.source, "ecr-basic");
        assert.strictEqual(scan?.status, "COMPLETE");
        assert.ok(scan?.completedAt && !Number.isNaN(Date.parse(scan.completedAt)));
        assert.ok((scan?.vulnerabilities.length ?? 0) > 0, "moto reports at least one finding");
        assert.ok(
            scan?.vulnerabilities.every((v) => v.id && v.severity && v.fixable === undefined),
            "basic scanning cannot tell fixability",
        );
    });

    it("reports an image that was never scanned as NOT_SCANNED, and the freshness policy flags it", async () => {
        await ecr.send(new CreateRepositoryCommand({ repositoryName: "worker" }));
        const digest = await pushImage("worker", "2.0.0", "d");
        const evidence = await fetchEcrScanEvidence(ecr, { repositoryName: "worker", imageDigest: digest });
        assert.strictEqual(evidence.scans?.[0].status, "NOT_SCANNED");
        const task = {
            type: "aws:ecs/taskDefinition:TaskDefinition",
            name: "worker",
            urn: urnOf("aws:ecs/taskDefinition:TaskDefinition", "worker"),
            props: {
                family: "worker",
                containerDefinitions: JSON.stringify([
                    { name: "worker", image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/worker@${digest}` },
                ]),
            },
        };
        const result = await inspect({
            policies: runtimePolicies,
            resources: [task],
            environment: "prod",
            config: runtimeEvidenceConfig(mergeEvidence(new Date().toISOString(), [{ images: { [digest]: evidence } }])),
        });
        assert.match(
            result.findings.find((f) => f.policyId === "image-scan-complete-and-fresh")?.message ?? "",
            /must have a completed vulnerability scan \(status NOT_SCANNED\)/,
        );
    });

    it("feeds the runtime pack: fresh findings pass, the same findings 40 days later fail", async () => {
        // GIVEN a new payments image, scanned, and its evidence collected
        const imageDigest = await pushImage("payments", "1.0.1", "e");
        await ecr.send(new StartImageScanCommand({ repositoryName: "payments", imageId: { imageDigest } }));
        const images = await collectEcrEvidence(ecr, [{ repositoryName: "payments", imageDigest }]);
        const scannedAt = Date.parse(images[imageDigest].scans?.[0].completedAt ?? "");
        const sbom = { format: "CycloneDX" as const, components: [{ name: "payments" }] };
        const evidenceAt = (ms: number) =>
            mergeEvidence(new Date(ms).toISOString(), [
                { images: { [imageDigest]: { ...images[imageDigest], sbom } } },
                { running: [{ family: "payments", container: "app", digest: imageDigest }] },
            ]);
        const task = {
            type: "aws:ecs/taskDefinition:TaskDefinition",
            name: "app",
            urn: urnOf("aws:ecs/taskDefinition:TaskDefinition", "app"),
            props: {
                family: "payments",
                containerDefinitions: JSON.stringify([
                    { name: "app", image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments@${imageDigest}` },
                ]),
            },
        };
        // WHEN the runtime pack judges it at collection time and 40 days later
        const fresh = await inspect({
            policies: runtimePolicies,
            resources: [task],
            environment: "prod",
            config: runtimeEvidenceConfig(evidenceAt(scannedAt + 60_000)),
        });
        const stale = await inspect({
            policies: runtimePolicies,
            resources: [task],
            environment: "prod",
            config: runtimeEvidenceConfig(evidenceAt(scannedAt + 40 * 86_400_000)),
        });
        // THEN fresh evidence passes and stale evidence fails on age of findings and of the scan
        assert.deepStrictEqual(
            fresh.findings.map((f) => f.policyId),
            [],
        );
        assert.deepStrictEqual([...new Set(stale.findings.map((f) => f.policyId))].sort(), [
            "image-no-fixable-critical-high",
            "image-scan-complete-and-fresh",
        ]);
    });

    it("names the image when ECR refuses the request", async () => {
        await assert.rejects(
            fetchEcrScanEvidence(ecr, { repositoryName: "no-such-repo", imageDigest: `sha256:${"0".repeat(64)}` }),
            /Could not read ECR scan findings of no-such-repo@sha256:0{64}/,
        );
    });
});
