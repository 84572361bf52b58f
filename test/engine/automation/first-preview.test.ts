import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { EdfError } from "../../../automation/errors";
import { Estate, interval, prepareEstate, runDriver, stackOf } from "./support/estate";

// A new environment's first pull request: every stack previewed before anything was deployed,
// on the real engine. The middle and last stacks read stacks that do not exist yet: their
// outputs are Pulumi unknowns, the stacks are `preview-with-unknowns`, and `up` then deploys in
// order — including the edge only `last`'s code declares (a stack reference, no dependsOn).
describe("edf on the real engine: the first preview of a new environment", function () {
    this.timeout(300_000);
    let estate: Estate;

    before(() => {
        estate = prepareEstate("chain");
    });
    after(() => estate.remove());

    it("previews a three-stack chain before any deploy, the middle and last stacks with unknown upstream outputs", async () => {
        const { report, reporter } = await runDriver(estate, "preview", { parallel: 3 });
        const why = JSON.stringify(report.stacks.map((s) => [s.unit, s.status, s.reason]));
        assert.strictEqual(report.exitCode, 0, why);
        assert.strictEqual(report.outcome, "succeeded");
        assert.deepStrictEqual(
            report.stacks.map((s) => [s.unit, s.status]),
            [
                ["first", "succeeded"],
                ["middle", "preview-with-unknowns"],
                ["last", "preview-with-unknowns"],
            ],
        );
        assert.deepStrictEqual(stackOf(report, "middle").unknowns, [
            { unit: "first", stack: "chain.first", reads: ["input fromFirst (output value)"] },
        ]);
        assert.deepStrictEqual(stackOf(report, "last").unknowns, [
            { unit: "middle", stack: "chain.middle", reads: ["stackReferences.upstream"] },
        ]);
        assert.deepStrictEqual(
            stackOf(report, "middle").inputs.map((i) => [i.name, i.origin]),
            [["fromFirst", "unknown"]],
        );
        // Policies saw Pulumi's unknown, not a made-up value: the records pack could not judge `value`.
        const unknownFindings = stackOf(report, "middle").findings.filter((f) => f.kind === "unknown");
        assert.ok(unknownFindings.length > 0, JSON.stringify(stackOf(report, "middle").findings));
        assert.ok(unknownFindings.every((f) => f.level === "advisory"));
        assert.ok(
            reporter.finished.some((f) => f.unit === "middle" && f.status === "preview-with-unknowns"),
            "progress shows the status",
        );
        // The preview's plan: creates in every stack, nothing deployed.
        assert.ok(
            report.stacks.every((s) => (s.changes.create ?? 0) > 0),
            JSON.stringify(report.stacks.map((s) => s.changes)),
        );
        assert.strictEqual(estate.record("chain.first-0"), undefined);
        const summary = fs.readFileSync(path.join(report.runDir!, "summary.md"), "utf8");
        assert.match(summary, /## Previewed with unknowns/);
        assert.match(summary, /\*\*chain\.last\*\* ← `chain\.middle` \(never deployed\): `stackReferences\.upstream`/);
        const json = JSON.parse(fs.readFileSync(path.join(report.runDir!, "report.json"), "utf8"));
        assert.strictEqual(json.summary.previewWithUnknowns, 2);
    });

    it("refuses to deploy a stack whose upstream has never been deployed, naming it, before touching anything", async () => {
        await assert.rejects(runDriver(estate, "up", { only: ["last"] }), (error: unknown) => {
            assert.ok(error instanceof EdfError);
            assert.strictEqual(error.code, "EDF_UPSTREAM_NOT_DEPLOYED");
            assert.strictEqual(error.exitCode, 3);
            assert.match(error.problems[0]!.message, /`last` needs `middle`, which has never been deployed/);
            assert.match(error.problems[0]!.fix!, /--only last --with-dependencies/);
            return true;
        });
        assert.strictEqual(estate.record("chain.last-0"), undefined);
    });

    it("then deploys the chain in order, the code-declared edge included, and previews it without unknowns", async () => {
        const { report } = await runDriver(estate, "up", { parallel: 3 });
        assert.strictEqual(report.outcome, "succeeded", JSON.stringify(report.stacks.map((s) => [s.unit, s.status, s.reason])));
        assert.ok(interval(stackOf(report, "middle")).start >= interval(stackOf(report, "first")).end);
        assert.ok(interval(stackOf(report, "last")).start >= interval(stackOf(report, "middle")).end, "last waited for middle");
        assert.match(estate.record("chain.last-0")!, /ref=chain:test\/fixtures\/units\/records\|fromFirst=/);
        const again = await runDriver(estate, "preview", { parallel: 3 });
        assert.deepStrictEqual(
            again.report.stacks.map((s) => s.status),
            ["succeeded", "succeeded", "succeeded"],
        );
        assert.ok(again.report.stacks.every((s) => s.unknowns.length === 0));
    });
});
