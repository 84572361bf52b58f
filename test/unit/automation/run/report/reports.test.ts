import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { escapeHtml, renderReportHtml as renderSynthHtml, renderReportHtmlParts } from "../../../../../automation/run/report/html";
import { renderReportJson as renderSynthJson, renderReportJsonParts } from "../../../../../automation/run/report/json";
import { renderReportMarkdown as renderSynthMarkdown } from "../../../../../automation/run/report/markdown";
import { renderReportSarif as renderSynthSarif, toReportSarif as toSynthSarif } from "../../../../../automation/run/report/sarif";
import { writeSynthReports, writeSynthReportsOverlapped } from "../../../../../automation/synth/write";
import { frameworkResults } from "../../../../../policy-packs/lib/frameworks";
import { loadFrameworks } from "../../../../../policy-packs/lib/framework-files";
import { stableStringify } from "../../../../../policy-packs/lib/reports/json";
import type { SynthRun } from "../../../../../automation/synth/synth";
import { synthFixture } from "../../synth/support";
import { sarifValidator } from "../../../../support/sarif";

const CANARY = "sample-canary-7c1e2f";

function deepFrozen<T>(value: T): T {
    if (value !== null && typeof value === "object") {
        for (const child of Object.values(value)) deepFrozen(child);
        Object.freeze(value);
    }
    return value;
}

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

    it("renders a report whose stacks are frozen (a watch's kept results) exactly as a mutable copy, round after round", () => {
        const frozen = deepFrozen(structuredClone(run.report));
        const copy = structuredClone(run.report);
        for (let round = 0; round < 2; round++) {
            assert.strictEqual(renderSynthJson(frozen), renderSynthJson(copy));
            assert.strictEqual(renderSynthHtml(frozen), renderSynthHtml(copy));
            // Frozen policy summaries keep their SARIF rules: the same text as rules made afresh, with
            // and without frameworks (a rule cites other controls then: kept apart, never mixed up).
            assert.strictEqual(renderSynthSarif(frozen), renderSynthSarif(copy));
            assert.ok(copy.frameworks.length > 0);
            assert.strictEqual(renderSynthSarif({ ...frozen, frameworks: [] }), renderSynthSarif({ ...copy, frameworks: [] }));
            assert.notStrictEqual(renderSynthSarif({ ...frozen, frameworks: [] }), renderSynthSarif(frozen));
            // In parts (as the run folder writes them): the same text, the kept inventories parts of their own.
            assert.strictEqual(renderReportJsonParts(frozen).join(""), renderSynthJson(copy));
            const html = renderReportHtmlParts(frozen);
            assert.strictEqual(html.join(""), renderSynthHtml(copy));
            assert.ok(html.length > 1, "the kept inventory rows are parts of their own");
            assert.ok(!html.join("").includes("\u0000"), "no marker is left in the page");
        }
        // A frozen stack holding a mutable part is not kept as it was rendered: a change to the part shows.
        const stack = copy.stacks.find((s) => s.resources.length > 0)!;
        const mixed = { ...copy, stacks: [Object.freeze({ ...stack, resources: stack.resources.map((r) => ({ ...r })) })] };
        const before = renderSynthJson(mixed);
        const beforeHtml = renderSynthHtml(mixed);
        (mixed.stacks[0]!.resources[0] as { name: string }).name = "renamed-resource";
        assert.notStrictEqual(renderSynthJson(mixed), before);
        assert.match(renderSynthJson(mixed), /renamed-resource/);
        assert.notStrictEqual(renderSynthHtml(mixed), beforeHtml);
    });

    it("renders SARIF as one run for the environment: the rules and taxonomies once, every stack's results naming their stack", () => {
        const enabled = new Set(run.report.policies.map((p) => p.id));
        const findings = run.report.stacks.flatMap((s) => s.findings);
        const withFrameworks = { ...run.report, frameworks: frameworkResults(loadFrameworks(), findings, enabled) };
        const cached = {
            ...withFrameworks,
            stacks: withFrameworks.stacks.map((s, i) => (i % 2 ? { ...s, cached: "evaluation" as const } : s)),
        };
        for (const report of [run.report, withFrameworks, cached]) {
            const log = toSynthSarif(report);
            assert.equal(log.runs.length, 1);
            const [only] = log.runs;
            assert.equal(only!.tool.driver.rules!.length, report.policies.length);
            assert.strictEqual(renderSynthSarif(report), `${stableStringify(log, 0)}\n`);
            const inspected = report.stacks.filter((s) => s.inspection);
            assert.deepEqual(
                only!.results!.map((r) => r.properties!.stack),
                inspected.flatMap((s) => s.findings.map(() => s.stack)),
            );
            for (const result of only!.results!) {
                const stack = inspected.find((s) => s.stack === result.properties!.stack)!;
                assert.equal(result.locations![0]!.physicalLocation!.artifactLocation!.uri, `${stack.path}/program.ts`);
                assert.equal(only!.tool.driver.rules![result.ruleIndex!]!.id, result.ruleId);
            }
            assert.deepEqual(
                only!.properties!.stacks,
                Object.fromEntries(inspected.map((s) => [s.stack, { passed: s.inspection!.passed }])),
            );
            const marks = Object.fromEntries(inspected.filter((s) => s.cached).map((s) => [s.stack, s.cached]));
            assert.deepEqual(only!.properties!["edf/cached"], Object.keys(marks).length > 0 ? marks : undefined);
        }
        assert.ok(toSynthSarif(withFrameworks).runs[0]!.taxonomies!.length > 0, "the frameworks give taxonomies");
    });

    it("fingerprints a finding on a whole stack with its stack, so equal findings of two stacks stay two alerts", () => {
        const log = toSynthSarif(run.report);
        const fingerprints = log.runs[0]!.results!.map((r) => r.partialFingerprints!["edfFinding/v1"]!);
        assert.equal(new Set(fingerprints).size, fingerprints.length);
        for (const result of log.runs[0]!.results!) {
            const fingerprint = result.partialFingerprints!["edfFinding/v1"]!;
            assert.doesNotMatch(fingerprint, /\|\|/, "no finding is fingerprinted without a resource or a stack");
        }
    });

    it("renders SARIF 2.1.0 that the official schema accepts, one run for the environment", () => {
        const log = JSON.parse(renderSynthSarif(run.report)) as { runs: { automationDetails: { id: string }; results: unknown[] }[] };
        const validate = sarifValidator();
        assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
        assert.deepEqual(
            log.runs.map((r) => r.automationDetails.id),
            ["edf-synth/mini/"],
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

    it("writes the same files whether each is written before the next is rendered or while it is", async () => {
        const direct = writeSynthReports(run, fs.mkdtempSync(path.join(os.tmpdir(), "edf-synth-")));
        const overlapped = await writeSynthReportsOverlapped(run, fs.mkdtempSync(path.join(os.tmpdir(), "edf-synth-")));
        for (const name of ["json", "sarif", "markdown", "html", "timings"] as const) {
            assert.strictEqual(path.basename(overlapped[name]), path.basename(direct[name]));
            assert.ok(fs.readFileSync(overlapped[name]).equals(fs.readFileSync(direct[name])), `${name} differs`);
        }
        for (const dir of [direct.dir, overlapped.dir]) fs.rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true });
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
        assert.equal(escapeHtml(`a & b <c> "d" 'e' &amp;`), "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &amp;amp;");
        assert.equal(escapeHtml("nothing to escape"), "nothing to escape");
    });

    it("summarises blocking findings per stack in Markdown", () => {
        const md = renderSynthMarkdown(run.report);
        assert.match(md, /^# edf synth: mini — FAILED \(mandatory policy violations\)/);
        assert.match(md, /## Blocking \(mandatory\)/);
        assert.match(md, /\| mini\.kitchen-sink \| s3-bucket-public-access-blocked \| critical \|/);
        assert.match(md, /sample values/);
    });

    it("marks the stacks the synth cache served in summary.md and report.html, and in neither when none was", () => {
        const first = run.report.stacks[0]!;
        const cached = {
            ...run.report,
            stacks: run.report.stacks.map((s) => (s === first ? { ...s, cached: "evaluation+inspection" as const } : s)),
            cache: { reused: 1, inspectionsReused: 1, evaluated: run.report.stacks.length - 1 },
        };
        const md = renderSynthMarkdown(cached);
        assert.match(md, new RegExp(`1 of ${run.report.stacks.length} stack\\(s\\) came from the synth cache`));
        assert.ok(md.includes(`| ${first.stack} *cached* |`), "the cached stack's row is marked");
        assert.strictEqual(md.split("*cached*").length - 1, 2, "the note and one row");
        assert.match(
            renderSynthHtml(cached),
            /<span class="pill" title="reused from the synth cache: evaluation and inspection">cached<\/span>/,
        );
        assert.doesNotMatch(renderSynthMarkdown(run.report), /cached/);
        assert.doesNotMatch(renderSynthHtml(run.report), />cached</);
    });
});
