import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fanOutPlan, writeGithubOutput } from "../../../../automation/ci/fan-out";
import { PROJECT_ROOT } from "../../../support/toolchain";

describe("edf ci plan: a fanned-out deploy, level by level", () => {
    it("puts every stack of the estate on its level, each level in batches of at most --max-jobs", () => {
        const plan = fanOutPlan({ env: "prod", projectRoot: PROJECT_ROOT, levels: 4, maxJobs: 16 });
        assert.equal(plan.stacks, 5);
        assert.deepEqual(plan.levels, [
            [{ id: "1", units: "security" }],
            [{ id: "1", units: "network" }],
            [{ id: "1", units: "shared-services" }],
            [
                { id: "1", units: "payments-api" },
                { id: "2", units: "ledger-worker" },
            ],
        ]);
        const one = fanOutPlan({ env: "prod", projectRoot: PROJECT_ROOT, levels: 4, maxJobs: 1 });
        assert.deepEqual(one.levels[3], [{ id: "1", units: "payments-api,ledger-worker" }]);
    });

    it("runs levels beyond the pipeline's level jobs in its last job, in order, and says so", () => {
        const plan = fanOutPlan({ env: "prod", projectRoot: PROJECT_ROOT, levels: 2, maxJobs: 16 });
        assert.deepEqual(plan.levels, [
            [{ id: "1", units: "security" }],
            [{ id: "1", units: "network,shared-services,payments-api,ledger-worker" }],
        ]);
        assert.match(plan.collapsed!, /4 levels but the pipeline has 2 level job\(s\).*edf ci init --force/);
    });

    it("writes one GitHub output per level job, empty levels as []", () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "edf-gh-output-")), "output");
        writeGithubOutput(fanOutPlan({ env: "dev", projectRoot: PROJECT_ROOT, levels: 5, maxJobs: 16 }), file);
        assert.deepEqual(fs.readFileSync(file, "utf8").split("\n"), [
            'level-0=[{"id":"1","units":"security"}]',
            'level-1=[{"id":"1","units":"network"}]',
            'level-2=[{"id":"1","units":"shared-services"}]',
            'level-3=[{"id":"1","units":"payments-api"},{"id":"2","units":"ledger-worker"}]',
            "level-4=[]",
            "stacks=5",
            "",
        ]);
    });
});
