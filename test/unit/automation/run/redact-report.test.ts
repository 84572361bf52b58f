import * as assert from "assert";
import { Redactor } from "../../../../automation/redact";
import { runOutcome } from "../../../../automation/run/outcome";
import { summaryTable, RunReport } from "../../../../automation/engine/report";
import type { StackResult } from "../../../../automation/engine/types";

const stack = (unit: string, status: StackResult["status"], extra: Partial<StackResult> = {}): StackResult => ({
    unit,
    stack: `dev.${unit}`,
    path: `test/fixtures/units/${unit}`,
    status,
    dependsOn: [],
    inputs: [],
    outputs: {},
    secretOutputs: [],
    invokes: {},
    resourceCounts: { total: 0, custom: 0, components: 0, byType: {} },
    resources: [],
    findings: [],
    waivers: { applied: [], expired: [], rejected: [], unused: [] },
    attempts: 1,
    durationMs: 1000,
    changes: {},
    steps: [],
    drift: [],
    unknowns: [],
    violations: [],
    ...extra,
});

describe("engine run reports", () => {
    it("scrubs registered secrets, also inside JSON-escaped text", () => {
        const redactor = new Redactor();
        redactor.add('pa"ss-word');
        redactor.add("ab"); // too short to scrub safely
        assert.strictEqual(redactor.scrub('{"v":"pa\\"ss-word"} pa"ss-word ab'), '{"v":"[secret]"} [secret] ab');
    });

    it("scrubs secrets full of regular-expression characters, and one registered after a scrub, leaving clean text as it is", () => {
        const redactor = new Redactor();
        redactor.add("a.b*c+d?(e)[f]{g}|h^i$j\\k/l");
        const clean = "a-b-c nothing secret here, a.b*c";
        assert.strictEqual(redactor.scrub(clean), clean);
        assert.strictEqual(redactor.scrub("x a.b*c+d?(e)[f]{g}|h^i$j\\k/l y"), "x [secret] y");
        assert.strictEqual(redactor.scrub("x axbbbc y"), "x axbbbc y", "the secret is matched as text, not as a pattern");
        redactor.add("token-added-later");
        assert.strictEqual(redactor.scrub("a token-added-later"), "a [secret]");
    });

    it("maps results to the documented outcomes and exit codes, the same rule for every command", () => {
        assert.deepStrictEqual(runOutcome([stack("a", "succeeded")], false), { outcome: "succeeded", exitCode: 0 });
        assert.deepStrictEqual(runOutcome([stack("a", "failed"), stack("b", "policy-violation")], false), {
            outcome: "failed",
            exitCode: 1,
        });
        assert.deepStrictEqual(runOutcome([stack("a", "policy-violation"), stack("b", "skipped")], false), {
            outcome: "policy-violation",
            exitCode: 2,
        });
        assert.deepStrictEqual(runOutcome([stack("a", "succeeded", { drifted: true })], false), {
            outcome: "drifted",
            exitCode: 4,
        });
        assert.deepStrictEqual(runOutcome([stack("a", "succeeded")], true), { outcome: "interrupted", exitCode: 130 });
        // A cancelled stack means the run was interrupted, whichever executor ran it.
        assert.deepStrictEqual(runOutcome([stack("a", "failed"), stack("b", "cancelled")], false), {
            outcome: "interrupted",
            exitCode: 130,
        });
    });

    it("prints a summary table with every stack, its changes and the violations", () => {
        const report: RunReport = {
            reportVersion: 1,
            command: "up",
            environment: "dev",
            spec: "environments/dev.yaml",
            date: "2026-12-01",
            pack: null,
            graph: { units: ["a", "b"], edges: [] },
            summary: {
                stacks: 2,
                passed: 1,
                policyViolation: 1,
                failed: 0,
                skipped: 0,
                cancelled: 0,
                resources: 0,
                evaluations: 0,
                mandatory: 1,
                advisory: 0,
                waived: 0,
            },
            policies: [
                {
                    id: "p",
                    description: "Checks whether x.",
                    severity: "high",
                    level: "mandatory",
                    waivable: true,
                    remediationSteps: "Make it y.",
                },
            ],
            frameworks: [],
            backend: "file",
            startedAt: "",
            finishedAt: "",
            durationMs: 2500,
            parallel: 4,
            selection: ["a", "b"],
            outcome: "policy-violation",
            exitCode: 2,
            stacks: [
                stack("a", "succeeded", { changes: { create: 2, same: 1 } }),
                stack("b", "policy-violation", {
                    reason: "mandatory policy violation: p",
                    findings: [
                        {
                            policyId: "p",
                            urn: "urn:pulumi:dev.b::edf::t::r",
                            resourceName: "r",
                            level: "mandatory",
                            severity: "high",
                            message: "Resource `r` must be y.",
                            kind: "violation",
                        },
                    ],
                }),
            ],
            violations: [
                {
                    unit: "b",
                    stack: "dev.b",
                    policyPack: "pack",
                    policy: "p",
                    enforcementLevel: "mandatory",
                    message: "Checks whether x.\nResource `r` must be y.",
                },
            ],
            counts: { succeeded: 1, "policy-violation": 1 },
        };
        const table = summaryTable(report);
        assert.match(table, /^STACK\s+STATUS\s+TIME\s+RESOURCES/);
        assert.match(table, /a\s+succeeded\s+1\.0s\s+create 2, same 1/);
        assert.match(
            table,
            /1 mandatory finding\(s\) block this up:\n {2}✗ p · dev\.b · r\n {6}Resource `r` must be y\.\n {6}fix: Make it y\./,
        );
        assert.match(table, /up dev: policy-violation \(1 succeeded, 1 policy-violation\) in 2\.5s — exit 2/);
    });
});
