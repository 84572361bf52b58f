import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT_CODES } from "../../../../automation/errors";
import { CliRun, edfSynth, golden, normalise, removeFreshHomes } from "./support";

// `edf synth` of the example estate (environments/dev.yaml, prod.yaml: every platform unit
// and both example services) through the real `edf` executable, as the quick start runs it.
// Inputs are the sample files under environments/samples/; the day is fixed so waiver expiry
// and enforce-after dates cannot change a verdict under the golden files. prod.yaml lists its
// waiver file (`policy.waivers`), so no `--waivers` flag is needed.
const DAY = ["--date", "2026-11-27"];
const PROD_WAIVERS = ["--waivers", "environments/waivers/prod.yaml"];

/** Folders of specs written for a test, removed after the suite. */
const specFolders: string[] = [];

/** prod.yaml without its `policy.waivers` line, written outside the project. */
function prodSpecWithoutWaivers(): string {
    const text = fs.readFileSync(path.join("environments", "prod.yaml"), "utf8");
    const stripped = text.replace(/^ {2}waivers: .*\n/m, "");
    assert.notEqual(stripped, text, "prod.yaml should list its waivers under `policy`");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-prod-spec-"));
    specFolders.push(dir);
    const file = path.join(dir, "prod.yaml");
    fs.writeFileSync(file, stripped);
    return file;
}

describe("edf synth of the example estate", function () {
    this.timeout(600_000);
    after(() => {
        removeFreshHomes();
        for (const dir of specFolders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    });
    let dev: CliRun;
    let prod: CliRun;
    before(() => {
        dev = edfSynth(["--env", "dev", ...DAY]);
        prod = edfSynth(["--env", "prod", ...DAY]);
    });

    it("synthesizes every unit of dev and passes, telling where the reports are", () => {
        assert.equal(dev.code, EXIT_CODES.ok, dev.stderr + dev.stdout);
        const report = dev.report();
        assert.deepEqual(report.graph.units, ["security", "network", "shared-services", "payments-api", "ledger-worker"]);
        assert.ok(report.stacks.every((s) => s.status === "passed"));
        assert.match(dev.stdout, /^synth dev: passed — 5 stack\(s\), \d+ resources/m);
        assert.match(dev.stdout, /^reports: .*synth-dev\/$/m);
        for (const unit of ["security", "network", "shared-services", "payments-api", "ledger-worker"]) {
            assert.match(dev.stderr, new RegExp(`^  ${unit}\\s+evaluating`, "m"), `progress for ${unit}`);
        }
    });

    it("raises no unwaived mandatory finding in prod", () => {
        assert.equal(prod.code, EXIT_CODES.ok, prod.stderr + prod.stdout);
        const report = prod.report();
        assert.equal(report.summary.mandatory, 0);
        assert.equal(report.outcome, "passed");
        assert.ok(report.summary.resources > 150, "the whole estate was synthesized");
    });

    it("blocks prod without the platform's waiver, on exactly the ELB access-log bucket encryption", () => {
        const spec = prodSpecWithoutWaivers();
        const unwaived = edfSynth(["--env", spec, ...DAY]);
        assert.equal(unwaived.code, EXIT_CODES.policyViolation);
        const blocking = unwaived
            .report()
            .stacks.flatMap((s) =>
                s.findings.filter((f) => f.level === "mandatory" && !f.waivedBy).map((f) => `${s.unit} ${f.policyId} ${f.resourceName}`),
            );
        assert.deepEqual(blocking, ["security s3-bucket-kms-encrypted access-logs"]);
        // `--waivers` still works: its files add to the spec's.
        const flagged = edfSynth(["--env", spec, ...DAY, ...PROD_WAIVERS]);
        assert.equal(flagged.code, EXIT_CODES.ok, flagged.stderr + flagged.stdout);
        assert.equal(flagged.report().summary.mandatory, 0);
        fs.rmSync(path.dirname(spec), { recursive: true, force: true });
    });

    it("matches the golden reports (normalised) of dev and prod", () => {
        for (const [name, run] of [
            ["dev.json", dev],
            ["prod.json", prod],
        ] as const) {
            const { expected, actual } = golden(name, normalise(run.report()));
            assert.deepEqual(
                actual,
                expected,
                `${name} changed: if the change is intended, rerun with EDF_UPDATE_GOLDEN=1 and review the diff`,
            );
        }
    });

    it("writes byte-identical JSON and SARIF on a second run of the same inputs", () => {
        const again = edfSynth(["--env", "dev", ...DAY]);
        assert.equal(again.code, EXIT_CODES.ok);
        assert.notEqual(again.dir, dev.dir);
        assert.strictEqual(again.file("report.json"), dev.file("report.json"));
        assert.strictEqual(again.file("report.sarif"), dev.file("report.sarif"));
    });

    it("never writes a sample secret into a report", () => {
        for (const run of [dev, prod]) {
            for (const file of ["report.json", "report.sarif", "summary.md", "report.html"]) {
                const text = run.file(file);
                assert.ok(
                    !text.includes("sample-not-a-secret-db-password") && !text.includes("sample-not-a-secret-processor-key"),
                    `${file} leaks a sample secret`,
                );
            }
        }
    });
});
