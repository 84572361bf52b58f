import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { DEFAULT_MAX_FILE_BYTES, maxFileBytes, readCheckedText } from "../../../../automation/files/read";
import { loadSpec } from "../../../../automation/spec/load";
import { PROJECT_ROOT } from "../../../support/toolchain";

const SECRET_LINE = "root:$6$not-to-be-printed:19000:0:99999:7:::";

function refusal(fn: () => unknown): EdfError {
    try {
        fn();
    } catch (error) {
        assert.ok(error instanceof EdfError, String(error));
        return error;
    }
    assert.fail("expected the file to be refused");
}

// Hostile files named as a spec: each refused quickly with a coded error naming the file, never
// read past what is checked, never quoted. Times are bounded by the test's own timeout: a read
// that hangs (a FIFO, /dev/zero) fails the test instead of the suite.
describe("reading the files edf reads", function () {
    this.timeout(20_000);
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-read-"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const named = (file: string) => ({
        file,
        display: path.basename(file),
        what: "environment spec",
        origin: { kind: "named" as const, projectRoot: PROJECT_ROOT },
    });

    it("refuses a FIFO without waiting for a writer", () => {
        const fifo = path.join(dir, "spec.yaml");
        execFileSync("mkfifo", [fifo]);
        const error = refusal(() => loadSpec(fifo, PROJECT_ROOT));
        assert.strictEqual(error.code, "EDF_SPEC_INVALID");
        assert.match(error.problems[0]!.message, /a named pipe \(FIFO\), not a regular file/);
    });

    it("refuses a device and a folder", () => {
        assert.match(refusal(() => loadSpec("/dev/zero", PROJECT_ROOT)).problems[0]!.message, /a character device/);
        const folder = path.join(dir, "folder.yaml");
        fs.mkdirSync(folder);
        assert.match(refusal(() => loadSpec(folder, PROJECT_ROOT)).problems[0]!.message, /a folder, not a regular file/);
    });

    it("refuses a file over the size limit, naming the limit and the variable that raises it", () => {
        const big = path.join(dir, "big.yaml");
        fs.writeFileSync(big, `environment: dev\n# ${"x".repeat(DEFAULT_MAX_FILE_BYTES)}\n`);
        const error = refusal(() => loadSpec(big, PROJECT_ROOT));
        assert.match(error.problems[0]!.message, new RegExp(`over the limit of ${DEFAULT_MAX_FILE_BYTES} bytes`));
        assert.match(error.problems[0]!.fix!, /EDF_MAX_FILE_BYTES/);
        assert.strictEqual(maxFileBytes({ EDF_MAX_FILE_BYTES: "2048" }), 2048);
        assert.throws(() => maxFileBytes({ EDF_MAX_FILE_BYTES: "lots" }), /must be a whole number of bytes/);
    });

    it("refuses a symbolic link out of the project, never quoting what it leads to", () => {
        const outside = path.join(dir, "shadow");
        fs.writeFileSync(outside, `${SECRET_LINE}\n`);
        const link = path.join(dir, "spec.yaml");
        fs.symlinkSync(outside, link);
        const error = refusal(() => loadSpec(link, PROJECT_ROOT));
        assert.match(error.problems[0]!.message, /leads through a symbolic link to .*shadow`, outside the project/);
        assert.ok(!JSON.stringify(error).includes(SECRET_LINE));
    });

    it("refuses a path inside the project that leads out of it through a link", () => {
        const outside = path.join(dir, "elsewhere.yaml");
        fs.writeFileSync(outside, `${SECRET_LINE}\n`);
        const link = path.join(PROJECT_ROOT, "environments", `.edf-read-test-${process.pid}.yaml`);
        fs.symlinkSync(outside, link);
        try {
            const error = refusal(() => loadSpec(link, PROJECT_ROOT));
            assert.match(error.problems[0]!.message, /outside the project/);
            assert.ok(!JSON.stringify(error).includes(SECRET_LINE));
        } finally {
            fs.rmSync(link, { force: true });
        }
    });

    it("reads a regular file named on the command line wherever it is, and refuses text that is not UTF-8", () => {
        const file = path.join(dir, "ok.yaml");
        fs.writeFileSync(file, "environment: dev\n");
        assert.strictEqual(readCheckedText(named(file)), "environment: dev\n");
        fs.writeFileSync(file, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
        assert.match(refusal(() => readCheckedText(named(file))).problems[0]!.message, /not UTF-8 text/);
    });

    it("finds where a file is named only to refuse it (a line can cost a parse of the naming file)", () => {
        const file = path.join(dir, "waivers.yaml");
        fs.writeFileSync(file, "waivers: []\n");
        let located = 0;
        const referenced = {
            file,
            display: "waivers.yaml",
            what: "waiver file",
            origin: {
                kind: "referenced" as const,
                base: dir,
                projectRoot: dir,
                reference: () => {
                    located++;
                    return { file: "env.yaml", path: "/policy/waivers/0", line: 7 };
                },
            },
        };
        assert.strictEqual(readCheckedText(referenced), "waivers: []\n");
        assert.strictEqual(located, 0);
        fs.writeFileSync(file, Buffer.from([0xff, 0xfe]));
        const error = refusal(() => readCheckedText(referenced));
        assert.deepStrictEqual(
            error.problems.map((p) => [p.file, p.path, p.line]),
            [["env.yaml", "/policy/waivers/0", 7]],
        );
        assert.strictEqual(located, 1);
    });
});
