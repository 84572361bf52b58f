import * as assert from "assert";
import { baselines, fingerprintOf, previousDigests } from "../../../../automation/inspect/delta";
import type { InspectReport } from "../../../../automation/inspect/report/model";

const URN = "urn:pulumi:prod.apps::edf::aws:ecs/taskDefinition:TaskDefinition::worker-task";
const finding = (message: string, policyId = "image-distribution-supported") => ({
    policyId,
    urn: URN,
    kind: "violation" as const,
    message,
});

/** A report with one stack in `status` holding findings with these fingerprints, and these running digests. */
function report(status: string, fingerprints: string[], digests: string[] = []): InspectReport {
    return {
        stacks: [
            {
                unit: "apps",
                status,
                findings: fingerprints.map((fingerprint) => ({ ...finding("m"), level: "mandatory", fingerprint })),
                services: [{ containers: [{ running: digests.map((digest) => ({ digest, tasks: 1 })) }] }],
            },
        ],
    } as unknown as InspectReport;
}

describe("the delta between inspections", () => {
    describe("fingerprintOf", () => {
        it("is the same finding when only a digest, an age, a task id or a byte count in its message changed", () => {
            const a = fingerprintOf(
                "apps",
                finding("sha256:0123456789ab… runs Alpine 3.18, out of support for 210 days (task 4f1c2a9e-77) (12 of 40 bytes)"),
            );
            const b = fingerprintOf(
                "apps",
                finding("sha256:ba9876543210… runs Alpine 3.18, out of support for 211 days (task 0a1b2c3d-88) (13 of 41 bytes)"),
            );
            assert.strictEqual(a, b);
            assert.match(a, /^sha256:[0-9a-f]{32}$/);
        });

        it("is another finding when the policy, the stack or what the message says changed", () => {
            const base = fingerprintOf("apps", finding("runs Alpine 3.18"));
            assert.notStrictEqual(fingerprintOf("apps", finding("runs Alpine 3.19")), base);
            assert.notStrictEqual(fingerprintOf("legacy", finding("runs Alpine 3.18")), base);
            assert.notStrictEqual(fingerprintOf("apps", finding("runs Alpine 3.18", "image-runs-as-non-root")), base);
        });
    });

    describe("baselines", () => {
        it("takes each stack's newest earlier run in which it was inspected, skipping a night it failed", () => {
            const history = [
                { report: report("failed", []), runDir: "runs/3" },
                { report: report("policy-violation", ["sha256:b"]), runDir: "runs/2" },
                { report: report("passed", ["sha256:a"]), runDir: "runs/1" },
            ];
            const apps = baselines(history).get("apps");
            assert.strictEqual(apps?.runDir, "runs/2");
            assert.deepStrictEqual(
                apps?.findings.map((f) => f.fingerprint),
                ["sha256:b"],
            );
        });

        it("has no baseline for a stack never inspected before", () => {
            assert.strictEqual(baselines([{ report: report("failed", []), runDir: "runs/1" }]).get("apps"), undefined);
            assert.strictEqual(baselines([]).size, 0);
        });
    });

    it("takes the previous running digests from the newest run that observed any", () => {
        const digests = previousDigests([{ report: report("failed", [], []) }, { report: report("passed", [], ["sha256:1", "sha256:2"]) }]);
        assert.deepStrictEqual([...(digests ?? [])].sort(), ["sha256:1", "sha256:2"]);
        assert.strictEqual(previousDigests([]), undefined);
    });
});
