import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { MemoryReporter } from "../../../../automation/reporter";
import { executeEnvironmentRun, StackExecutor } from "../../../../automation/run/environment-run";
import type { StackStatus } from "../../../../automation/run/outcome";
import { readPriorOutcomes } from "../../../../automation/run/prior-outcomes";
import { PROJECT_ROOT } from "../../../support/toolchain";

// A fanned-out run: each CI job runs `edf up --only <batch> --after <earlier reports>`. A stack
// whose dependency failed in an earlier job is skipped, by the run's own rule, and only it.

// base → middle → top; base → other; lone stands alone. Paths are never loaded (no preflight).
const SPEC = `environment: fan
policy: { enabled: false }
units:
  base: { path: test/fixtures/units/echo }
  middle: { path: test/fixtures/units/echo, dependsOn: [base] }
  top: { path: test/fixtures/units/echo, dependsOn: [middle] }
  other: { path: test/fixtures/units/echo, dependsOn: [base] }
  lone: { path: test/fixtures/units/echo }
`;

function workspace(): { spec: string; reports: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-fan-out-"));
    fs.writeFileSync(path.join(dir, "fan.yaml"), SPEC);
    fs.mkdirSync(path.join(dir, "earlier"));
    return { spec: path.join(dir, "fan.yaml"), reports: path.join(dir, "earlier") };
}

/** Writes an earlier job's run report, as `edf up --json` does. */
function earlierJob(dir: string, name: string, stacks: Record<string, StackStatus>, environment = "fan", command = "up"): void {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    fs.writeFileSync(
        path.join(dir, name, "report.json"),
        JSON.stringify({ version: 1, command, environment, stacks: Object.entries(stacks).map(([unit, status]) => ({ unit, status })) }),
    );
}

/** An executor that succeeds at every stack it is asked to run, and remembers which. */
function recordingExecutor(ran: string[]): StackExecutor<null> {
    return {
        inputs: { prepare: async () => undefined, forUnit: async () => ({ resolved: [], problems: [] }) },
        parallel: 2,
        reverse: false,
        holdsBack: (status) => status !== "succeeded",
        describe: () => "test run",
        stackName: (unit) => `fan.${unit}`,
        run: async (unit) => {
            ran.push(unit);
            return { status: "succeeded", detail: null };
        },
        idle: () => null,
        close: async () => undefined,
    };
}

async function runBatch(spec: string, only: string[], reports: string) {
    const ran: string[] = [];
    const run = await executeEnvironmentRun(
        {
            command: "up",
            env: spec,
            projectRoot: PROJECT_ROOT,
            reporter: new MemoryReporter(),
            preflight: { programs: false, policy: false },
            nothingDone: "nothing was deployed",
            only,
            prior: readPriorOutcomes(reports, "up"),
        },
        async () => recordingExecutor(ran),
    );
    return { ran, run, status: (unit: string) => run.stacks.find((s) => s.unit === unit)!.status };
}

describe("a fanned-out run's later jobs (--after)", () => {
    it("skips a stack whose dependency failed in an earlier job, naming it, and runs the rest", async () => {
        const { spec, reports } = workspace();
        earlierJob(reports, "level-0-batch-1", { base: "failed" });
        earlierJob(reports, "level-0-batch-2", { lone: "succeeded" });
        const { ran, run, status } = await runBatch(spec, ["middle", "other"], reports);
        assert.deepEqual(ran, []);
        assert.equal(status("middle"), "skipped");
        assert.equal(status("other"), "skipped");
        assert.match(run.stacks[0]!.reason!, /dependency `base` ended `failed` in an earlier job \(.*level-0-batch-1\/report\.json\)/);
        assert.equal(run.exitCode, 0, "a skipped stack alone does not decide the outcome: the failure's own job does");
    });

    it("looks through stacks that are neither run here nor reported, and runs stacks with no failed dependency", async () => {
        const { spec, reports } = workspace();
        earlierJob(reports, "job-1", { base: "failed" });
        // `middle` ran in no job; `top` still depends on the failed `base` through it.
        const { ran, status } = await runBatch(spec, ["top", "lone"], reports);
        assert.deepEqual(ran, ["lone"]);
        assert.equal(status("top"), "skipped");
    });

    it("runs everything when the earlier jobs succeeded, and ignores reports of other environments and commands", async () => {
        const { spec, reports } = workspace();
        earlierJob(reports, "job-1", { base: "succeeded" });
        earlierJob(reports, "other-env", { base: "failed" }, "prod");
        earlierJob(reports, "a-preview", { base: "failed" }, "fan", "preview");
        const { ran } = await runBatch(spec, ["middle", "other"], reports);
        assert.deepEqual(ran.sort(), ["middle", "other"]);
    });

    it("keeps the most severe outcome of a stack two jobs reported", () => {
        const { reports } = workspace();
        earlierJob(reports, "first", { base: "failed" });
        earlierJob(reports, "retry", { base: "succeeded" });
        assert.equal(readPriorOutcomes(reports, "up").get("fan", "base")?.status, "failed");
    });

    it("refuses a folder that is missing or holds something else called report.json", () => {
        const { reports } = workspace();
        assert.throws(
            () => readPriorOutcomes(path.join(reports, "nope"), "up"),
            (e: unknown) => e instanceof EdfError && e.code === "EDF_USAGE",
        );
        fs.mkdirSync(path.join(reports, "junk"));
        fs.writeFileSync(path.join(reports, "junk", "report.json"), "{ not json");
        assert.throws(
            () => readPriorOutcomes(reports, "up"),
            (e: unknown) => e instanceof EdfError && /junk\/report\.json/.test(e.problems[0]!.file ?? ""),
        );
    });
});
