import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { renderReportHtml as renderSynthHtml } from "../../../../../automation/run/report/html";
import { renderReportJson as renderSynthJson } from "../../../../../automation/run/report/json";
import { renderReportMarkdown as renderSynthMarkdown } from "../../../../../automation/run/report/markdown";
import { renderReportSarif as renderSynthSarif } from "../../../../../automation/run/report/sarif";
import { writeSynthReports } from "../../../../../automation/synth/write";
import type { SynthRun } from "../../../../../automation/synth/synth";
import { synthFixture } from "../../synth/support";
import { sarifValidator } from "../../../../support/sarif";

const CANARY = "sample-canary-7c1e2f";

describe("the run reports, rendered from a synth run", () => {
    let run: SynthRun;
    before(async () => {
        run = await synthFixture("mini");
    });

    it("renders byte-identical JSON and SARIF for two runs of the same inputs", async () => {
        const again = await synthFixture("mini");
        assert.strictEqual(renderSynthJson(again.report), renderSynthJson(run.report));
        assert.strictEqual(renderSynthSarif(again.report), renderSynthSarif(run.report));
        assert.doesNotMatch(renderSynthJson(run.report), /durationMs|startedAt|T\d\d:\d\d:\d\d/, "no times in the JSON report");
    });

    it("renders SARIF 2.1.0 that the official schema accepts, one run per stack", () => {
        const log = JSON.parse(renderSynthSarif(run.report)) as { runs: { automationDetails: { id: string }; results: unknown[] }[] };
        const validate = sarifValidator();
        assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
        assert.deepEqual(
            log.runs.map((r) => r.automationDetails.id),
            [
                "edf-synth/mini/mini.producer/",
                "edf-synth/mini/mini.consumer/",
                "edf-synth/mini/mini.leaky/",
                "edf-synth/mini/mini.kitchen-sink/",
            ],
        );
        assert.equal(
            log.runs.reduce((n, r) => n + r.results.length, 0),
            run.report.stacks.reduce((n, s) => n + s.findings.length, 0),
        );
    });

    it("never shows a sample secret in any report file", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-synth-"));
        const files = writeSynthReports(run, dir);
        for (const file of [files.json, files.sarif, files.markdown, files.html, files.timings]) {
            assert.ok(!fs.readFileSync(file, "utf8").includes(CANARY), `${path.basename(file)} leaks the sample secret`);
        }
        const leaky = run.report.stacks.find((s) => s.unit === "leaky")!;
        const parameter = leaky.resources.find((r) => r.type === "aws:ssm/parameter:Parameter")!;
        assert.equal(parameter.props.value, "[secret]");
        assert.match(path.basename(files.dir), /^\d{4}-\d\d-\d\dT.*-synth-mini$/, "the driver's run-folder convention");
    });

    it("renders a self-contained HTML page: inline style, script and graph, no external URL", () => {
        const html = renderSynthHtml(run.report);
        assert.match(html, /<style>/);
        assert.match(html, /<script>/);
        assert.match(html, /<svg class="graph"/);
        assert.doesNotMatch(html, /\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
        assert.doesNotMatch(html, /url\(\s*["']?(https?:)?\/\//i);
        assert.doesNotMatch(html, /@import/);
        for (const s of run.report.stacks) assert.ok(html.includes(`data-stack-unit="${s.unit}"`), `graph node for ${s.unit}`);
        const findings = run.report.stacks.reduce((n, s) => n + s.findings.length, 0);
        assert.equal((html.match(/<tr class="finding"/g) ?? []).length, findings);
    });

    it("escapes what it shows", () => {
        const html = renderSynthHtml({ ...run.report, environment: "<script>alert(1)</script>" });
        assert.ok(!html.includes("<script>alert(1)</script>"));
        assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
    });

    it("summarises blocking findings per stack in Markdown", () => {
        const md = renderSynthMarkdown(run.report);
        assert.match(md, /^# edf synth: mini — FAILED \(mandatory policy violations\)/);
        assert.match(md, /## Blocking \(mandatory\)/);
        assert.match(md, /\| mini\.kitchen-sink \| s3-bucket-public-access-blocked \| critical \|/);
        assert.match(md, /sample values/);
    });
});
