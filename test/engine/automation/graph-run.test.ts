import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { EdfError } from "../../../automation/errors";
import { getStackOutputs } from "../../../automation/outputs";
import { PROJECT_ROOT } from "../../support/toolchain";
import { Estate, interval, prepareEstate, runDriver, stackOf } from "./support/estate";

// The basic estate on the real engine (Pulumi CLI + file backend): base → (left, right) → join → tail.
describe("edf on the real engine: running the basic estate's graph", function () {
    this.timeout(240_000);
    let estate: Estate;
    const edges: [string, string][] = [
        ["base", "left"],
        ["base", "right"],
        ["left", "join"],
        ["right", "join"],
        ["join", "tail"],
    ];

    before(() => {
        estate = prepareEstate("basic");
    });
    after(() => estate.remove());

    it("refuses to deploy a stack whose upstream was never deployed, before touching any stack", async () => {
        await assert.rejects(runDriver(estate, "up", { only: ["left"] }), (error: unknown) => {
            assert.ok(error instanceof EdfError);
            assert.strictEqual(error.code, "EDF_UPSTREAM_NOT_DEPLOYED");
            assert.match(error.problems[0]!.message, /`left` needs `base`, which has never been deployed/);
            assert.match(error.problems[0]!.fix!, /edf up --env basic --only left --with-dependencies/);
            return true;
        });
        assert.ok(!fs.existsSync(path.join(estate.home, "runs")), "no run folder is created");
    });

    it("deploys every stack after its dependencies, running independent stacks at the same time", async () => {
        const { report } = await runDriver(estate, "up", { parallel: 4 });
        assert.strictEqual(report.outcome, "succeeded", JSON.stringify(report.stacks, null, 1));
        assert.strictEqual(report.exitCode, 0);
        for (const [from, to] of edges) {
            assert.ok(interval(stackOf(report, to)).start >= interval(stackOf(report, from)).end, `${to} started before ${from} finished`);
        }
        const left = interval(stackOf(report, "left"));
        const right = interval(stackOf(report, "right"));
        assert.ok(left.start < right.end && right.start < left.end, "left and right (independent) ran concurrently");
        assert.deepStrictEqual(report.selection.slice(0, 1), ["base"]);
        assert.ok(fs.existsSync(path.join(report.runDir!, "report.json")));
        for (const stack of report.stacks) {
            assert.ok(
                fs.readFileSync(path.join(report.runDir!, stack.log!), "utf8").includes("Resources:"),
                `${stack.unit} has its engine log`,
            );
        }
    });

    it("hands outputs on through stack inputs and StackReferences, with provenance in the report", async () => {
        const outputs = await getStackOutputs({ env: estate.specFile, projectRoot: PROJECT_ROOT, edfHome: estate.home });
        assert.strictEqual(outputs.base!.value, "basic:test/fixtures/units/records");
        assert.strictEqual(outputs.left!.value, `basic:test/fixtures/units/records|fromBase="basic:test/fixtures/units/records"`);
        assert.strictEqual(outputs.right!.value, "basic:test/fixtures/units/records|ref=basic:test/fixtures/units/records");
        assert.strictEqual(estate.record("basic.left-0"), outputs.left!.value);
        const reportFile = fs.readdirSync(path.join(estate.home, "runs")).find((d) => d.endsWith("-up-basic"))!;
        const report = JSON.parse(fs.readFileSync(path.join(estate.home, "runs", reportFile, "report.json"), "utf8"));
        const left = report.stacks.find((s: { unit: string }) => s.unit === "left");
        assert.deepStrictEqual(left.inputs, [
            { name: "fromBase", source: "stack", key: "basic.base#value", secret: false, origin: "deployed" },
        ]);
    });

    it("changes nothing when run again, and previews cleanly", async () => {
        const { report } = await runDriver(estate, "up", { parallel: 4 });
        for (const stack of report.stacks) {
            assert.deepStrictEqual(
                Object.keys(stack.changes).filter((k) => k !== "same"),
                [],
                `${stack.unit}: ${JSON.stringify(stack.changes)}`,
            );
        }
        const preview = await runDriver(estate, "preview", { parallel: 4 });
        assert.strictEqual(preview.report.outcome, "succeeded");
    });

    it("reports drift after an out-of-band change with exit code 4, and none once up has put it right", async () => {
        fs.writeFileSync(path.join(estate.recordsDir, "basic.join-0.json"), JSON.stringify({ value: "changed by hand" }));
        const drift = await runDriver(estate, "drift", { parallel: 4 });
        assert.strictEqual(drift.report.exitCode, 4);
        assert.deepStrictEqual(
            drift.report.stacks.filter((s) => s.drifted).map((s) => s.unit),
            ["join"],
        );
        // A refresh records the real value in the state; the desired value still differs,
        // so the stack stays drifted until `up` writes the desired value back.
        const refresh = await runDriver(estate, "refresh", { only: ["join"] });
        assert.strictEqual(refresh.report.outcome, "succeeded");
        await runDriver(estate, "up", { only: ["join"] });
        assert.strictEqual(estate.record("basic.join-0"), "basic:test/fixtures/units/records");
        const after = await runDriver(estate, "drift", { parallel: 4 });
        assert.strictEqual(after.report.exitCode, 0, JSON.stringify(after.report.stacks.map((s) => [s.unit, s.changes])));
    });

    it("destroys in reverse dependency order and removes every record", async () => {
        const { report } = await runDriver(estate, "destroy", { parallel: 4 });
        assert.strictEqual(report.outcome, "succeeded");
        for (const [from, to] of edges) {
            assert.ok(
                interval(stackOf(report, from)).start >= interval(stackOf(report, to)).end,
                `${from} was destroyed before its dependent ${to}`,
            );
        }
        assert.deepStrictEqual(fs.readdirSync(estate.recordsDir), []);
    });
});
