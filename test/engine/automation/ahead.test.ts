import * as assert from "assert";
import { resolveBackend } from "../../../automation/backend/backend";
import { EdfError } from "../../../automation/errors";
import { CliProcesses, isolatedPulumiCommand } from "../../../automation/engine/pulumi-command";
import { EnvironmentStacks } from "../../../automation/engine/workspace";
import { Redactor } from "../../../automation/redact";
import { PROJECT_ROOT } from "../../support/toolchain";
import { Estate, prepareEstate, runDriver, stackOf } from "./support/estate";

const UNIT = "test/fixtures/units/records";

/** What the backend holds of the estate's stacks now (a listing of its own, as a later run takes). */
async function backendView(estate: Estate): Promise<EnvironmentStacks> {
    const backend = resolveBackend(undefined, {
        projectRoot: PROJECT_ROOT,
        edfHome: estate.home,
        env: process.env,
        redactor: new Redactor(),
    });
    return new EnvironmentStacks("ahead", backend, estate.home, await isolatedPulumiCommand(new CliProcesses()));
}

const statuses = (report: { stacks: readonly { unit: string; status: string }[] }): string[][] =>
    report.stacks.map((s) => [s.unit, s.status]);

// `edf up` creates and tags the stacks still to come while the stacks above them deploy
// (automation/engine/ahead.ts). A stack created so but never deployed must count as not deployed
// everywhere — a first preview, `up`'s refusal, destroy, drift — and a re-run must finish the
// job; a run that only previews creates no stack it does not preview. On the real engine.
describe("edf on the real engine: the work up does ahead", function () {
    this.timeout(600_000);
    let estate: Estate;

    before(() => {
        estate = prepareEstate("ahead", { FAIL: "boom", VALUE: "" });
    });
    after(() => estate.remove());

    it("a preview that stops at its first stack (a mandatory violation) creates none of the stacks below it", async () => {
        const fresh = prepareEstate("ahead", { FAIL: "", VALUE: "-forbidden" });
        try {
            const { report } = await runDriver(fresh, "preview", { parallel: 3 });
            assert.deepStrictEqual(statuses(report), [
                ["gate", "policy-violation"],
                ["middle", "skipped"],
                ["last", "skipped"],
            ]);
            const view = await backendView(fresh);
            assert.strictEqual(await view.resourceCount("gate"), 0, "the previewed stack exists, empty");
            assert.strictEqual(await view.resourceCount("middle"), undefined, "middle was not created");
            assert.strictEqual(await view.resourceCount("last"), undefined, "last was not created");
        } finally {
            fresh.remove();
        }
    });

    it("an up whose first stack fails (after seconds) has created the stacks below it ahead, tagged, holding nothing", async () => {
        const { report } = await runDriver(estate, "up", { parallel: 3 });
        assert.deepStrictEqual(statuses(report), [
            ["gate", "failed"],
            ["middle", "skipped"],
            ["last", "skipped"],
        ]);
        assert.match(stackOf(report, "gate").reason ?? "", /boom/);
        const view = await backendView(estate);
        for (const unit of ["middle", "last"]) {
            assert.strictEqual(await view.resourceCount(unit), 0, `${unit} was created ahead and holds nothing`);
            const stack = (await view.open(unit, UNIT, false))!;
            assert.strictEqual((await stack.workspace.getTag(stack.name, "edf:environment")).trim(), "ahead", `${unit} is tagged`);
        }
    });

    it("those stacks still count as never deployed: the preview sees unknowns, up refuses, drift and destroy leave them", async () => {
        const preview = await runDriver(estate, "preview", { parallel: 3 });
        // (gate's failed up recorded its stack resource: it counts as deployed, middle previews plainly)
        assert.deepStrictEqual(statuses(preview.report), [
            ["gate", "succeeded"],
            ["middle", "succeeded"],
            ["last", "preview-with-unknowns"],
        ]);
        assert.deepStrictEqual(stackOf(preview.report, "last").unknowns, [
            { unit: "middle", stack: "ahead.middle", reads: ["input fromMiddle (output value)"] },
        ]);
        await assert.rejects(runDriver(estate, "up", { only: ["last"] }), (error: unknown) => {
            assert.ok(error instanceof EdfError);
            assert.strictEqual(error.code, "EDF_UPSTREAM_NOT_DEPLOYED");
            assert.match(error.problems[0]!.message, /`last` needs `middle`, which has never been deployed/);
            return true;
        });
        for (const operation of ["drift", "destroy"] as const) {
            const { report } = await runDriver(estate, operation, { only: ["middle", "last"] });
            assert.deepStrictEqual(
                statuses(report),
                [
                    ["middle", "not-deployed"],
                    ["last", "not-deployed"],
                ],
                operation,
            );
        }
    });

    it("a re-run, the failure fixed, deploys every stack, the ones created ahead included, and tags one left untagged", async () => {
        // (and `last` lost its tag, as when a run is interrupted between creating a stack and tagging it)
        const untagged = (await (await backendView(estate)).open("last", UNIT, false))!;
        await untagged.workspace.removeTag(untagged.name, "edf:environment");
        estate.write({ FAIL: "", VALUE: "" });
        const { report } = await runDriver(estate, "up", { parallel: 3 });
        assert.deepStrictEqual(statuses(report), [
            ["gate", "succeeded"],
            ["middle", "succeeded"],
            ["last", "succeeded"],
        ]);
        assert.match(estate.record("ahead.last-0")!, /fromMiddle="ahead:test\/fixtures\/units\/records"/);
        const view = await backendView(estate);
        for (const unit of ["gate", "middle", "last"]) assert.ok(((await view.resourceCount(unit)) ?? 0) > 0, unit);
        const last = (await view.open("last", UNIT, false))!;
        assert.strictEqual((await last.workspace.getTag(last.name, "edf:environment")).trim(), "ahead", "the re-run tagged `last` again");
    });
});
