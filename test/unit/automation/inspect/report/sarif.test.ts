import { strict as assert } from "assert";
import type * as sarif from "sarif";
import type { InspectFinding, InspectReport, InspectStackReport } from "../../../../../automation/inspect/report/model";
import { toInspectSarif } from "../../../../../automation/inspect/report/sarif";
import { sarifValidator } from "../../../../support/sarif";

const POLICIES = [
    {
        id: "image-runs-as-non-root",
        description: "Runs as non-root.",
        severity: "high",
        level: "mandatory",
        waivable: true,
        remediationSteps: "Set USER.",
    },
    {
        id: "image-sbom-present",
        description: "Has an SBOM.",
        severity: "medium",
        level: "advisory",
        waivable: true,
        remediationSteps: "Scan it.",
    },
] as const;

function finding(stack: string, policyId: string, resourceName: string | undefined, fingerprint: string, isNew: boolean): InspectFinding {
    return {
        policyId,
        urn: resourceName ? `urn:pulumi:${stack}::edf::aws:ecs/taskDefinition:TaskDefinition::${resourceName}` : "",
        ...(resourceName ? { resourceName } : {}),
        level: policyId === "image-sbom-present" ? "advisory" : "mandatory",
        severity: "high",
        message: `${policyId} on ${resourceName ?? "the stack"}`,
        kind: "violation",
        fingerprint,
        new: isNew,
    } as unknown as InspectFinding;
}

function stack(unit: string, status: string, findings: InspectFinding[], inspected = true): InspectStackReport {
    return {
        unit,
        stack: `prod.${unit}`,
        status,
        services: [],
        findings,
        waivers: { applied: [], expired: [], rejected: [], unused: [] },
        ...(inspected ? { inspection: { evaluations: 4, mandatory: findings.length, advisory: 0, waived: 0 } } : {}),
        notes: [],
    } as unknown as InspectStackReport;
}

/** Two inspected stacks with the same stack-wide finding, one passed, one not inspected. */
const report = {
    environment: "prod",
    date: "2026-12-05",
    pack: { name: "edf-runtime", version: "1.0.0", path: "policy-packs/runtime" },
    outcome: "policy-violation",
    policies: POLICIES,
    frameworks: [],
    stacks: [
        stack("apps", "policy-violation", [
            finding("prod.apps", "image-runs-as-non-root", "worker-task", "sha256:f1", true),
            finding("prod.apps", "image-sbom-present", undefined, "sha256:f2", false),
        ]),
        stack("payments", "policy-violation", [finding("prod.payments", "image-sbom-present", undefined, "sha256:f3", true)]),
        stack("quiet", "passed", []),
        stack("legacy", "failed", [], false),
    ],
} as unknown as InspectReport;

describe("edf inspect's report.sarif", () => {
    const log = toInspectSarif(report, (unit) => `services/${unit}/program.ts`);

    it("is valid SARIF 2.1.0 with one run for the environment, the pack's rules once", () => {
        const validate = sarifValidator();
        assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
        assert.equal(log.runs.length, 1);
        const [run] = log.runs as [sarif.Run];
        assert.equal(run.automationDetails?.id, "edf-inspect/prod/");
        assert.deepEqual(
            run.tool.driver.rules?.map((r) => r.id),
            POLICIES.map((p) => p.id),
        );
        assert.deepEqual(run.properties, {
            environment: "prod",
            passed: false,
            stacks: { "prod.apps": { passed: false }, "prod.payments": { passed: false }, "prod.quiet": { passed: true } },
        });
    });

    it("names each result's stack, anchors it to the unit's program and keeps its fingerprint and baseline state", () => {
        const results = log.runs[0]!.results!;
        assert.deepEqual(
            results.map((r) => [
                r.properties?.["stack"],
                r.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
                r.partialFingerprints?.["edfInspectFinding/v1"],
                r.baselineState,
                r.ruleIndex,
            ]),
            [
                ["prod.apps", "services/apps/program.ts", "sha256:f1", "new", 0],
                ["prod.apps", "services/apps/program.ts", "sha256:f2", "unchanged", 1],
                ["prod.payments", "services/payments/program.ts", "sha256:f3", "new", 1],
            ],
        );
    });

    it("keeps equal stack-wide findings of two stacks apart as two alerts", () => {
        const [, apps, payments] = log.runs[0]!.results!;
        assert.notEqual(apps!.partialFingerprints!["edfFinding/v1"], payments!.partialFingerprints!["edfFinding/v1"]);
        assert.match(apps!.partialFingerprints!["edfFinding/v1"]!, /\|stack:prod\.apps\|/);
    });

    it("has no run when no stack was inspected", () => {
        const none = toInspectSarif({ ...report, stacks: [stack("legacy", "failed", [], false)] } as InspectReport, () => "x");
        assert.deepEqual(none.runs, []);
    });
});
