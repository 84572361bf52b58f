import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { RunReport } from "../../../automation/engine/report";
import type { StackResult } from "../../../automation/engine/types";
import { EdfError } from "../../../automation/errors";
import { mergeRunReports } from "../../../automation/report-merge";
import type { StackStatus } from "../../../automation/run/outcome";
import { renderReportMarkdown } from "../../../automation/run/report/markdown";
import { summarize } from "../../../automation/run/report/summary";

// `edf report merge`: the run reports of a fanned-out run's jobs, one environment report, as if
// one runner had run every stack — outcome and exit code by the one rule of every command.

function stack(unit: string, status: StackStatus, violations: StackResult["violations"] = []): StackResult {
    return {
        unit,
        stack: `prod.${unit}`,
        path: `stacks/${unit}`,
        status,
        dependsOn: [],
        inputs: [],
        outputs: {},
        secretOutputs: [],
        invokes: {},
        resourceCounts: { total: 1, custom: 1, components: 0, byType: {} },
        resources: [],
        findings: [],
        waivers: { applied: [], expired: [], rejected: [], unused: [] },
        attempts: 1,
        durationMs: 1000,
        changes: { create: 1 },
        violations,
        steps: [],
        drift: [],
        unknowns: [],
    };
}

function job(dir: string, name: string, startedAt: string, stacks: StackResult[], overrides: Partial<RunReport> = {}): string {
    const report: RunReport = {
        reportVersion: 1,
        command: "up",
        environment: "prod",
        spec: "environments/prod.yaml",
        date: "2026-12-01",
        pack: null,
        graph: { units: stacks.map((s) => s.unit), edges: [] },
        summary: summarize(stacks, [], true),
        policies: [],
        frameworks: [],
        backend: "s3://state/edf",
        startedAt,
        finishedAt: new Date(Date.parse(startedAt) + 60_000).toISOString(),
        durationMs: 60_000,
        parallel: 4,
        selection: stacks.map((s) => s.unit),
        outcome: "succeeded",
        exitCode: 0,
        stacks,
        violations: stacks.flatMap((s) => s.violations),
        counts: {},
        ...overrides,
    };
    const file = path.join(dir, name, "report.json");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(report));
    return file;
}

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "edf-merge-"));

describe("edf report merge", () => {
    it("merges the jobs of every level into one report with the run's outcome", () => {
        const dir = tmp();
        job(dir, "level-0", "2026-12-01T10:00:00.000Z", [stack("security", "succeeded"), stack("network", "failed")]);
        job(dir, "level-1-a", "2026-12-01T10:02:00.000Z", [stack("shared-services", "skipped")]);
        job(dir, "level-1-b", "2026-12-01T10:02:05.000Z", [stack("dns", "succeeded")]);
        const merged = mergeRunReports([dir]);
        assert.deepEqual(
            merged.stacks.map((s) => `${s.unit} ${s.status}`),
            ["security succeeded", "network failed", "shared-services skipped", "dns succeeded"],
        );
        assert.equal(merged.outcome, "failed");
        assert.equal(merged.exitCode, 1);
        assert.deepEqual(merged.counts, { succeeded: 2, failed: 1, skipped: 1 });
        assert.equal(merged.startedAt, "2026-12-01T10:00:00.000Z");
        assert.equal(merged.finishedAt, "2026-12-01T10:03:05.000Z");
        assert.equal(merged.merged.reports.length, 3);
        assert.equal(merged.summary.stacks, 4);
        assert.equal(merged.summary.failed, 1);
        assert.deepEqual(merged.graph.units, ["security", "network", "shared-services", "dns"]);
        // The one writer renders it, as it does every command's report.
        assert.match(renderReportMarkdown(merged), /network/);
    });

    it("keeps every policy violation and decides a policy-violation outcome", () => {
        const dir = tmp();
        const violation = {
            unit: "app",
            stack: "prod.app",
            policyPack: "edf-pipeline",
            policy: "s3-bucket-encrypted",
            enforcementLevel: "mandatory" as const,
            message: "…",
        };
        job(dir, "a", "2026-12-01T10:00:00.000Z", [stack("app", "policy-violation", [violation])]);
        job(dir, "b", "2026-12-01T10:00:01.000Z", [stack("db", "succeeded")]);
        const merged = mergeRunReports([path.join(dir, "a", "report.json"), path.join(dir, "b", "report.json")]);
        assert.equal(merged.outcome, "policy-violation");
        assert.equal(merged.exitCode, 2);
        assert.deepEqual(merged.violations, [violation]);
    });

    it("keeps the run of a stack a retried job deployed, not its skip", () => {
        const dir = tmp();
        job(dir, "first", "2026-12-01T10:00:00.000Z", [stack("app", "skipped")]);
        job(dir, "retry", "2026-12-01T11:00:00.000Z", [stack("app", "succeeded")]);
        const merged = mergeRunReports([dir]);
        assert.deepEqual(
            merged.stacks.map((s) => s.status),
            ["succeeded"],
        );
        assert.equal(merged.exitCode, 0);
    });

    it("refuses reports of different environments, synth reports and files that are not reports, naming each", () => {
        const dir = tmp();
        job(dir, "prod", "2026-12-01T10:00:00.000Z", [stack("a", "succeeded")]);
        job(dir, "dev", "2026-12-01T10:00:00.000Z", [stack("a", "succeeded")], { environment: "dev" });
        fs.mkdirSync(path.join(dir, "synth"));
        fs.writeFileSync(path.join(dir, "synth", "report.json"), JSON.stringify({ reportVersion: 1, command: "synth", stacks: [] }));
        assert.throws(
            () => mergeRunReports([dir]),
            (e: unknown) => {
                assert.ok(e instanceof EdfError);
                assert.equal(e.code, "EDF_USAGE");
                const text = e.problems.map((p) => `${path.basename(path.dirname(p.file!))}: ${p.message}`).sort();
                assert.deepEqual(text, [
                    "prod: `up` of `prod`, not `up` of `dev`",
                    "synth: a synth report: synth runs an environment in one job",
                ]);
                return true;
            },
        );
        assert.throws(
            () => mergeRunReports([]),
            (e: unknown) => e instanceof EdfError && e.code === "EDF_USAGE",
        );
    });

    it("refuses a report that is a FIFO at once, naming it, instead of waiting on it", () => {
        const dir = tmp();
        job(dir, "a", "2026-12-01T10:00:00.000Z", [stack("a", "succeeded")]);
        fs.mkdirSync(path.join(dir, "b"));
        execFileSync("mkfifo", [path.join(dir, "b", "report.json")]);
        assert.throws(
            () => mergeRunReports([dir]),
            (e: unknown) => {
                assert.ok(e instanceof EdfError);
                assert.equal(e.code, "EDF_USAGE");
                assert.deepEqual(
                    e.problems.map((p) => [path.relative(dir, p.file!), p.message]),
                    [[path.join("b", "report.json"), "it is a named pipe (FIFO), not a regular file"]],
                );
                return true;
            },
        );
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
