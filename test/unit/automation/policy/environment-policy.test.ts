import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import {
    environmentPolicyProblems,
    resolveEnvironmentPolicy,
    resolveRuntimePolicy,
} from "../../../../automation/policy/environment-policy";
import { loadSpec } from "../../../../automation/spec/load";
import { inspect } from "../../../../policy-packs/lib/inspect";
import { inspectionJobFor } from "../../../../automation/synth/inspection";
import { decisionTime } from "../../../../automation/policy/environment-policy";
import { PROJECT_ROOT } from "../../../support/toolchain";

const UNITS = "units:\n  network:\n    path: platform/network\n";
const WAIVERS = `waivers:
  - id: W-1
    policy: s3-bucket-kms-encrypted
    selector: { type: "aws:s3/bucket:Bucket" }
    reason: a reason long enough to be reviewed
    owner: team-platform
    ticket: PLAT-1
    expires: "2099-12-31"
`;

describe("the environment's policy (one policy module)", () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-env-policy-"));
        fs.mkdirSync(path.join(dir, "waivers"));
        fs.writeFileSync(path.join(dir, "waivers", "a.yaml"), WAIVERS);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    function load(policy: string) {
        const file = path.join(dir, "env.yaml");
        fs.writeFileSync(file, `environment: prod\npolicy:\n${policy}\n${UNITS}`);
        return loadSpec(file, PROJECT_ROOT);
    }

    function rejection(fn: () => unknown): EdfError {
        try {
            fn();
        } catch (error) {
            assert.ok(error instanceof EdfError);
            return error;
        }
        assert.fail("expected the policy settings to be rejected");
    }

    describe("for the runtime pack (`inspect.policy`), by the same path", () => {
        const RUNTIME_WAIVER = WAIVERS.replace("s3-bucket-kms-encrypted", "image-sbom-present").replace(
            "aws:s3/bucket:Bucket",
            "aws:ecs/taskDefinition:TaskDefinition",
        );
        function loadRuntime(settings: string) {
            const file = path.join(dir, "env.yaml");
            fs.writeFileSync(file, `environment: prod\ninspect:\n  policy:\n${settings}\n${UNITS}`);
            return loadSpec(file, PROJECT_ROOT);
        }

        it("reads its waiver files with the checked reader: each waiver keeps its file and line", () => {
            fs.writeFileSync(path.join(dir, "waivers", "runtime.yaml"), RUNTIME_WAIVER);
            const policy = resolveRuntimePolicy(loadRuntime("    waivers: waivers/runtime.yaml"), PROJECT_ROOT, { date: "2026-12-05" });
            assert.deepStrictEqual(
                policy.waivers.map((w) => [w.id, w.policy, path.basename(w.source ?? ""), w.line]),
                [["W-1", "image-sbom-present", "runtime.yaml", 2]],
            );
        });

        it("refuses a `--waivers` file that is a FIFO at once, naming it, instead of waiting on it", function () {
            if (process.platform === "win32") this.skip();
            const fifo = path.join(dir, "waivers", "fifo.yaml");
            execFileSync("mkfifo", [fifo]);
            const error = rejection(() => resolveRuntimePolicy(loadRuntime("    config: {}"), PROJECT_ROOT, { extraWaiverFiles: [fifo] }));
            assert.strictEqual(error.code, "EDF_SPEC_INVALID");
            assert.match(error.problems.map((p) => p.message).join("\n"), /not a regular file|FIFO/);
        });

        it("checks its settings with a did-you-mean against the runtime pack's policies, at the setting's own line", () => {
            const error = rejection(() =>
                resolveRuntimePolicy(loadRuntime("    enforcement:\n      image-sbom-presnt: mandatory"), PROJECT_ROOT),
            );
            assert.deepStrictEqual(
                error.problems.map((p) => [p.path, p.line, p.fix]),
                [["/inspect/policy/enforcement/image-sbom-presnt", 5, "did you mean `image-sbom-present`?"]],
            );
        });
    });

    it("rejects a waiver file the library's rules reject, naming the waiver file's line and the spec entry that lists it", () => {
        fs.writeFileSync(
            path.join(dir, "waivers", "bad.yaml"),
            WAIVERS.replace("W-1", "W-2").replace('expires: "2099-12-31"', "expires: soon"),
        );
        const loaded = load("  waivers:\n    - waivers/a.yaml\n    - waivers/bad.yaml");
        const error = rejection(() => resolveEnvironmentPolicy(loaded, PROJECT_ROOT));
        assert.strictEqual(error.code, "EDF_SPEC_INVALID");
        assert.deepStrictEqual(
            error.problems.map((p) => [path.basename(p.file ?? ""), p.path, p.line]),
            [["bad.yaml", "/waivers/0/expires", 8]],
        );
        assert.match(error.problems[0]!.message, /`waivers\.0\.expires` must match pattern.*listed at .*env\.yaml:5 \/policy\/waivers\/1/);
        assert.match(error.problems[0]!.fix ?? "", /YYYY-MM-DD/);
    });

    it("refuses a listed waiver file it cannot read at the spec's line that lists it, a single path or a list entry", () => {
        fs.writeFileSync(path.join(dir, "waivers", "latin1.yaml"), Buffer.from("reason: caf\xe9\n", "latin1"));
        const listed = rejection(() =>
            resolveEnvironmentPolicy(load("  waivers:\n    - waivers/a.yaml\n    - waivers/latin1.yaml"), PROJECT_ROOT),
        );
        assert.deepStrictEqual(
            listed.problems.map((p) => [path.basename(p.file ?? ""), p.path, p.line]),
            [["env.yaml", "/policy/waivers/1", 5]],
        );
        assert.match(listed.problems[0]!.message, /not UTF-8 text/);
        const single = rejection(() => resolveEnvironmentPolicy(load("  waivers: waivers/latin1.yaml"), PROJECT_ROOT));
        assert.deepStrictEqual(
            single.problems.map((p) => [path.basename(p.file ?? ""), p.line]),
            [["env.yaml", 3]],
        );
    });

    it("refuses a waiver whose expiry is not a day of the calendar", () => {
        fs.writeFileSync(path.join(dir, "waivers", "a.yaml"), WAIVERS.replace("2099-12-31", "2026-02-30"));
        const error = rejection(() => resolveEnvironmentPolicy(load("  waivers: waivers/a.yaml"), PROJECT_ROOT));
        assert.deepStrictEqual(
            error.problems.map((p) => [p.path, p.line]),
            [["/waivers/0/expires", 8]],
        );
        assert.match(error.problems[0]!.message, /`2026-02-30` is not a real date/);
    });

    it("refuses a waiver of a policy that may not be waived, before anything runs", () => {
        fs.writeFileSync(path.join(dir, "waivers", "a.yaml"), WAIVERS.replace("s3-bucket-kms-encrypted", "rds-storage-encrypted"));
        const error = rejection(() => resolveEnvironmentPolicy(load("  waivers: waivers/a.yaml"), PROJECT_ROOT));
        assert.deepStrictEqual(
            error.problems.map((p) => [p.path, p.line]),
            [["/waivers/0/policy", 3]],
        );
        assert.match(error.problems[0]!.message, /`rds-storage-encrypted`, which may not be waived/);
    });

    it("suggests the near policy id for a typo in a waiver, `enforcement` or `config`, each at its own line", () => {
        fs.writeFileSync(path.join(dir, "waivers", "a.yaml"), WAIVERS.replace("s3-bucket-kms-encrypted", "s3-bucket-kms-encryptd"));
        const error = rejection(() =>
            resolveEnvironmentPolicy(
                load(
                    "  enforcement:\n    rds-multi-az-in-prod: mandatory\n" +
                        "  config:\n    cloudwatch-log-group-retenton: { minRetentionDays: 400 }\n" +
                        "  waivers: waivers/a.yaml",
                ),
                PROJECT_ROOT,
            ),
        );
        assert.deepStrictEqual(
            error.problems.map((p) => [p.path, p.line, p.fix]),
            [
                ["/policy/enforcement/rds-multi-az-in-prod", 4, "did you mean `rds-multi-az-in-production`?"],
                ["/policy/config/cloudwatch-log-group-retenton", 6, "did you mean `cloudwatch-log-group-retention`?"],
                ["/waivers/0/policy", 3, "did you mean `s3-bucket-kms-encrypted`?"],
            ],
        );
    });

    it("decides `enforceAfter` from the spec: the level before the day, mandatory from it", () => {
        const loaded = load('  enforcement:\n    ecs-image-pinned-by-digest: { level: advisory, enforceAfter: "2027-03-01" }');
        const level = (date: string): unknown =>
            (
                resolveEnvironmentPolicy(loaded, PROJECT_ROOT, { date })!.packConfig["ecs-image-pinned-by-digest"] as {
                    enforcementLevel: string;
                }
            ).enforcementLevel;
        assert.strictEqual(level("2027-02-28"), "advisory");
        assert.strictEqual(level("2027-03-01"), "mandatory");
    });

    it("rejects the same waiver id in two files", () => {
        fs.writeFileSync(path.join(dir, "waivers", "b.yaml"), WAIVERS);
        const problems = environmentPolicyProblems(load("  waivers: [waivers/a.yaml, waivers/b.yaml]"), PROJECT_ROOT);
        assert.match(problems[0]!.message, /`W-1` appears in both/);
    });

    it("rejects an unknown policy id in `enforcement`, naming the spec file", () => {
        const error = rejection(() => resolveEnvironmentPolicy(load("  enforcement:\n    no-such-policy: advisory"), PROJECT_ROOT));
        assert.strictEqual(error.code, "EDF_SPEC_INVALID");
        assert.match(error.problems.map((p) => p.message).join("\n"), /no-such-policy/);
        assert.ok(error.problems.every((p) => p.file?.endsWith("env.yaml")));
    });

    it("gives nothing when the spec turns enforcement off", () => {
        assert.strictEqual(resolveEnvironmentPolicy(load("  enabled: false"), PROJECT_ROOT), undefined);
    });

    it("resolves the example prod environment once: pack, levels, waivers and the engine's document", () => {
        const loaded = loadSpec(path.join(PROJECT_ROOT, "environments", "prod.yaml"), PROJECT_ROOT);
        const policy = resolveEnvironmentPolicy(loaded, PROJECT_ROOT, { date: "2026-12-01" })!;
        assert.strictEqual(policy.environment, "prod");
        assert.strictEqual(policy.pack.display, "policy-packs/pipeline");
        assert.ok(policy.waivers.length > 0 && policy.waivers.every((w) => !path.isAbsolute(w.source ?? "")));
        const multiAz = policy.engineConfig["rds-multi-az-in-production"] as { enforcementLevel?: string };
        assert.strictEqual(multiAz.enforcementLevel, "mandatory");
    });

    describe("frameworks (`policy.frameworks`)", () => {
        it("reports against every framework with a mapping file when the spec names none", () => {
            const policy = resolveEnvironmentPolicy(load("  pack: policy-packs/pipeline"), PROJECT_ROOT)!;
            assert.deepStrictEqual(
                policy.frameworks.map((f) => f.id),
                ["cis-aws-3.0", "nist-800-53-r5", "pci-dss-4.0.1"],
            );
        });

        it("keeps the frameworks the spec chooses, in its order, and none for `[]`", () => {
            const chosen = resolveEnvironmentPolicy(load("  frameworks: [pci-dss-4.0.1, cis-aws-3.0]"), PROJECT_ROOT)!;
            assert.deepStrictEqual(
                chosen.frameworks.map((f) => f.id),
                ["pci-dss-4.0.1", "cis-aws-3.0"],
            );
            assert.deepStrictEqual(resolveEnvironmentPolicy(load("  frameworks: []"), PROJECT_ROOT)!.frameworks, []);
        });

        it("never changes a level or a config value", () => {
            const none = resolveEnvironmentPolicy(load("  frameworks: []"), PROJECT_ROOT)!;
            const all = resolveEnvironmentPolicy(load("  frameworks: [pci-dss-4.0.1, nist-800-53-r5, cis-aws-3.0]"), PROJECT_ROOT)!;
            assert.deepStrictEqual(all.engineConfig, none.engineConfig);
        });
    });

    describe("the waiver policy (`policy.waiverPolicy`)", () => {
        const approved = (extra: string) =>
            WAIVERS.replace('expires: "2099-12-31"', `expires: "2027-02-28"\n${extra}`).replace(/\n\n/g, "\n");

        it("accepts a waiver approved by someone else, within its maximum lifetime", () => {
            fs.writeFileSync(path.join(dir, "waivers", "a.yaml"), approved('    approver: security-lead\n    approved: "2026-12-01"'));
            const loaded = load("  waivers: waivers/a.yaml\n  waiverPolicy: { maxDays: 90, requireApprover: true }");
            const policy = resolveEnvironmentPolicy(loaded, PROJECT_ROOT, { date: "2026-12-05" })!;
            assert.deepStrictEqual(
                policy.waivers.map((w) => [w.id, w.approver, w.approved]),
                [["W-1", "security-lead", "2026-12-01"]],
            );
            assert.deepStrictEqual(policy.waiverPolicy, { maxDays: 90, requireApprover: true });
        });

        it("rejects a waiver that outlives the maximum, naming the waiver file, its line and the last allowed day", () => {
            fs.writeFileSync(path.join(dir, "waivers", "a.yaml"), `# reviewed exceptions\n${WAIVERS}`);
            const loaded = load("  waivers: waivers/a.yaml\n  waiverPolicy: { maxDays: 90 }");
            const error = rejection(() => resolveEnvironmentPolicy(loaded, PROJECT_ROOT, { date: "2026-12-05" }));
            assert.strictEqual(error.code, "EDF_SPEC_INVALID");
            assert.deepStrictEqual(
                error.problems.map((p) => [path.basename(p.file ?? ""), p.line, p.path]),
                [["a.yaml", 3, "/waivers/0/expires"]],
            );
            assert.match(
                error.problems[0]!.message,
                /`W-1` runs \d+ days \(from 2026-12-05 to 2099-12-31\), longer than this environment's 90/,
            );
            assert.match(error.problems[0]!.fix ?? "", /on or before 2027-03-05/);
        });

        it("measures the lifetime from the approval day when there is one", () => {
            fs.writeFileSync(path.join(dir, "waivers", "a.yaml"), approved('    approver: security-lead\n    approved: "2026-10-01"'));
            const problems = environmentPolicyProblems(load("  waivers: waivers/a.yaml\n  waiverPolicy: { maxDays: 90 }"), PROJECT_ROOT);
            assert.match(problems.map((p) => p.message).join("\n"), /runs 150 days \(approved 2026-10-01 to 2027-02-28\)/);
        });

        it("requires an approver other than the owner, and the approval day, when the environment says so", () => {
            fs.writeFileSync(path.join(dir, "waivers", "a.yaml"), approved("    approver: Team-Platform"));
            const problems = environmentPolicyProblems(
                load("  waivers: waivers/a.yaml\n  waiverPolicy: { requireApprover: true }"),
                PROJECT_ROOT,
            );
            assert.deepStrictEqual(
                problems.map((p) => p.path),
                ["/waivers/0/approver", "/waivers/0/approved"],
            );
            assert.match(problems[0]!.message, /approved by its own owner/);
            fs.writeFileSync(path.join(dir, "waivers", "a.yaml"), WAIVERS);
            const missing = environmentPolicyProblems(
                load("  waivers: waivers/a.yaml\n  waiverPolicy: { requireApprover: true }"),
                PROJECT_ROOT,
            );
            assert.match(missing[0]!.message, /names no `approver`/);
            assert.ok(missing.every((p) => p.file?.endsWith("a.yaml") && p.line === 2));
        });

        it("leaves waivers unbounded when the environment sets no waiver policy", () => {
            assert.deepStrictEqual(environmentPolicyProblems(load("  waivers: waivers/a.yaml"), PROJECT_ROOT), []);
        });
    });

    describe("grace periods (`enforceAfter` per policy in the spec)", () => {
        const GRACE = '  enforcement:\n    s3-bucket-tls-only: { level: advisory, enforceAfter: "2027-03-01" }';

        async function levels(date: string): Promise<{ synth: string | undefined; engine: unknown }> {
            const policy = resolveEnvironmentPolicy(load(GRACE), PROJECT_ROOT, { date })!;
            const tlsOnly = policy.policies.find((p) => p.id === "s3-bucket-tls-only")!;
            // Synth judges through the harness with the job the policy module hands it.
            const job = inspectionJobFor(policy, "prod.network");
            const result = await inspect({
                policies: [{ ...tlsOnly, kind: "stack", validateStack: (_a, report) => report("probe") }],
                resources: [],
                environment: job.environment,
                enforcement: job.enforcement,
                config: job.config,
                now: decisionTime(job.date),
            });
            return {
                synth: result.findings[0]?.level,
                engine: (policy.engineConfig["s3-bucket-tls-only"] as { enforcementLevel?: string }).enforcementLevel,
            };
        }

        it("warns before the day and blocks from it, in synth's harness and the engine's config alike", async () => {
            assert.deepStrictEqual(await levels("2027-02-28"), { synth: "advisory", engine: "advisory" });
            assert.deepStrictEqual(await levels("2027-03-01"), { synth: "mandatory", engine: "mandatory" });
        });
    });
});
