import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { chromium, BrowserContext, Page } from "playwright-core";
import { EXIT_CODES } from "../../../../automation/errors";
import { PROJECT_ROOT } from "../../../support/toolchain";
import { toolchain } from "../../../support/toolchain";
import { CliRun, edfSynth, removeFreshHomes } from "./support";

// The HTML report as a person sees it: Debian's Chromium (path from .tools/toolchain.json),
// headless, driven by playwright-core. The report of the broken-services estate has findings
// in every state worth filtering. A screenshot is kept under test-artifacts/ (git-ignored).
const ARTIFACTS = path.join(PROJECT_ROOT, "test-artifacts");
const ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

describe("the synth HTML report in Chromium", function () {
    this.timeout(600_000);
    after(removeFreshHomes);

    let run: CliRun;
    let context: BrowserContext;
    let profile: string | undefined;
    let page: Page;
    const requests: string[] = [];

    before(async () => {
        run = edfSynth([
            "--env",
            "test/fixtures/synth/broken-prod.yaml",
            "--date",
            "2026-11-27",
            "--waivers",
            "test/fixtures/synth/waivers.yaml",
        ]);
        assert.equal(run.code, EXIT_CODES.policyViolation, run.stderr);
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        profile = fs.mkdtempSync(path.join(os.tmpdir(), "edf-chromium-"));
        context = await chromium.launchPersistentContext(profile, {
            executablePath: toolchain().chromium.path,
            headless: true,
            args: ARGS,
            viewport: { width: 1400, height: 1000 },
        });
        page = await context.newPage();
        page.on("request", (r) => requests.push(r.url()));
        await page.goto(pathToFileURL(path.join(run.dir!, "report.html")).href);
    });

    after(async () => {
        await context?.close();
        if (profile) fs.rmSync(profile, { recursive: true, force: true });
    });

    it("renders the verdict and loads nothing but the file itself", async () => {
        assert.match(await page.title(), /^edf synth · prod · Mandatory policy violations$/);
        assert.match((await page.textContent("header .verdict")) ?? "", /Mandatory policy violations/);
        assert.deepEqual(
            requests.filter((u) => !u.startsWith("file:")),
            [],
            "no request leaves the page",
        );
    });

    it("draws the stack graph: a visible box per stack and an arrow per dependency", async () => {
        const box = await page.locator("svg.graph").boundingBox();
        assert.ok(box && box.width > 400 && box.height > 150, `graph too small: ${JSON.stringify(box)}`);
        assert.equal(await page.locator("svg.graph .node").count(), run.report().stacks.length);
        assert.equal(await page.locator("svg.graph path.edge").count(), run.report().graph.edges.length);
        assert.ok(await page.locator('svg.graph .node[data-stack-unit="network"]').isVisible());
        await page.screenshot({ path: path.join(ARTIFACTS, "synth-report.png"), fullPage: false });
    });

    it("filters the findings by text", async () => {
        const all = await page.locator("tr.finding").count();
        assert.ok(all >= 8);
        await page.fill("#filter-text", "privileged");
        assert.equal(await page.locator("tr.finding:visible").count(), 1);
        assert.match((await page.textContent("tr.finding:visible")) ?? "", /ecs-container-not-privileged/);
        assert.match((await page.textContent("#finding-count")) ?? "", new RegExp(`^1 of ${all} shown$`));
        await page.click("#filter-reset");
        assert.equal(await page.locator("tr.finding:visible").count(), all);
    });

    it("filters by state, showing the waived finding with its waiver", async () => {
        await page.selectOption("#filter-state", "waived");
        const rows = page.locator("tr.finding:visible");
        assert.equal(await rows.count(), 1);
        assert.match((await rows.first().textContent()) ?? "", /Waived by W-FIXTURE-001/);
        await page.click("#filter-reset");
    });

    it("filters by stack when a box of the graph is clicked, and opens that stack's inventory", async () => {
        await page.click('svg.graph .node[data-stack-unit="open-admin-port"]');
        const stacks = await page.locator("tr.finding:visible").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-stack")));
        assert.ok(stacks.length >= 1 && stacks.every((s) => s === "open-admin-port"), JSON.stringify(stacks));
        assert.equal(await page.inputValue("#filter-stack"), "open-admin-port");
        assert.equal(await page.locator("#stack-open-admin-port").getAttribute("open"), "");
        await page.locator("#stack-open-admin-port").scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(ARTIFACTS, "synth-report-filtered.png"), fullPage: false });
        await page.click("#filter-reset");
    });

    it("shows each framework's controls with their findings, and a control filters the findings to it", async () => {
        const failed = page.locator('#framework-pci-dss-4\\.0\\.1 tr.control[data-status="failed"] button.control-filter');
        assert.ok((await failed.count()) > 0, "the broken estate fails PCI DSS controls");
        const token = (await failed.first().getAttribute("data-filter"))!;
        await failed.first().click();
        const rows = await page.locator("tr.finding:visible").evaluateAll((found) => found.map((r) => r.getAttribute("data-search") ?? ""));
        assert.ok(rows.length >= 1 && rows.every((s) => s.includes(token)), `${token}: ${rows.length} rows`);
        assert.equal(await page.inputValue("#filter-text"), token);
        await page.locator("#frameworks").scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(ARTIFACTS, "synth-report-frameworks.png"), fullPage: false });
        await page.click("#filter-reset");
    });
});
