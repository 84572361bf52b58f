// Slow suite: the *bundled* packs (what `pulumi policy publish` would upload) run in the real
// engine on their own. The bundle is written to a temp folder far from the repository,
// so a relative import left pointing at ../lib would fail to load; the only link back is a
// node_modules symlink beside it, standing in for the `npm install` a published pack gets
// (packs resolve packages by walking up). Publishing itself needs Pulumi Cloud and is not
// exercised here.
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EngineEvent } from "@pulumi/pulumi/automation";
import { buildPackConfig } from "../../../policy-packs/lib/config";
import { pipelinePolicies } from "../../../policy-packs/pipeline/policy-list";
import { bundlePack } from "../../../policy-packs/tools/bundle/bundle";
import { bundleProblems } from "../../../policy-packs/tools/bundle/closed";
import { Echo } from "../../fixtures/engine/echo";
import { createTempBackend, inlineStack, TempBackend } from "../../support/engine";
import { PROJECT_ROOT } from "../../support/toolchain";

describe("the bundled policy packs in the real engine", function () {
    this.timeout(600_000);
    let backend: TempBackend;
    let work: string;
    let bundleDir: string;
    let runtimeBundleDir: string;

    before(() => {
        backend = createTempBackend("edf-bundle-");
        work = fs.mkdtempSync(path.join(os.tmpdir(), "edf-bundled-pack-"));
        fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(work, "node_modules"), "dir");
        bundleDir = bundlePack({
            packDir: path.join(PROJECT_ROOT, "policy-packs", "pipeline"),
            outDir: path.join(work, "edf-pipeline"),
        }).outDir;
        runtimeBundleDir = bundlePack({
            packDir: path.join(PROJECT_ROOT, "policy-packs", "runtime"),
            outDir: path.join(work, "edf-runtime"),
        }).outDir;
    });
    after(() => {
        backend?.remove();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    it("is closed: nothing in it reaches outside its folder", () => {
        assert.deepStrictEqual(bundleProblems(bundleDir), []);
        assert.deepStrictEqual(bundleProblems(runtimeBundleDir), []);
        assert.ok(path.relative(PROJECT_ROOT, bundleDir).startsWith(".."), "the bundle lies outside the repository");
    });

    it("is what `npm pack` (the upload step of `pulumi policy publish` for Node packs) carries, file for file", () => {
        const packed = JSON.parse(
            execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: bundleDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
        ) as { files: { path: string }[] }[];
        const onDisk = fs
            .readdirSync(bundleDir, { recursive: true, withFileTypes: true })
            .filter((e) => e.isFile())
            .map((e) => path.relative(bundleDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
        assert.deepStrictEqual(packed[0].files.map((f) => f.path).sort(), onDisk.sort());
    });

    it("loads with `policyPacks` and fails a preview on a mandatory violation", async () => {
        // GIVEN the bundle configured for prod with the security baseline required in the stack
        const config = path.join(work, "pipeline.json");
        fs.writeFileSync(path.join(work, "runtime.json"), "{}");
        fs.writeFileSync(
            config,
            JSON.stringify(
                buildPackConfig({
                    policies: pipelinePolicies,
                    environment: "prod",
                    config: { "account-security-services-enabled": { requireInStack: true } },
                }),
            ),
        );
        const stack = await inlineStack(backend, "bundled", async () => {
            new Echo("greeting", { message: "hello" });
        });
        // WHEN previewing a stack without that baseline, with the bundle as the policy pack
        const events: EngineEvent[] = [];
        await assert.rejects(
            stack.preview({
                policyPacks: [bundleDir, runtimeBundleDir],
                policyPackConfigs: [config, path.join(work, "runtime.json")],
                onEvent: (e) => events.push(e),
            }),
            /mandatory/,
        );
        // THEN the bundled packs ran and the pipeline pack's violation came through the engine
        const violations = events.flatMap((e) => (e.policyEvent ? [e.policyEvent] : []));
        assert.ok(violations.length > 0, "the bundled pack reported violations");
        assert.deepStrictEqual(
            [...new Set(violations.map((v) => `${v.policyPackName}/${v.policyName}/${v.enforcementLevel}`))],
            ["edf-pipeline/account-security-services-enabled/mandatory"],
        );
    });

    it("is needed: the pack folder copied alone (what publish would upload unbundled) does not load", async () => {
        // The control for the test above: same temp setup, same engine, but without bundling.
        const raw = path.join(work, "raw-pipeline");
        fs.cpSync(path.join(PROJECT_ROOT, "policy-packs", "pipeline"), raw, { recursive: true });
        const stack = await inlineStack(backend, "unbundled", async () => {
            new Echo("greeting", { message: "hello" });
        });
        await assert.rejects(stack.preview({ policyPacks: [raw] }), /lib\/pack-entry/);
    });

    it("passes a clean stack with its default config", async () => {
        const stack = await inlineStack(backend, "bundled-clean", async () => {
            new Echo("greeting", { message: "hello" });
        });
        const events: EngineEvent[] = [];
        const result = await stack.preview({ policyPacks: [bundleDir, runtimeBundleDir], onEvent: (e) => events.push(e) });
        assert.deepStrictEqual(
            events.flatMap((e) => (e.policyEvent ? [e.policyEvent.policyName] : [])),
            [],
        );
        assert.match(result.stdout, /edf-pipeline@v0\.1\.0[\s\S]*edf-runtime@v0\.1\.0/);
    });
});
