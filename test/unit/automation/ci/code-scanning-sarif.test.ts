import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as sarif from "sarif";
import { CODE_SCANNING_SARIF_JQ } from "../../../../automation/ci/github";
import { renderReportSarif as renderSynthSarif } from "../../../../automation/run/report/sarif";
import type { SynthRun } from "../../../../automation/synth/synth";
import { frameworkResults } from "../../../../policy-packs/lib/frameworks";
import { loadFrameworks } from "../../../../policy-packs/lib/framework-files";
import { sarifValidator } from "../../../support/sarif";
import { synthFixture } from "../synth/support";

// The pull-request workflow uploads synth's SARIF to code scanning through a jq program (jq is on
// GitHub's runners; the toolchain installs it here): one run per environment instead of one per
// stack, since code scanning rejects a file of more than 20 runs.
describe("the SARIF the pull-request workflow uploads to code scanning", function () {
    this.timeout(120_000);
    let run: SynthRun;
    let dir: string;
    before(async () => {
        run = await synthFixture("mini");
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-code-scanning-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** report.sarif of the fixture run, with the example frameworks chosen, through the workflow's jq program. */
    function uploaded(): { original: sarif.Log; upload: sarif.Log } {
        const enabled = new Set(run.report.policies.map((p) => p.id));
        const frameworks = frameworkResults(
            loadFrameworks(),
            run.report.stacks.flatMap((s) => s.findings),
            enabled,
        );
        const file = path.join(dir, "report.sarif");
        fs.writeFileSync(file, renderSynthSarif({ ...run.report, frameworks }));
        const upload = JSON.parse(
            execFileSync("jq", ["-c", CODE_SCANNING_SARIF_JQ, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }),
        ) as sarif.Log;
        return { original: JSON.parse(fs.readFileSync(file, "utf8")) as sarif.Log, upload };
    }

    it("holds one run with every stack's results, the shared rules and taxonomies, and no run id of its own", () => {
        const { original, upload } = uploaded();
        assert.equal(original.runs.length, 1, "report.sarif has one run for the environment");
        assert.ok(
            new Set(original.runs[0]!.results!.map((r) => r.properties!.stack)).size > 1,
            "the fixture has findings in several stacks",
        );
        assert.equal(upload.runs.length, 1);
        const [only] = upload.runs;
        assert.deepEqual(
            only!.results,
            original.runs.flatMap((r) => r.results ?? []),
        );
        assert.ok(only!.results!.length > 0, "the fixture has findings to carry");
        assert.deepEqual(only!.tool, original.runs[0]!.tool);
        assert.deepEqual(only!.taxonomies, original.runs[0]!.taxonomies);
        assert.ok((only!.taxonomies ?? []).length > 0);
        assert.equal(only!.automationDetails, undefined, "the upload's category names the run");
        assert.deepEqual(only!.properties, { environment: "mini" });
        // Each result still points at its own rule, and names its stack's resource.
        for (const result of only!.results!) {
            assert.equal(only!.tool.driver.rules![result.ruleIndex!]!.id, result.ruleId);
            assert.match(result.locations![0]!.logicalLocations![0]!.fullyQualifiedName!, /^(urn:pulumi:mini\.|stack:mini\.)/);
        }
    });

    it("is SARIF 2.1.0 that the official schema accepts", () => {
        const validate = sarifValidator();
        const { upload } = uploaded();
        assert.ok(validate(upload), JSON.stringify(validate.errors?.slice(0, 3)));
    });
});
