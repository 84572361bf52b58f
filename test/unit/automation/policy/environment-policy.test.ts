import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { environmentPolicyProblems, resolveEnvironmentPolicy } from "../../../../automation/policy/environment-policy";
import { loadSpec } from "../../../../automation/spec/load";
import { PROJECT_ROOT } from "../../../../unit/load";

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
});
