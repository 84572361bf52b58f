// Slow suite: `edf inspect` end to end through the CLI, against a world of real parts on
// 127.0.0.1 (support/world.ts): two distribution registries, moto for ECS, ECR and Inspector v2,
// stacks deployed on the real engine. Every case of the list is an image of
// test/support/images/catalogue.ts; this file checks what the command makes of them.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import * as CDX from "@cyclonedx/cyclonedx-library";
import { chromium } from "playwright-core";
import { EXIT_CODES } from "../../../../automation/errors";
import type { InspectReport, InspectStackReport } from "../../../../automation/inspect/report/model";
import { freePort } from "../../../support/servers";
import { sarifValidator } from "../../../support/sarif";
import { toolchain } from "../../../support/toolchain";
import { DATE, ECR_HOST, ECR_PASSWORD, InspectRunResult, InspectWorld } from "./support/world";

const service = (report: InspectReport, name: string) => {
    for (const stack of report.stacks) for (const s of stack.services) if (s.name === name) return { stack, service: s };
    throw new Error(`no service ${name} in the report`);
};
const findingsOf = (stack: InspectStackReport, family: string) => stack.findings.filter((f) => f.resourceName === family);
const policiesOf = (report: InspectReport, name: string, state: "mandatory" | "advisory" | "waived" = "mandatory") =>
    findingsOf(service(report, name).stack, `${name}-task`)
        .filter((f) => (state === "waived" ? f.waivedBy : !f.waivedBy && f.level === state))
        .map((f) => f.policyId)
        .sort();
const imageOf = (report: InspectReport, name: string) => report.images[service(report, name).service.containers[0]!.images[0]!]!;

describe("edf inspect end to end: registries, ECS, ECR and Inspector (moto), the real engine", function () {
    this.timeout(1_800_000);
    let world: InspectWorld;
    let first: InspectRunResult;
    let report: InspectReport;
    /** The scanner reports every run is given, as a nightly job would give them each night. */
    let evidenceArgs: string[];

    before(async () => {
        world = await InspectWorld.start();
        await world.build();
        await world.deploy();
        const evidence = path.join(world.work, "evidence");
        fs.mkdirSync(evidence);
        const node = world.images.node!;
        // A Trivy report for the node image (its scan), and CycloneDX VEX for payments (Inspector's CVE not affected).
        fs.writeFileSync(
            path.join(evidence, "node-trivy.json"),
            JSON.stringify({
                SchemaVersion: 2,
                ArtifactType: "container_image",
                CreatedAt: "2026-12-01T00:00:00Z",
                Metadata: { RepoDigests: [node.reference] },
                Results: [{ Vulnerabilities: [] }],
            }),
        );
        fs.writeFileSync(
            path.join(evidence, "payments.vex.json"),
            JSON.stringify({
                bomFormat: "CycloneDX",
                specVersion: "1.6",
                metadata: { component: { type: "container", name: `${ECR_HOST}/payments`, version: world.images.payments!.digest } },
                vulnerabilities: [{ id: "CVE-2026-40404", analysis: { state: "not_affected", justification: "code_not_reachable" } }],
            }),
        );
        evidenceArgs = ["--evidence", path.join(evidence, "node-trivy.json"), path.join(evidence, "payments.vex.json")];
        first = world.inspect(evidenceArgs);
        assert.ok(first.dir, `no run folder; stderr:\n${first.stderr}`);
        report = first.report();
    });
    after(async () => {
        await world?.stop();
    });

    it("exits 2 for mandatory findings, reports every stack, and says where the reports are", () => {
        assert.strictEqual(first.code, EXIT_CODES.policyViolation, first.stderr);
        assert.match(first.stdout, /inspect prod: FAILED: mandatory policy violations — 11 service\(s\), 11 image\(s\)/);
        assert.match(first.stdout, /sbom\/ \(10 CycloneDX 1\.6\)/);
        for (const name of ["report.json", "report.sarif", "summary.md", "report.html"])
            assert.ok(fs.existsSync(path.join(first.dir!, name)), name);
        assert.deepStrictEqual(
            report.stacks.map((s) => [s.unit, s.status]),
            [
                ["network", "passed"],
                ["payments", "policy-violation"],
                ["apps", "policy-violation"],
                ["legacy", "policy-violation"],
            ],
        );
        assert.match(first.stderr, /network\s+succeeded.*declares no running service/);
    });

    it("shows live progress per stack: the image, its layers and bytes, then what the analysis found", () => {
        assert.match(
            first.stderr,
            /apps\s+running\s+[\d.]+s\s+127\.0\.0\.1:\d+\/\S+@sha256:[0-9a-f]{12}: (reading the manifest|layer \d+\/\d+, [\d.]+ of [\d.]+ MB)/,
        );
        assert.match(
            first.stderr,
            /payments\s+analysed \S+\/payments@sha256:[0-9a-f]{12}: 2 layer\(s\), [\d.]+ MB, \d+ package\(s\), Debian GNU\/Linux 12/,
        );
    });

    it("reads declared images from each stack's state and what runs from ECS, and finds the drifted service", () => {
        const drifted = service(report, "drifted").service.containers[0]!;
        assert.strictEqual(drifted.declared.digest, world.images.drifted!.digest);
        assert.deepStrictEqual(
            drifted.running.map((r) => [r.digest, r.tasks]),
            [[world.images["drifted-v2"]!.digest, 1]],
        );
        assert.deepStrictEqual(drifted.images, [world.images["drifted-v2"]!.digest], "the digest that runs is the one analysed");
        assert.ok(policiesOf(report, "drifted").includes("image-running-digest-matches-declared"));
        assert.ok(!policiesOf(report, "payments").includes("image-running-digest-matches-declared"));
        const payments = service(report, "payments").service;
        assert.strictEqual(payments.cluster, "arn:aws:ecs:eu-west-1:123456789012:cluster/payments");
        assert.deepStrictEqual(payments.platform, { os: "linux", architecture: "amd64" });
    });

    it("judges each image by the runtime pack, as the issue's cases expect", () => {
        const expect: Record<string, string[]> = {
            payments: ["image-no-fixable-critical-high", "image-no-forbidden-software", "image-no-setuid-outside-allowlist"],
            worker: [
                "image-distribution-supported",
                "image-no-forbidden-software",
                "image-runs-as-non-root",
                "image-scan-complete-and-fresh",
            ],
            ledger: ["image-no-forbidden-software", "image-no-secret-material", "image-scan-complete-and-fresh"],
            node: [],
            python: ["image-scan-complete-and-fresh"],
            go: ["image-scan-complete-and-fresh"],
            java: ["image-no-forbidden-software", "image-scan-complete-and-fresh"],
            rhel: ["image-no-forbidden-software", "image-scan-complete-and-fresh"],
            // Both platforms' images hold no shell and no package manager: nothing forbidden, only no scan.
            multiarch: ["image-scan-complete-and-fresh"],
            tampered: ["image-content-matches-digest", "image-sbom-present", "image-scan-complete-and-fresh"],
            // The image that runs holds a shell and no package database: an inventory of nothing is no SBOM.
            drifted: [
                "image-no-forbidden-software",
                "image-running-digest-matches-declared",
                "image-sbom-present",
                "image-scan-complete-and-fresh",
            ],
        };
        for (const [name, policies] of Object.entries(expect))
            assert.deepStrictEqual([...new Set(policiesOf(report, name))], policies, name);
        assert.deepStrictEqual(policiesOf(report, "ledger", "advisory"), ["image-no-world-writable-files"]);
        assert.deepStrictEqual(
            policiesOf(report, "python", "waived"),
            ["image-no-forbidden-software"],
            "waived by W-INSPECT-001 from inspect.policy.waivers",
        );
    });

    it("reports the findings per control of the frameworks the spec chooses, from the mapping files", () => {
        assert.deepStrictEqual(
            report.frameworks.map((f) => f.id),
            ["cis-aws-3.0", "nist-800-53-r5", "pci-dss-4.0.1"],
        );
        const pci = report.frameworks.find((f) => f.id === "pci-dss-4.0.1")!;
        const control = (id: string) => pci.controls.find((c) => c.id === id)!;
        // The worker runs as root and the ledger image holds a deleted key: both controls fail.
        assert.strictEqual(control("2.2.6").status, "failed");
        assert.ok(control("2.2.6").policies.includes("image-runs-as-non-root"));
        assert.strictEqual(control("8.6.2").status, "failed");
        assert.match(first.file("summary.md"), /## Frameworks[\s\S]*### PCI DSS 4\.0\.1[\s\S]*\| 2\.2\.6 \|/);
    });

    it("applies layers in order: a whiteout deletes a package, an opaque directory hides what lay under it, a deleted key is found", () => {
        const ledger = imageOf(report, "ledger");
        assert.deepStrictEqual(ledger.packages.map((p) => p.name).sort(), ["left-pad", "lodash", "new-lib"]);
        assert.deepStrictEqual(
            ledger.secrets.map((s) => [s.path, s.kind, s.layerIndex, s.present]),
            [
                ["/app/.env", "dotenv", 1, true],
                ["/root/.ssh/id_rsa", "private-key", 1, false],
            ],
        );
        assert.deepStrictEqual(ledger.config?.secretEnvNames, ["API_TOKEN"]);
        assert.deepStrictEqual(ledger.worldWritable, [{ path: "/app/uploads", mode: "0777" }]);
    });

    it("reads every ecosystem: dpkg (the machine's own status), status.d, apk (zstd layers), rpm sqlite, npm, Python, Go, Java", () => {
        const payments = imageOf(report, "payments");
        const installed = fs
            .readFileSync("/var/lib/dpkg/status", "utf8")
            .split(/\n\n+/)
            .filter((p) => /^Package: /m.test(p) && !/^Status: .*deinstall/m.test(p)).length;
        assert.strictEqual(payments.packages.filter((p) => p.type === "deb").length, installed);
        assert.deepStrictEqual(payments.setuidFiles, [{ path: "/usr/bin/passwd", mode: "4755", setuid: true }]);
        const node = imageOf(report, "node");
        assert.deepStrictEqual(
            node.packages
                .filter((p) => p.type === "deb")
                .map((p) => p.name)
                .sort(),
            ["base-files", "libc6", "netbase", "tzdata"],
        );
        assert.ok(node.packages.filter((p) => p.type === "npm").length >= 80);
        const worker = imageOf(report, "worker");
        assert.strictEqual(worker.packages.filter((p) => p.type === "apk").length, 14);
        assert.deepStrictEqual(worker.os, { id: "alpine", versionId: "3.20.3", name: "Alpine Linux", prettyName: "Alpine Linux v3.20" });
        const rhel = imageOf(report, "rhel");
        assert.ok(rhel.packages.some((p) => p.name === "openssl-libs" && p.version === "1:3.0.7-27.el9"));
        const go = imageOf(report, "go");
        assert.deepStrictEqual(
            go.packages.map((p) => `${p.name}@${p.version}`).sort(),
            [
                "example.com/edf/orders@v1.4.2",
                "github.com/google/uuid@v1.6.0",
                "golang.org/x/mod@v0.42.0",
                `stdlib@${go.packages.find((p) => p.name === "stdlib")!.version}`,
            ].sort(),
        );
        const java = imageOf(report, "java");
        assert.deepStrictEqual(java.packages.map((p) => `${p.name}@${p.version}`).sort(), [
            "commons-lang3@3.14.0",
            "guava@33.2.1-jre",
            "orders-service@1.0.0",
            "slf4j-api@2.0.13",
        ]);
        assert.ok(imageOf(report, "python").packages.some((p) => p.name === "moto" && p.type === "pypi"));
        assert.ok(imageOf(report, "python").packages.some((p) => p.name === "legacy-tool" && p.version === "0.9.1"));
    });

    it("resolves a multi-platform index to the task's platform", () => {
        const multiarch = imageOf(report, "multiarch");
        assert.notStrictEqual(multiarch.manifestDigest, multiarch.digest);
        assert.strictEqual(multiarch.platform, "linux/amd64");
        assert.deepStrictEqual(
            multiarch.packages.map((p) => p.name),
            ["arch-amd64"],
        );
    });

    it("refuses a layer that does not match its digest as a finding, and writes no SBOM for it", () => {
        const tampered = imageOf(report, "tampered");
        assert.strictEqual(tampered.integrity.length, 1);
        assert.match(tampered.integrity[0]!.message, /layer 1 \(sha256:[0-9a-f]{12}\) does not match its digest/);
        assert.deepStrictEqual(tampered.packages, []);
        assert.strictEqual(tampered.sbom, undefined);
        assert.ok(!fs.existsSync(path.join(first.dir!, "sbom", `${tampered.digest.replace(":", "-")}.cdx.json`)));
    });

    it("merges ECR's enhanced scan, Amazon Inspector's findings and --evidence (Trivy, CycloneDX VEX) by digest", () => {
        const payments = imageOf(report, "payments");
        assert.deepStrictEqual(payments.scans.map((s) => [s.source, s.status]).sort(), [
            ["ecr-enhanced", "COMPLETE"],
            ["inspector2", "COMPLETE"],
        ]);
        assert.deepStrictEqual(payments.vulnerabilities.map((v) => [v.id, v.source, v.fixable]).sort(), [
            ["CVE-2026-31337", "ecr-enhanced", true],
            ["CVE-2026-40404", "inspector2", true],
        ]);
        const vulnFindings = findingsOf(service(report, "payments").stack, "payments-task").filter(
            (f) => f.policyId === "image-no-fixable-critical-high",
        );
        assert.deepStrictEqual(vulnFindings.length, 1, "the VEX `not_affected` takes CVE-2026-40404 off the table");
        assert.match(vulnFindings[0]!.message, /CVE-2026-31337 in libssl3 \(fixed in 3\.0\.16-1~deb12u1\)/);
        assert.ok(!policiesOf(report, "node").includes("image-scan-complete-and-fresh"), "the Trivy report is node's scan");
    });

    it("writes one CycloneDX 1.6 SBOM per analysed digest, valid against the schema, every component with a purl", async () => {
        const dir = path.join(first.dir!, "sbom");
        const files = fs.readdirSync(dir).sort();
        assert.strictEqual(files.length, 10);
        const validator = new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot6);
        for (const file of files) {
            const text = fs.readFileSync(path.join(dir, file), "utf8");
            assert.strictEqual(await validator.validate(text), null, `${file} is not valid CycloneDX 1.6`);
            const bom = JSON.parse(text) as {
                specVersion: string;
                metadata: { component: { version: string } };
                components: { type: string; purl?: string }[];
            };
            assert.strictEqual(bom.specVersion, "1.6");
            assert.strictEqual(`${bom.metadata.component.version.replace(":", "-")}.cdx.json`, file);
            for (const c of bom.components.filter((x) => x.type !== "operating-system")) assert.match(c.purl ?? "", /^pkg:/, file);
        }
    });

    it("writes valid SARIF 2.1.0, one run for the environment, each result with its stack, fingerprint and baseline state", () => {
        const sarif = JSON.parse(first.file("report.sarif")) as {
            runs: {
                automationDetails: { id: string };
                results: { partialFingerprints: Record<string, string>; baselineState: string; properties: { stack: string } }[];
            }[];
        };
        const validate = sarifValidator();
        assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
        assert.deepStrictEqual(
            sarif.runs.map((r) => r.automationDetails.id),
            ["edf-inspect/prod/"],
        );
        const stacks = new Set(sarif.runs[0]!.results.map((r) => r.properties.stack));
        assert.deepStrictEqual([...stacks].sort(), ["prod.apps", "prod.legacy", "prod.payments"]);
        for (const run of sarif.runs)
            for (const r of run.results) {
                assert.match(r.partialFingerprints["edfInspectFinding/v1"]!, /^sha256:/);
                assert.strictEqual(r.baselineState, "new");
            }
    });

    it("never writes a registry credential, a token or a secret value from an image", () => {
        const secrets = [
            ECR_PASSWORD,
            Buffer.from(`AWS:${ECR_PASSWORD}`).toString("base64"),
            "hunter2",
            "s3cr3t-not-for-reports",
            "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ",
        ];
        const texts = [first.stdout, first.stderr, ...walk(first.dir!).map((f) => fs.readFileSync(f, "utf8"))];
        for (const secret of secrets) assert.ok(!texts.some((t) => t.includes(secret)), `\`${secret.slice(0, 6)}…\` leaked`);
    });

    it("renders report.html in Chromium: every service, the drift, a working inventory filter, nothing loaded from outside", async () => {
        const requests: string[] = [];
        const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), "edf-chromium-")), {
            executablePath: toolchain().chromium.path,
            headless: true,
            args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
        });
        try {
            const page = await context.newPage();
            page.on("request", (r) => requests.push(r.url()));
            await page.goto(pathToFileURL(path.join(first.dir!, "report.html")).href);
            assert.match(await page.title(), /^edf inspect · prod · /);
            assert.strictEqual(await page.locator(".panel.service").count(), 11);
            const drifted = page.locator("#service-legacy-drifted");
            assert.match((await drifted.textContent()) ?? "", /drift/);
            // The payments image's inventory is the machine's dpkg status: filter it down to a few rows.
            const payments = page.locator("#service-payments-payments");
            const filter = payments.locator("input.inventory-filter").first();
            const table = payments.locator(`#${await filter.getAttribute("data-table")}`);
            const all = await table.locator("tbody tr").count();
            assert.strictEqual(all, imageOf(report, "payments").packages.length);
            await filter.fill("libc6");
            const shown = await table.locator("tbody tr:visible").count();
            assert.ok(shown >= 1 && shown < all, `${shown} of ${all} rows shown`);
            assert.match(
                (await payments.locator(`#${await filter.getAttribute("data-count")}`).textContent()) ?? "",
                new RegExp(`^${shown} of ${all} packages$`),
            );
            await page.fill("#filter-text", "image-runs-as-non-root");
            assert.ok((await page.locator("tr.finding:visible").count()) >= 1);
            assert.deepStrictEqual(
                requests.filter((u) => !u.startsWith("file:")),
                [],
                "no request leaves the page",
            );
        } finally {
            await context.close();
        }
    });

    describe("the delta between runs", () => {
        let second: InspectRunResult;
        before(async () => {
            // GIVEN one service's image changes: the worker moves to a supported Alpine, a non-root user, and gains a setuid file.
            const catalogue = await (await import("../../../support/images/catalogue")).testImages();
            const v1 = catalogue.worker!;
            const spec = v1.spec as Exclude<typeof v1.spec, unknown[]>;
            const v2 = {
                ...v1,
                tag: "v2",
                spec: {
                    ...spec,
                    layers: [
                        ...spec.layers,
                        {
                            files: [
                                {
                                    path: "etc/os-release",
                                    content: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.22.1\nPRETTY_NAME="Alpine Linux v3.22"\n',
                                },
                                { path: "usr", type: "directory" as const },
                                { path: "usr/bin", type: "directory" as const },
                                { path: "usr/bin/ping", content: "\x7fELF fake ping", mode: 0o4755 },
                            ],
                        },
                    ],
                    config: { ...spec.config, User: "1000" },
                },
            };
            const pushed = await world.redeploy("worker", "worker-v2", v2);
            world.writeSpec({}, { worker: pushed.reference });
            await world.deploy(["apps"]);
            second = world.inspect([...evidenceArgs, "--fail-on", "new"]);
        });

        it("names the new digest, the findings the change resolved and the one it brought", () => {
            const r = second.report();
            assert.deepStrictEqual(r.delta.newDigests, [world.images["worker-v2"]!.digest]);
            assert.deepStrictEqual(r.delta.resolvedFindings.map((f) => f.policyId).sort(), [
                "image-distribution-supported",
                "image-runs-as-non-root",
            ]);
            assert.deepStrictEqual(
                r.delta.newFindings.map((f) => f.policyId),
                ["image-no-setuid-outside-allowlist"],
            );
            assert.deepStrictEqual(r.delta.baseline?.runs, [path.basename(first.dir!)]);
            assert.match(second.file("summary.md"), /1 new finding\(s\), 2 resolved, 1 new running digest/);
        });

        it("with --fail-on new, fails only on the new mandatory finding; a rerun with nothing new passes despite the known backlog", () => {
            assert.strictEqual(second.code, EXIT_CODES.policyViolation, second.stderr);
            assert.strictEqual(
                second.report().stacks.find((s) => s.unit === "payments")!.status,
                "passed",
                "known findings do not fail with --fail-on new",
            );
            const third = world.inspect([...evidenceArgs, "--fail-on", "new"]);
            assert.strictEqual(third.code, EXIT_CODES.ok, third.stderr);
            assert.strictEqual(third.report().summary.newFindings, 0);
            assert.ok(third.report().summary.mandatory > 0);
        });
    });

    describe("errors a user makes or the world causes", () => {
        afterEach(() => world.writeSpec({}, { worker: world.images["worker-v2"]?.reference ?? world.images.worker!.reference }));

        it("no deployed stacks: exit 3, naming each stack and how to deploy it", () => {
            const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-inspect-empty-"));
            const run = world.inspect([], { home });
            assert.strictEqual(run.code, EXIT_CODES.badInput, run.stderr);
            assert.match(run.stderr, /error EDF_NOT_DEPLOYED: No stack of `prod` is deployed/);
            assert.match(run.stderr, /stack `prod\.payments` does not exist\. Fix: deploy it with `edf up --env prod --only payments`/);
            fs.rmSync(home, { recursive: true, force: true });
        });

        it("an unreachable registry fails the stacks that pull from it, naming the registry; the others are inspected", async () => {
            world.writeSpec({ REGISTRY_ENDPOINT: `http://127.0.0.1:${await freePort()}` });
            const run = world.inspect();
            assert.strictEqual(run.code, EXIT_CODES.failure, run.stderr);
            const stacks = Object.fromEntries(run.report().stacks.map((s) => [s.unit, s]));
            assert.strictEqual(stacks.apps!.status, "failed");
            assert.match(
                stacks.apps!.reason!,
                new RegExp(
                    `EDF_REGISTRY_UNREACHABLE: registry \`${world.registry.host.replace(".", "\\.")}\` \\(http://127\\.0\\.0\\.1:\\d+\\) could not be reached`,
                ),
            );
            assert.strictEqual(stacks.payments!.status, "policy-violation");
        });

        it("credentials a registry refuses fail its stack with the registry named and the password nowhere", () => {
            const canary = "wrong-password-canary-4d1f";
            world.writeSpec({ ECR_AUTH: "{ usernameEnv: EDF_TEST_REGISTRY_USER, passwordEnv: EDF_TEST_REGISTRY_PASSWORD }" });
            const run = world.inspect([], { env: { EDF_TEST_REGISTRY_USER: "AWS", EDF_TEST_REGISTRY_PASSWORD: canary } });
            assert.strictEqual(run.code, EXIT_CODES.failure, run.stderr);
            const payments = run.report().stacks.find((s) => s.unit === "payments")!;
            assert.match(
                payments.reason!,
                new RegExp(
                    `EDF_REGISTRY_AUTH: registry \`${ECR_HOST.replace(/\./g, "\\.")}\` \\(http://127\\.0\\.0\\.1:\\d+\\) refused access to \`payments\` \\(HTTP 401\\)`,
                ),
            );
            const texts = [run.stdout, run.stderr, ...walk(run.dir!).map((f) => fs.readFileSync(f, "utf8"))];
            assert.ok(!texts.some((t) => t.includes(canary) || t.includes(Buffer.from(`AWS:${canary}`).toString("base64"))));
        });

        it("an image over the configured size is not analysed: its stack fails saying how to raise the limit", () => {
            world.writeSpec({ MAX_MB: "1" });
            const run = world.inspect();
            const apps = run.report().stacks.find((s) => s.unit === "apps")!;
            assert.strictEqual(apps.status, "failed");
            assert.match(
                apps.reason!,
                /EDF_IMAGE_TOO_LARGE: \S+\/go-app@sha256:[0-9a-f]{64} is \d+\.\d MB compressed, more than the 1\.0 MB limit: raise `inspect\.maxImageMegabytes`/,
            );
        });

        it("an --evidence file that is no scanner report stops before anything is read, naming the file", () => {
            const bad = path.join(world.work, "not-a-report.json");
            fs.writeFileSync(bad, JSON.stringify({ hello: "world" }));
            const run = world.inspect(["--evidence", bad]);
            assert.strictEqual(run.code, EXIT_CODES.badInput);
            assert.match(run.stderr, /error EDF_USAGE: 1 `--evidence` file\(s\) cannot be used; nothing was inspected\./);
            assert.match(run.stderr, /not-a-report\.json --evidence: not a Trivy report/);
            assert.match(world.inspect(["--fail-on", "sometimes"]).stderr, /`--fail-on` is `any` or `new`, not `sometimes`/);
        });
    });

    it(`decides every date-dependent verdict for --date (${DATE})`, () => {
        assert.strictEqual(report.date, DATE);
        assert.strictEqual(report.collectedAt, `${DATE}T12:00:00.000Z`);
    });
});

function walk(dir: string): string[] {
    const out: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) out.push(...walk(full));
        else out.push(full);
    }
    return out;
}
