import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { inspect } from "../../../../policy-packs/lib/inspect";
import { validatePolicyMetadata } from "../../../../policy-packs/lib/model";
import { runtimeEvidenceConfig } from "../../../../policy-packs/runtime/config";
import { mergeEvidence, RuntimeEvidence } from "../../../../policy-packs/runtime/evidence/model";
import { parseCycloneDx, parseGrypeReport, parseTrivyReport } from "../../../../policy-packs/runtime/evidence/scanners";
import { imageNoFixableCriticalHigh } from "../../../../policy-packs/runtime/policies/image-no-fixable-critical-high";
import { imageNoForbiddenSoftware } from "../../../../policy-packs/runtime/policies/image-no-forbidden-software";
import { imageRunningDigestMatchesDeclared } from "../../../../policy-packs/runtime/policies/image-running-digest-matches-declared";
import { imageSbomPresent } from "../../../../policy-packs/runtime/policies/image-sbom-present";
import { imageScanCompleteAndFresh } from "../../../../policy-packs/runtime/policies/image-scan-complete-and-fresh";
import { runtimePolicies } from "../../../../policy-packs/runtime/policy-list";
import { changeContainers, compliantEstate, DIGEST } from "../../../fixtures/policy/estate";
import { describePolicy, RunOptions } from "../support/policy-cases";

const fixture = (name: string) =>
    JSON.parse(fs.readFileSync(path.join(__dirname, "../../../fixtures/policy/evidence", name), "utf8")) as unknown;
const TD = "aws:ecs/taskDefinition:TaskDefinition";
const OTHER = `sha256:${"ef".repeat(32)}`;
const only = () => compliantEstate().filter((r) => r.type === TD);

/** Clean evidence for the estate's image: a fresh complete scan, nothing fixable, an SBOM, running as declared. */
function clean(over: Partial<RuntimeEvidence> = {}): RuntimeEvidence {
    return {
        collectedAt: "2026-11-27T00:00:00.000Z",
        images: {
            [DIGEST]: {
                digest: DIGEST,
                scans: [
                    {
                        source: "ecr-enhanced",
                        status: "COMPLETE",
                        completedAt: "2026-11-26T00:00:00.000Z",
                        vulnerabilities: [
                            { id: "CVE-2026-1111", severity: "LOW", fixable: true, firstObservedAt: "2026-01-01T00:00:00.000Z" },
                        ],
                    },
                ],
                sbom: { format: "CycloneDX", components: [{ name: "payments" }, { name: "libssl3" }] },
            },
        },
        running: [{ family: "payments", container: "app", digest: DIGEST, observedIn: "service payments" }],
        ...over,
    };
}
const withImage = (patch: Record<string, unknown>) => clean({ images: { [DIGEST]: { ...clean().images[DIGEST], ...patch } as never } });
const opts = (evidence: RuntimeEvidence, environment = "prod"): RunOptions => ({ environment, config: runtimeEvidenceConfig(evidence) });
const vuln = (over: Record<string, unknown>) =>
    withImage({
        scans: [
            {
                source: "trivy",
                status: "COMPLETE",
                completedAt: "2026-11-26T00:00:00.000Z",
                vulnerabilities: [
                    {
                        id: "CVE-2026-0001",
                        severity: "CRITICAL",
                        fixable: true,
                        firstObservedAt: "2026-09-01T00:00:00.000Z",
                        package: "openssl",
                        fixedVersion: "3.0.13",
                        ...over,
                    },
                ],
            },
        ],
    });

describe("runtime policies", () => {
    it("have sound metadata", () => assert.deepStrictEqual(validatePolicyMetadata(runtimePolicies), []));
    it("pin every id, level, severity and waivability", () => {
        assert.deepStrictEqual(Object.fromEntries(runtimePolicies.map((p) => [p.id, [p.enforcementLevel, p.severity, p.waivable]])), {
            "image-content-matches-digest": ["mandatory", "critical", false],
            "image-distribution-supported": ["mandatory", "high", true],
            "image-no-fixable-critical-high": ["mandatory", "critical", true],
            "image-no-forbidden-software": ["mandatory", "high", true],
            "image-no-secret-material": ["mandatory", "critical", true],
            "image-no-setuid-outside-allowlist": ["advisory", "medium", true],
            "image-no-world-writable-files": ["advisory", "low", true],
            "image-running-digest-matches-declared": ["mandatory", "high", false],
            "image-runs-as-non-root": ["mandatory", "high", true],
            "image-sbom-present": ["mandatory", "medium", true],
            "image-scan-complete-and-fresh": ["mandatory", "high", true],
        });
        const files = fs
            .readdirSync(path.join(__dirname, "../../../../policy-packs/runtime/policies"))
            .map((f) => f.replace(/\.ts$/, ""))
            .sort();
        assert.deepStrictEqual(files, runtimePolicies.map((p) => p.id).sort());
    });

    describePolicy(imageNoFixableCriticalHigh, {
        compliant: compliantEstate,
        options: opts(clean()),
        nonCompliant: [
            {
                name: "a fixable critical older than 30 days",
                resources: compliantEstate,
                options: opts(vuln({})),
                expect: /must not carry fixable CRITICAL CVE-2026-0001 in openssl \(fixed in 3\.0\.13\), open 87 days \(limit 30\)/,
            },
            {
                name: "a high of unknown fixability (ECR basic scanning) by default",
                resources: compliantEstate,
                options: opts(vuln({ severity: "HIGH", fixable: undefined })),
                expect: /fixable HIGH CVE-2026-0001/,
            },
        ],
        notApplicable: [
            {
                name: "resources other than task definitions",
                resources: () => compliantEstate().filter((r) => r.type === "aws:ecs/service:Service"),
                options: opts(vuln({})),
            },
        ],
    });
    describe("image-no-fixable-critical-high exceptions", () => {
        const run = async (ev: RuntimeEvidence) =>
            (
                await inspect({ policies: runtimePolicies, resources: only(), environment: "prod", config: runtimeEvidenceConfig(ev) })
            ).findings.filter((f) => f.policyId === imageNoFixableCriticalHigh.id);
        it("ignores a finding VEX marks not affected", async () => {
            const ev = vuln({ id: "CVE-2026-0002" });
            assert.strictEqual((await run(ev)).length, 1);
            const vexed = { ...ev, images: { [DIGEST]: { ...ev.images[DIGEST], vex: { "CVE-2026-0002": "not_affected" as const } } } };
            assert.deepStrictEqual(await run(vexed), []);
        });
        it("ignores a finding younger than the allowed age and one without a fix", async () => {
            assert.deepStrictEqual(await run(vuln({ firstObservedAt: "2026-11-10T00:00:00.000Z" })), []);
            assert.deepStrictEqual(await run(vuln({ fixable: false })), []);
        });
    });

    describePolicy(imageScanCompleteAndFresh, {
        compliant: compliantEstate,
        options: opts(clean()),
        nonCompliant: [
            {
                name: "an image without scan evidence",
                resources: compliantEstate,
                options: opts(clean({ images: {} })),
                expect: /must have a completed vulnerability scan \(no scan evidence\)/,
            },
            {
                name: "a scan still in progress",
                resources: compliantEstate,
                options: opts(withImage({ scans: [{ source: "ecr-basic", status: "IN_PROGRESS", vulnerabilities: [] }] })),
                expect: /status IN_PROGRESS/,
            },
            {
                name: "a stale scan",
                resources: compliantEstate,
                options: opts(
                    withImage({
                        scans: [{ source: "ecr-basic", status: "COMPLETE", completedAt: "2026-10-01T00:00:00.000Z", vulnerabilities: [] }],
                    }),
                ),
                expect: /within 7 days \(last complete scan 57 days/,
            },
            {
                // With a task running, its digest is what is judged; with none, only the declaration is left.
                name: "an image reference that resolves to no digest, nothing running",
                resources: () =>
                    changeContainers(compliantEstate(), (cs) => [
                        { ...cs[0], image: "111111111111.dkr.ecr.eu-west-1.amazonaws.com/payments:1.0" },
                    ]),
                options: opts(clean({ running: [] })),
                expect: /neither pinned by digest nor resolved/,
            },
        ],
        notApplicable: [
            {
                name: "resources other than task definitions",
                resources: () => compliantEstate().filter((r) => r.type === "aws:ecs/service:Service"),
                options: opts(clean()),
            },
        ],
    });
    describePolicy(imageSbomPresent, {
        compliant: compliantEstate,
        options: opts(clean()),
        nonCompliant: [
            {
                name: "an image without an SBOM",
                resources: compliantEstate,
                options: opts(withImage({ sbom: undefined })),
                expect: /must have a CycloneDX SBOM/,
            },
        ],
        notApplicable: [
            {
                name: "resources other than task definitions",
                resources: () => compliantEstate().filter((r) => r.type === "aws:ecs/service:Service"),
                options: opts(clean()),
            },
        ],
    });
    describePolicy(imageNoForbiddenSoftware, {
        compliant: compliantEstate,
        options: opts(clean()),
        nonCompliant: [
            {
                name: "a production image with a shell and a package manager",
                resources: compliantEstate,
                options: opts(
                    withImage({
                        sbom: { format: "CycloneDX", components: [{ name: "bash" }, { name: "apk-tools" }, { name: "payments" }] },
                    }),
                ),
                expect: /must not contain apk-tools, bash/,
            },
        ],
        notApplicable: [
            {
                name: "dev images",
                resources: only,
                options: opts(withImage({ sbom: { format: "CycloneDX", components: [{ name: "bash" }] } }), "dev"),
            },
        ],
    });
    describePolicy(imageRunningDigestMatchesDeclared, {
        compliant: compliantEstate,
        options: opts(clean()),
        nonCompliant: [
            {
                name: "a container running another digest",
                resources: compliantEstate,
                options: opts(
                    clean({ running: [{ family: "payments", container: "app", digest: OTHER, observedIn: "service payments" }] }),
                ),
                expect: /runs sha256:efefefefefef… in service payments but declares sha256:abababababab…/,
            },
        ],
        notApplicable: [{ name: "task families not observed running", resources: only, options: opts(clean({ running: [] })) }],
    });
});

describe("runtime evidence", () => {
    it("reads a Trivy report keyed by the repo digest, fixability from FixedVersion", () => {
        const ev = parseTrivyReport(fixture("trivy.json"));
        assert.strictEqual(ev.digest, DIGEST);
        assert.deepStrictEqual(
            ev.scans?.[0].vulnerabilities.map((v) => [v.id, v.severity, v.fixable]),
            [
                ["CVE-2026-0001", "CRITICAL", true],
                ["CVE-2026-0002", "HIGH", false],
                ["CVE-2026-0003", "MEDIUM", true],
            ],
        );
    });
    it("reads a Grype report keyed by the manifest digest", () => {
        const ev = parseGrypeReport(fixture("grype.json"));
        assert.strictEqual(ev.digest, DIGEST);
        assert.deepStrictEqual(
            ev.scans?.[0].vulnerabilities.map((v) => [v.id, v.severity, v.fixable]),
            [
                ["GHSA-aaaa-bbbb-cccc", "HIGH", true],
                ["CVE-2026-0009", "INFORMATIONAL", false],
            ],
        );
    });
    it("reads a CycloneDX SBOM with its VEX analyses", () => {
        const ev = parseCycloneDx(fixture("sbom.cdx.json"));
        assert.strictEqual(ev.digest, DIGEST);
        assert.strictEqual(ev.sbom?.components.length, 3);
        assert.deepStrictEqual(ev.vex, { "CVE-2026-0001": "in_triage", "CVE-2026-0002": "not_affected" });
    });
    it("merges scanner, SBOM and VEX evidence per digest, and the policies judge the merge", async () => {
        const merged = mergeEvidence("2026-11-27T00:00:00.000Z", [
            { images: { [DIGEST]: parseTrivyReport(fixture("trivy.json")) } },
            { images: { [DIGEST]: parseCycloneDx(fixture("sbom.cdx.json")) } },
            { running: [{ family: "payments", container: "app", digest: DIGEST }] },
        ]);
        const result = await inspect({
            policies: runtimePolicies,
            resources: only(),
            environment: "prod",
            config: runtimeEvidenceConfig(merged),
            now: new Date("2026-11-27T00:00:00Z"),
        });
        // CVE-2026-0001: fixable critical, only "in triage"; observed since the scan of 2026-11-20 (7 days) → within 30 days.
        assert.deepStrictEqual(
            result.findings.map((f) => f.policyId),
            [],
        );
        const later = { ...merged, collectedAt: "2027-01-15T00:00:00.000Z" };
        const late = await inspect({
            policies: runtimePolicies,
            resources: only(),
            environment: "prod",
            config: runtimeEvidenceConfig(later),
            now: new Date("2027-01-15T00:00:00Z"),
        });
        assert.deepStrictEqual(late.findings.map((f) => f.policyId).sort(), [
            "image-no-fixable-critical-high",
            "image-scan-complete-and-fresh",
        ]);
        assert.match(late.findings.find((f) => f.policyId === "image-no-fixable-critical-high")?.message ?? "", /CVE-2026-0001/);
    });
    it("rejects malformed evidence with every problem named", () => {
        assert.throws(
            () =>
                runtimeEvidenceConfig(
                    { collectedAt: "yesterday", images: { "sha256:abc": { digest: "x" } }, running: [{ family: "p" }] },
                    "evidence.json",
                ),
            (e: Error) => {
                assert.match(e.message, /evidence\.json: `collectedAt`/);
                assert.match(e.message, /`images` property name must be valid/);
                assert.match(e.message, /`running\.0` must have required property 'container'/);
                return true;
            },
        );
        assert.throws(
            () => runtimeEvidenceConfig({ collectedAt: "", images: { [DIGEST]: { digest: OTHER } }, running: [] }),
            /must be keyed by its own digest/,
        );
    });
    it("rejects reports that are not what they claim, saying how to produce the right one", () => {
        assert.throws(
            () => parseTrivyReport({ Results: [] }, "scan.json"),
            /scan\.json: not a Trivy JSON report .*trivy image --format json/,
        );
        assert.throws(() => parseGrypeReport({ matches: [] }, "g.json"), /g\.json: not a Grype JSON report/);
        assert.throws(
            () => parseCycloneDx({ bomFormat: "CycloneDX", components: [] }, undefined, "sbom.json"),
            /sbom\.json: does not record the image digest: pass it explicitly/,
        );
        assert.throws(() => parseCycloneDx({ bomFormat: "SPDX" }, DIGEST), /not a CycloneDX JSON document/);
    });
    it("rejects config for policies the runtime pack does not have", async () => {
        await assert.rejects(
            inspect({
                policies: runtimePolicies,
                resources: only(),
                environment: "prod",
                config: runtimeEvidenceConfig(clean(), "e", { "image-sbom-presnt": {} }),
            }),
            /`image-sbom-presnt` is not a policy of this pack/,
        );
    });
});
