import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Redactor } from "../../../../automation/redact";
import { createRunFolder } from "../../../../automation/run/run-folder";
import { race } from "../../../support/race/race";

describe("run folders", function () {
    this.timeout(120_000);
    let home: string;
    beforeEach(() => {
        home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-run-folders-"));
    });
    afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

    it("names a run by its time and command, and a second run of the same millisecond with a suffix", () => {
        const now = new Date("2026-12-01T10:00:00.000Z");
        const first = createRunFolder(home, "synth-dev", new Redactor(), now);
        const second = createRunFolder(home, "synth-dev", new Redactor(), now);
        assert.strictEqual(path.basename(first.dir), "2026-12-01T10-00-00-000Z-synth-dev");
        assert.strictEqual(path.basename(second.dir), "2026-12-01T10-00-00-000Z-synth-dev-2");
    });

    it("gives every one of many processes started in the same millisecond a folder of its own", async () => {
        const perProcess = 100;
        const dirs = (await race(6, "run-folder.ts", [home, String(perProcess)])).flatMap((out) => out.split("\n"));
        assert.strictEqual(dirs.length, 6 * perProcess);
        const shared = dirs.filter((dir, i) => dirs.indexOf(dir) !== i);
        assert.deepStrictEqual(shared, [], `processes shared run folders: ${shared.slice(0, 5).join(", ")}`);
        assert.strictEqual(fs.readdirSync(path.join(home, "runs")).length, dirs.length);
    });
});
