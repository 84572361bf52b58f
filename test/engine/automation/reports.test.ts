import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { chromium, BrowserContext, Page } from "playwright-core";
import type { EngineReport } from "../../../automation/engine/report";
import { PROJECT_ROOT } from "../../support/toolchain";
import { sarifValidator } from "../../support/sarif";
import { toolchain } from "../../support/toolchain";
import { Estate, prepareEstate, runDriver, runEdf } from "./support/estate";

const ARTIFACTS = path.join(PROJECT_ROOT, "test-artifacts");
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];

/** What `edf --json <command>` printed: the report and its flat findings. */
type JsonReport = EngineReport & {
    findings: { policyId: string; stack: string; level: string; fix?: string }[];
    fix?: Record<string, string>;
};

// The reports of the engine commands on the real engine, as a pull-request reviewer reads them:
// a preview whose plan replaces a stateful record and deletes a protected one, with a mandatory
// policy finding — in report.json, report.sarif, summary.md and report.html (opened in Chromium);
// then drift after a change made behind the engine's back, named down to the property.
describe("edf on the real engine: the reports of preview and drift", function () {
    this.timeout(600_000);
    let estate: Estate;
    let preview: { code: number | null; report: JsonReport; stderr: string };

    before(async () => {
        estate = prepareEstate("reports", { STORE_RECORDS: "2", CACHE_PREFIX: "c1", TAGGED_VALUE: "fine" });
        const { report } = await runDriver(estate, "up", { parallel: 3 });
        assert.strictEqual(report.outcome, "succeeded", JSON.stringify(report.stacks.map((s) => [s.unit, s.status, s.reason])));
        // The pull request: one protected record fewer, a new key prefix (a replace), a forbidden value.
        estate.write({ STORE_RECORDS: "1", CACHE_PREFIX: "c2", TAGGED_VALUE: "a forbidden value" });
        const run = await runEdf(["--json", "preview", "--env", estate.specFile, "--home", estate.home, "--parallel", "3"]);
        preview = { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
    });
    after(() => estate.remove());

    const stack = (unit: string) => preview.report.stacks.find((s) => s.unit === unit)!;

    it("lists every operation with its property diff, the protected delete and the stateful replace flagged first", () => {
        assert.strictEqual(preview.code, 1, preview.stderr);
        const del = stack("vault-store").steps.find((s) => s.op === "delete")!;
        assert.ok(del, JSON.stringify(stack("vault-store").steps));
        assert.deepStrictEqual([del.name, del.protect, del.dangerous], ["record-1", true, true]);
        assert.match(stack("vault-store").reason ?? "", /protected/);
        const replace = stack("cache").steps.find((s) => s.op === "replace")!;
        assert.ok(replace?.dangerous && replace.stateful, JSON.stringify(stack("cache").steps));
        assert.deepStrictEqual(replace.replaceKeys, ["dir", "key"]);
        assert.deepStrictEqual(
            replace.diff.find((d) => d.path === "key"),
            { path: "key", before: "c1-0", after: "c2-0" },
        );
        assert.strictEqual(stack("tagged").status, "policy-violation");
        assert.deepStrictEqual(preview.report.summary.operations, { create: 0, update: 1, replace: 1, delete: 1 });
    });

    it("reports the engine's policy findings as findings, with the fix, in every --json document", () => {
        const mandatory = preview.report.findings.filter((f) => f.level === "mandatory");
        assert.deepStrictEqual(
            mandatory.map((f) => [f.stack, f.policyId, f.fix]),
            [["reports.tagged", "record-value-allowed", "Store another value."]],
        );
        assert.ok(preview.report.findings.some((f) => f.policyId === "record-key-short" && f.level === "advisory"));
    });

    it("writes SARIF that the official 2.1.0 schema accepts, the mandatory finding an error", () => {
        const log = JSON.parse(fs.readFileSync(path.join(preview.report.runDir!, "report.sarif"), "utf8")) as {
            runs: { results: { ruleId: string; level: string }[]; automationDetails: { id: string } }[];
        };
        const validate = sarifValidator();
        assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
        const results = log.runs.flatMap((r) => r.results);
        assert.ok(results.some((r) => r.ruleId === "record-value-allowed" && r.level === "error"));
        assert.ok(log.runs.every((r) => r.automationDetails.id.startsWith("edf-preview/reports/")));
    });

    it("writes summary.md for a pull-request comment: the dangerous operations and the blocking finding with its fix first", () => {
        const md = fs.readFileSync(path.join(preview.report.runDir!, "summary.md"), "utf8");
        assert.match(md, /^# edf preview: reports — FAILED \(stacks failed\)/);
        const dangerous = md.indexOf("## ⚠ Replaces and deletes of protected or stateful resources");
        assert.ok(dangerous > 0 && dangerous < md.indexOf("## Stacks"), md);
        assert.match(md, /\| reports\.vault-store \| \*\*delete\*\* \| `record-1` \|.*protected, stateful, FAILED \|/);
        assert.match(md, /\| reports\.cache \| \*\*replace\*\* \| `record-0` \|/);
        assert.match(md, /\| reports\.tagged \| record-value-allowed \| medium \|.*\| Store another value\. \|/);
        assert.match(md, /~ key: "c1-0" → "c2-0"/);
    });

    describe("report.html in Chromium", () => {
        let context: BrowserContext;
        let page: Page;
        const requests: string[] = [];

        before(async () => {
            fs.mkdirSync(ARTIFACTS, { recursive: true });
            context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), "edf-chromium-")), {
                executablePath: toolchain().chromium.path,
                headless: true,
                args: CHROMIUM_ARGS,
                viewport: { width: 1400, height: 1000 },
            });
            page = await context.newPage();
            page.on("request", (r) => requests.push(r.url()));
            await page.goto(pathToFileURL(path.join(preview.report.runDir!, "report.html")).href);
        });
        after(async () => context?.close());

        it("shows the verdict, the failing findings above the graph and loads nothing else", async () => {
            assert.match(await page.title(), /^edf preview · reports · Stacks failed$/);
            assert.deepStrictEqual(
                requests.filter((u) => !u.startsWith("file:")),
                [],
            );
            const findings = await page.locator("#findings-section").boundingBox();
            const graph = await page.locator("#graph").boundingBox();
            assert.ok(findings && graph && findings.y < graph.y, "the findings come before the graph when the run fails");
            assert.match((await page.textContent("tr.finding[data-state=mandatory]")) ?? "", /Fix: Store another value\./);
            await page.screenshot({ path: path.join(ARTIFACTS, "preview-report.png"), fullPage: false });
        });

        it("colours the graph by outcome and lists the dangerous operations first", async () => {
            assert.strictEqual(await page.locator("svg.graph .node.status-failed").count(), 1);
            assert.strictEqual(await page.locator("svg.graph .node.status-policy-violation").count(), 1);
            const first = await page.locator("tr.op").first().getAttribute("class");
            assert.match(first ?? "", /dangerous/);
            assert.ok((await page.locator("tr.op.dangerous").count()) >= 2);
        });

        it("filters with its count cards: replaces, then mandatory findings", async () => {
            await page.click('button.card[data-filter-op="replace"]');
            const ops = await page.locator("tr.op:visible").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-op")));
            assert.deepStrictEqual(ops, ["replace"]);
            await page.click('button.card[data-filter-state="mandatory"]');
            const states = await page.locator("tr.finding:visible").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-state")));
            assert.deepStrictEqual(states, ["mandatory"]);
            await page.click("#filter-reset");
            assert.ok((await page.locator("tr.finding:visible").count()) > 1);
            assert.ok((await page.locator("tr.op:visible").count()) >= 3);
        });
    });

    it("prints the property diffs and the blocking finding with its fix on the terminal (preview --diff)", async () => {
        const run = await runEdf(["preview", "--env", estate.specFile, "--home", estate.home, "--only", "cache", "tagged", "--diff"]);
        assert.strictEqual(run.code, 2, run.stderr);
        assert.match(run.stdout, /replace\s+urn:pulumi:reports\.cache::edf::.*record-0 \[replace because of dir, key\]/);
        assert.match(run.stdout, /~ key: "c1-0" → "c2-0"/);
        assert.match(run.stdout, /1 mandatory finding\(s\) block this preview:\n {2}✗ record-value-allowed · reports\.tagged · record-0/);
        assert.match(run.stdout, /fix: Store another value\./);
    });

    it("names the drifted resource and property, expected against actual, with a documented exit code and the fix printed", async () => {
        estate.write({ STORE_RECORDS: "2", CACHE_PREFIX: "c1", TAGGED_VALUE: "fine" });
        fs.writeFileSync(path.join(estate.recordsDir, "reports.tagged-0.json"), JSON.stringify({ value: "changed by hand" }));
        const run = await runEdf(["--json", "drift", "--env", estate.specFile, "--home", estate.home, "--fix"]);
        assert.strictEqual(run.code, 4, run.stderr);
        const report = JSON.parse(run.stdout) as JsonReport;
        assert.deepStrictEqual(
            report.stacks.filter((s) => s.drifted).map((s) => s.unit),
            ["tagged"],
        );
        const tagged = report.stacks.find((s) => s.unit === "tagged")!;
        assert.deepStrictEqual(
            tagged.drift.map((d) => [d.name, d.op, d.diff]),
            [["record-0", "update", [{ path: "value", before: "fine", after: "changed by hand" }]]],
        );
        assert.deepStrictEqual(report.fix, {
            refresh: `edf refresh --env ${estate.specFile} --only tagged`,
            up: `edf up --env ${estate.specFile} --only tagged`,
        });
        const human = await runEdf(["drift", "--env", estate.specFile, "--home", estate.home, "--fix"]);
        assert.strictEqual(human.code, 4);
        assert.match(human.stdout, /value: expected "fine", actual "changed by hand"/);
        assert.match(human.stdout, /To reconcile \(printed, not run\):\n {2}edf refresh --env .* --only tagged/);
        const md = fs.readFileSync(path.join(report.runDir!, "summary.md"), "utf8");
        assert.match(md, /\| reports\.tagged \| `record-0` \| `value` \| "fine" \| "changed by hand" \|/);
    });
});
