import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { ensureWritableFolder } from "../../../../automation/files/folders";

function refusal(folder: string): EdfError {
    try {
        ensureWritableFolder(folder, "--home");
    } catch (error) {
        assert.ok(error instanceof EdfError, String(error));
        return error;
    }
    assert.fail(`${folder} was accepted`);
}

describe("a folder edf writes in (--home)", () => {
    let work: string;
    beforeEach(() => (work = fs.mkdtempSync(path.join(os.tmpdir(), "edf-folders-"))));
    afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

    it("is created when missing, level by level, and left with no probe file in it", () => {
        const home = path.join(work, "a", "b", "home");
        assert.equal(ensureWritableFolder(home, "--home"), home);
        assert.ok(fs.statSync(home).isDirectory());
        assert.deepEqual(fs.readdirSync(home), []);
    });

    it("is only checked, not created, when asked not to create: nothing is left behind", () => {
        const home = path.join(work, "a", "b", "home");
        assert.equal(ensureWritableFolder(home, "--home", { create: false }), home);
        assert.deepEqual(fs.readdirSync(work), [], "neither the folder nor a probe file is left");
        fs.writeFileSync(path.join(work, "a"), "a file where a folder should be");
        assert.throws(() => ensureWritableFolder(home, "--home", { create: false }), EdfError);
    });

    it("refuses a file, naming the option and the fix", () => {
        const file = path.join(work, "home");
        fs.writeFileSync(file, "");
        const error = refusal(file);
        assert.equal(error.code, "EDF_USAGE");
        assert.deepEqual(
            error.problems.map((p) => [p.path, p.message]),
            [["--home", `\`${file}\` is not a folder`]],
        );
    });

    it("refuses a file on the way to it", () => {
        fs.writeFileSync(path.join(work, "file"), "");
        assert.match(refusal(path.join(work, "file", "home")).problems[0]!.message, /is not a folder/);
    });

    // /proc answers ENOENT for a folder that cannot be made there, where a recursive mkdir spins at 100 % CPU.
    it("refuses a folder in /proc at once, where it can be neither created nor written", () => {
        assert.match(refusal("/proc/edf-home").problems[0]!.message, /^cannot create `\/proc\/edf-home`/);
        assert.match(refusal("/proc").problems[0]!.message, /^cannot write in it/);
    });
});
