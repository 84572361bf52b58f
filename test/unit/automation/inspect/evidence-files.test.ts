import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { loadEvidenceFiles } from "../../../../automation/inspect/evidence-files";
import { PROJECT_ROOT } from "../../../support/toolchain";

const TRIVY = path.join(PROJECT_ROOT, "test", "fixtures", "policy", "evidence", "trivy.json");

function refusal(files: string[], cwd: string): EdfError {
    try {
        loadEvidenceFiles(files, cwd, PROJECT_ROOT);
    } catch (error) {
        assert.ok(error instanceof EdfError, String(error));
        return error;
    }
    assert.fail("expected the evidence files to be refused");
}

describe("`--evidence` files, read as every file edf reads", () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-evidence-"))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads a scanner report named on the command line", () => {
        const evidence = loadEvidenceFiles([TRIVY], PROJECT_ROOT, PROJECT_ROOT);
        assert.strictEqual(evidence.length, 1);
    });

    it("refuses a FIFO at once instead of waiting on it, and names every bad file in one error", () => {
        execFileSync("mkfifo", [path.join(dir, "fifo.json")]);
        fs.mkdirSync(path.join(dir, "folder.json"));
        const error = refusal(["fifo.json", "folder.json", "missing.json"], dir);
        assert.strictEqual(error.code, "EDF_USAGE");
        assert.deepStrictEqual(
            error.problems.map((p) => [p.file, p.path, p.message]),
            [
                ["fifo.json", "--evidence", "it is a named pipe (FIFO), not a regular file"],
                ["folder.json", "--evidence", "it is a folder, not a regular file"],
                ["missing.json", "--evidence", "the file does not exist"],
            ],
        );
    });

    it("refuses a link out of the project without quoting what it leads to", () => {
        const outside = path.join(dir, "shadow");
        fs.writeFileSync(outside, "root:$6$evidence-canary:19000:0:99999:7:::\n");
        const link = path.join(PROJECT_ROOT, "test", "fixtures", "policy", "evidence", "link-out.json");
        fs.rmSync(link, { force: true });
        fs.symlinkSync(outside, link);
        try {
            const error = refusal([link], PROJECT_ROOT);
            const text = error.problems.map((p) => `${p.message} ${p.fix}`).join("\n");
            assert.match(text, /outside the project/);
            assert.ok(!text.includes("evidence-canary"));
        } finally {
            fs.rmSync(link, { force: true });
        }
    });

    it("refuses a file over the limit by its size, before reading it", () => {
        const big = path.join(dir, "big.json");
        fs.writeFileSync(big, "[]");
        fs.truncateSync(big, 300 * 1024 * 1024);
        const error = refusal(["big.json"], dir);
        assert.match(error.problems[0]!.message, /over the limit of 268435456 bytes/);
    });
});
