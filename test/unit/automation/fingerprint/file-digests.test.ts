import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gitBlobId } from "../../../../automation/fingerprint/blob-id";
import { FileDigests } from "../../../../automation/fingerprint/file-digests";
import { WorkingTree } from "../../../../automation/fingerprint/source-tree";

/** Sets a file's mtime two minutes back (its ctime is now). */
function age(file: string, mtime = new Date(Date.now() - 120_000)): Date {
    fs.utimesSync(file, mtime, mtime);
    return mtime;
}

/** Longer than a file system's timestamp tick (ext4 stamps with a jiffy-coarse clock). */
const TICK_MS = 30;
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, TICK_MS));

describe("FileDigests", () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-digests-"))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("answers an unchanged file from memory, with the same text and blob id as a fresh read", async () => {
        const file = path.join(dir, "a.ts");
        fs.writeFileSync(file, "export const a = 1;\n");
        age(file);
        await pause(); // the clock past the ctime utimes set
        const digests = new FileDigests(0);
        const first = digests.read(file);
        const second = digests.read(file);
        assert.deepEqual(second, first);
        assert.equal(second?.blob, gitBlobId(fs.readFileSync(file)));
        assert.deepEqual([digests.misses, digests.hits], [1, 1]);
    });

    it("sees a rewrite that keeps the size and the mtime (its ctime changes)", async () => {
        const file = path.join(dir, "a.ts");
        fs.writeFileSync(file, "export const a = 1;\n");
        const mtime = age(file);
        await pause(); // the clock past the ctime utimes set
        const digests = new FileDigests(0);
        assert.equal(digests.read(file)?.text, "export const a = 1;\n");
        await pause();
        fs.writeFileSync(file, "export const a = 2;\n");
        fs.utimesSync(file, mtime, mtime);
        assert.equal(digests.read(file)?.text, "export const a = 2;\n");
        assert.equal(digests.read(file)?.blob, gitBlobId(Buffer.from("export const a = 2;\n")));
    });

    it("sees a file replaced by a rename with the same size and mtime (another inode)", async () => {
        const file = path.join(dir, "a.ts");
        fs.writeFileSync(file, "export const a = 1;\n");
        const mtime = age(file);
        await pause(); // the clock past the ctime utimes set
        const digests = new FileDigests(0);
        digests.read(file);
        const aside = path.join(dir, "a.ts.tmp");
        fs.writeFileSync(aside, "export const a = 3;\n");
        fs.utimesSync(aside, mtime, mtime);
        fs.renameSync(aside, file);
        assert.equal(digests.read(file)?.text, "export const a = 3;\n");
    });

    it("does not keep a file changed just now (a second write in the same tick could keep its stamp)", async () => {
        const file = path.join(dir, "a.ts");
        fs.writeFileSync(file, "fresh\n");
        age(file); // an old mtime, but the ctime is now
        const digests = new FileDigests();
        digests.read(file);
        assert.equal(digests.size, 0);
        digests.read(file);
        assert.equal(digests.hits, 0);
    });

    it("reads a file the watcher reported again even when its stamp is unchanged", async () => {
        const file = path.join(dir, "a.ts");
        fs.writeFileSync(file, "export const a = 1;\n");
        age(file);
        await pause(); // the clock past the ctime utimes set
        const digests = new FileDigests(0);
        digests.read(file);
        digests.forget([file]);
        digests.read(file);
        assert.deepEqual([digests.misses, digests.hits], [2, 0]);
    });

    it("forgets a file that was deleted", async () => {
        const file = path.join(dir, "a.ts");
        fs.writeFileSync(file, "x\n");
        age(file);
        await pause(); // the clock past the ctime utimes set
        const digests = new FileDigests(0);
        digests.read(file);
        fs.rmSync(file);
        assert.equal(digests.read(file), undefined);
        assert.equal(digests.size, 0);
    });

    it("gives a working tree the same blob ids and texts with and without it", async () => {
        const file = path.join(dir, "b.ts");
        fs.writeFileSync(file, "export const b = 'é';\n");
        age(file);
        await pause(); // the clock past the ctime utimes set
        const digests = new FileDigests(0);
        for (const tree of [new WorkingTree(dir), new WorkingTree(dir, digests), new WorkingTree(dir, digests)]) {
            assert.equal(tree.blobId(file), gitBlobId(fs.readFileSync(file)));
            assert.equal(tree.read(file), "export const b = 'é';\n");
            assert.equal(tree.blobId(path.join(dir, "missing.ts")), undefined);
        }
        assert.ok(digests.hits > 0);
    });
});
