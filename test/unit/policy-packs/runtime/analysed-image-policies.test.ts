import * as assert from "assert";
import { runtimeEvidenceConfig } from "../../../../policy-packs/runtime/config";
import { DISTRIBUTION_EOL, releaseOf } from "../../../../policy-packs/runtime/distribution-eol";
import type { AnalysisEvidence, RuntimeEvidence } from "../../../../policy-packs/runtime/evidence/model";
import { imageContentMatchesDigest } from "../../../../policy-packs/runtime/policies/image-content-matches-digest";
import { imageDistributionSupported } from "../../../../policy-packs/runtime/policies/image-distribution-supported";
import { imageNoForbiddenSoftware } from "../../../../policy-packs/runtime/policies/image-no-forbidden-software";
import { imageNoSecretMaterial } from "../../../../policy-packs/runtime/policies/image-no-secret-material";
import { imageNoSetuidOutsideAllowlist } from "../../../../policy-packs/runtime/policies/image-no-setuid-outside-allowlist";
import { imageNoWorldWritableFiles } from "../../../../policy-packs/runtime/policies/image-no-world-writable-files";
import { imageRunsAsNonRoot, isRootUser } from "../../../../policy-packs/runtime/policies/image-runs-as-non-root";
import { imageSbomPresent } from "../../../../policy-packs/runtime/policies/image-sbom-present";
import { judgedImages } from "../../../../policy-packs/runtime/support";
import { changeContainers, compliantEstate, DIGEST } from "../../../fixtures/policy/estate";
import { describePolicy, RunOptions, runOne } from "../support/policy-cases";

// The policies that judge what `edf inspect` found inside an image: one happy-path analysis, one
// change per case. The estate's task definition declares `payments@DIGEST` with `user 10001:10001`.

const TD = "aws:ecs/taskDefinition:TaskDefinition";
const RUNNING_ELSEWHERE = `sha256:${"cd".repeat(32)}`;
const LAYER = `sha256:${"12".repeat(32)}`;

function analysis(over: Partial<AnalysisEvidence> = {}): AnalysisEvidence {
    return {
        analyzer: "edf-inspect test",
        os: { id: "debian", versionId: "12", prettyName: "Debian GNU/Linux 12 (bookworm)" },
        user: "10001",
        exposedPorts: ["8080/tcp"],
        secretEnvNames: [],
        packages: [
            { name: "payments", version: "1.4.2", type: "npm", purl: "pkg:npm/payments@1.4.2" },
            { name: "libssl3", version: "3.0.15-1~deb12u1", type: "deb" },
        ],
        tools: [],
        setuidFiles: [],
        worldWritable: [],
        secrets: [],
        integrity: [],
        ...over,
    };
}

function evidence(
    over: Partial<AnalysisEvidence> = {},
    collectedAt = "2026-11-27T00:00:00.000Z",
    extra: Partial<RuntimeEvidence> = {},
): RuntimeEvidence {
    return {
        collectedAt,
        images: { [DIGEST]: { digest: DIGEST, analysis: analysis(over) } },
        running: [{ family: "payments", container: "app", digest: DIGEST, observedIn: "prod/payments task 1" }],
        ...extra,
    };
}
const opts = (ev: RuntimeEvidence, environment = "prod"): RunOptions => ({ environment, config: runtimeEvidenceConfig(ev) });
const taskOnly = () => compliantEstate().filter((r) => r.type === TD);
const withoutUser = () => changeContainers(compliantEstate(), (cs) => cs.map(({ user: _user, ...c }) => c));
const notAnalysed = {
    name: "a task definition whose image was not analysed",
    resources: compliantEstate,
    options: opts({ collectedAt: "2026-11-27T00:00:00.000Z", images: {}, running: [] }),
};

describe("runtime policies on the analysed image", () => {
    describePolicy(imageContentMatchesDigest, {
        compliant: compliantEstate,
        options: opts(evidence()),
        nonCompliant: [
            {
                name: "a layer that does not match its digest",
                resources: compliantEstate,
                options: opts(
                    evidence({
                        integrity: [
                            { subject: "layer", digest: LAYER, message: "layer 1 (sha256:121212121212) does not match its digest" },
                        ],
                    }),
                ),
                expect: /must match its digests: layer 1 \(sha256:121212121212\) does not match its digest/,
            },
        ],
        notApplicable: [notAnalysed],
    });

    describePolicy(imageRunsAsNonRoot, {
        compliant: compliantEstate,
        options: opts(evidence({ user: "" })),
        nonCompliant: [
            {
                name: "an image with no USER and a task definition with no user",
                resources: withoutUser,
                options: opts(evidence({ user: "" })),
                expect: /must not run as root: the image sets no USER and the task definition no `user`/,
            },
            {
                name: "a task definition that sets user 0 over a non-root image",
                resources: () => changeContainers(compliantEstate(), (cs) => [{ ...cs[0], user: "0:0" }]),
                options: opts(evidence({ user: "10001" })),
                expect: /the task definition sets `user` to `0:0`/,
            },
            {
                name: "an image whose USER is root:root",
                resources: withoutUser,
                options: opts(evidence({ user: "root:root" })),
                expect: /the image sets USER `root:root`/,
            },
        ],
        notApplicable: [notAnalysed],
    });
    it("knows root in every spelling", () => {
        assert.deepStrictEqual(["", "root", "0", "0:0", "root:wheel", "10001", "app", "1000:0"].map(isRootUser), [
            true,
            true,
            true,
            true,
            true,
            false,
            false,
            false,
        ]);
    });

    describePolicy(imageNoSecretMaterial, {
        compliant: compliantEstate,
        options: opts(evidence()),
        nonCompliant: [
            {
                name: "a private key deleted by a later layer (still in the image)",
                resources: compliantEstate,
                options: opts(
                    evidence({
                        secrets: [
                            {
                                path: "/root/.ssh/id_rsa",
                                kind: "private-key",
                                layer: LAYER,
                                layerIndex: 1,
                                present: false,
                                fingerprint: "sha256:00",
                            },
                        ],
                    }),
                ),
                expect: /must not contain private-key material: `\/root\/.ssh\/id_rsa` \(layer 1 sha256:121212121212…, deleted by a later layer but still in layer 1\)/,
            },
            {
                name: "a secret-looking environment value baked into the image",
                resources: compliantEstate,
                options: opts(evidence({ secretEnvNames: ["DB_PASSWORD"] })),
                expect: /must not set the secret-looking environment variable `DB_PASSWORD` in the image \(its value is not shown\)/,
            },
        ],
        notApplicable: [notAnalysed],
    });
    it("image-no-secret-material lets an allow-listed path pass", async () => {
        const ev = evidence({
            secrets: [{ path: "/app/test.pem", kind: "private-key", layer: LAYER, layerIndex: 0, present: true, fingerprint: "sha256:00" }],
        });
        const config = runtimeEvidenceConfig(ev, "test", { "image-no-secret-material": { allowPaths: ["/app/test.pem"] } });
        const result = await runOne(imageNoSecretMaterial, taskOnly(), { environment: "prod", config });
        assert.deepStrictEqual(result.diagnostics, []);
    });

    describePolicy(imageNoSetuidOutsideAllowlist, {
        compliant: compliantEstate,
        options: opts(evidence()),
        nonCompliant: [
            {
                name: "a setuid binary not on the allow-list (mandatory in prod)",
                resources: compliantEstate,
                options: opts(evidence({ setuidFiles: [{ path: "/usr/bin/su", mode: "4755", setuid: true }] })),
                expect: /must not have setuid\/setgid files outside the allow-list: \/usr\/bin\/su \(setuid 4755\)/,
            },
        ],
        notApplicable: [notAnalysed],
    });
    it("image-no-setuid-outside-allowlist is advisory outside prod and honours the allow-list", async () => {
        const ev = evidence({ setuidFiles: [{ path: "/usr/bin/passwd", mode: "4755", setuid: true }] });
        const dev = await runOne(imageNoSetuidOutsideAllowlist, taskOnly(), opts(ev, "dev"));
        assert.deepStrictEqual(
            dev.diagnostics.map((d) => d.enforcementLevel),
            ["advisory"],
        );
        const config = runtimeEvidenceConfig(ev, "test", { "image-no-setuid-outside-allowlist": { allowList: ["/usr/bin/passwd"] } });
        assert.deepStrictEqual((await runOne(imageNoSetuidOutsideAllowlist, taskOnly(), { environment: "prod", config })).diagnostics, []);
    });

    describePolicy(imageNoWorldWritableFiles, {
        compliant: compliantEstate,
        options: opts(evidence()),
        nonCompliant: [
            {
                name: "a world-writable directory without the sticky bit",
                resources: compliantEstate,
                options: opts(evidence({ worldWritable: [{ path: "/app/uploads", mode: "0777" }] })),
                expect: /must not have world-writable paths: \/app\/uploads \(0777\)/,
            },
        ],
        notApplicable: [notAnalysed],
    });

    describePolicy(imageDistributionSupported, {
        compliant: compliantEstate,
        options: opts(evidence()),
        nonCompliant: [
            {
                name: "Debian 10, past its end of LTS",
                resources: compliantEstate,
                options: opts(evidence({ os: { id: "debian", versionId: "10" } })),
                expect: /runs Debian 10 \(buster\), which stopped receiving security updates on 2024-06-30 \(end-of-life table of 2026-12-05\)/,
            },
            {
                name: "Alpine 3.20.3, judged by its 3.20 branch",
                resources: compliantEstate,
                options: opts(evidence({ os: { id: "alpine", versionId: "3.20.3" } })),
                expect: /runs Alpine Linux 3.20, which stopped receiving security updates on 2026-04-01/,
            },
            {
                name: "a release ending within the configured warning window",
                resources: compliantEstate,
                options: {
                    environment: "prod",
                    config: runtimeEvidenceConfig(evidence({ os: { id: "amzn", versionId: "2023" } }, "2029-06-01T00:00:00.000Z"), "test", {
                        "image-distribution-supported": { warnDays: 60 },
                    }),
                },
                expect: /whose security updates end on 2029-06-30 \(in 29 days\)/,
            },
        ],
        notApplicable: [
            notAnalysed,
            { name: "an image without a distribution (scratch)", resources: compliantEstate, options: opts(evidence({ os: undefined })) },
            {
                name: "a distribution the table does not know",
                resources: compliantEstate,
                options: opts(evidence({ os: { id: "wolfi", versionId: "20230201" } })),
            },
        ],
    });
    it("has an end-of-life table that is dated, well formed and resolves RHEL minor releases and Alpine point releases", () => {
        for (const [id, releases] of Object.entries(DISTRIBUTION_EOL))
            for (const [version, r] of Object.entries(releases)) assert.match(r.endOfSupport, /^\d{4}-\d{2}-\d{2}$/, `${id} ${version}`);
        assert.strictEqual(releaseOf("rhel", "9.4")?.name, "Red Hat Enterprise Linux 9");
        assert.strictEqual(releaseOf("alpine", "3.22.1")?.name, "Alpine Linux 3.22");
        assert.strictEqual(releaseOf("ubuntu", "24.04")?.name, "Ubuntu 24.04 LTS");
        assert.strictEqual(releaseOf("debian", undefined), undefined);
    });

    describePolicy(imageNoForbiddenSoftware, {
        compliant: compliantEstate,
        options: opts(evidence()),
        nonCompliant: [
            {
                name: "a shell found on PATH that no package lists (copied in), and a package manager by package",
                resources: compliantEstate,
                options: opts(
                    evidence({
                        tools: [{ name: "sh", path: "/bin/sh", category: "shell" }],
                        packages: [{ name: "apk-tools", version: "2.14.4-r0", type: "apk" }],
                    }),
                ),
                expect: /must not contain apk-tools, sh \(\/bin\/sh\)/,
            },
        ],
        notApplicable: [{ name: "a non-production environment", resources: compliantEstate, options: opts(evidence(), "dev") }],
    });

    describePolicy(imageSbomPresent, {
        compliant: compliantEstate,
        options: opts(evidence()),
        nonCompliant: [
            {
                name: "an analysed image that was refused (its inventory is not trusted)",
                resources: compliantEstate,
                options: opts(evidence({ integrity: [{ subject: "manifest", digest: DIGEST, message: "tampered" }] })),
                expect: /must have a CycloneDX SBOM/,
            },
        ],
        notApplicable: [{ name: "resources other than task definitions", resources: () => compliantEstate().filter((r) => r.type !== TD) }],
    });

    describe("what is judged", () => {
        it("is the digest that runs when ECS reports one, else the declared one", () => {
            const props = taskOnly()[0]!.props;
            const running = evidence({}, undefined, {
                running: [{ family: "payments", container: "app", digest: RUNNING_ELSEWHERE, observedIn: "task 1" }],
            });
            assert.deepStrictEqual(
                judgedImages(props, running).map((i) => [i.container, i.digest, i.running]),
                [["app", RUNNING_ELSEWHERE, true]],
            );
            assert.deepStrictEqual(
                judgedImages(props, evidence({}, undefined, { running: [] })).map((i) => [i.container, i.digest, i.running]),
                [["app", DIGEST, false]],
            );
        });
    });
});
