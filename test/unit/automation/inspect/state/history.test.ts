import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { baselines } from "../../../../../automation/inspect/delta";
import type { InspectReport } from "../../../../../automation/inspect/report/model";
import { HISTORY_RUNS_KEPT, HISTORY_STATE, StateStoreHistory } from "../../../../../automation/inspect/state/history";
import { FileStateStore } from "../../../../../automation/inspect/state/store";

const report = (environment: string, n: number): InspectReport =>
    ({
        environment,
        collectedAt: `2026-12-05T${String(n).padStart(2, "0")}:00:00.000Z`,
        stacks: [{ unit: "apps", status: "passed", services: [], findings: [{ policyId: "p", urn: "u", fingerprint: `sha256:${n}` }] }],
        images: { "sha256:big": { packages: new Array(1000).fill({ name: "x" }) } },
    }) as unknown as InspectReport;

describe("the inspection history kept in the inspection state", () => {
    const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), "edf-inspect-history-"));

    it("gives the runs it recorded, newest first, to another process reading the same state", async () => {
        const dir = folder();
        await new StateStoreHistory(new FileStateStore(dir)).record(report("prod", 1), "run-1");
        await new StateStoreHistory(new FileStateStore(dir)).record(report("prod", 2), "run-2");
        const previous = await new StateStoreHistory(new FileStateStore(dir)).previous("prod");
        assert.deepEqual(
            previous.map((p) => p.runDir),
            ["run-2", "run-1"],
        );
        assert.equal(baselines(previous).get("apps")?.findings[0]?.fingerprint, "sha256:2");
        assert.deepEqual(await new StateStoreHistory(new FileStateStore(dir)).previous("dev"), []);
    });

    it("keeps what the delta reads, not the images' inventories, and a bounded number of runs", async () => {
        const dir = folder();
        const history = new StateStoreHistory(new FileStateStore(dir));
        for (let n = 0; n < HISTORY_RUNS_KEPT + 3; n++) await history.record(report("prod", n), `run-${n}`);
        const kept = JSON.parse(fs.readFileSync(path.join(dir, HISTORY_STATE), "utf8"));
        assert.equal(kept.runs.length, HISTORY_RUNS_KEPT);
        assert.equal(kept.runs[0].runDir, `run-${HISTORY_RUNS_KEPT + 2}`);
        assert.deepEqual(Object.keys(kept.runs[0].report).sort(), ["collectedAt", "environment", "stacks"]);
    });

    it("starts empty where nothing was recorded", async () => {
        assert.deepEqual(await new StateStoreHistory(new FileStateStore(path.join(folder(), "none"))).previous("prod"), []);
    });
});
