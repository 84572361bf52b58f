import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FRAMEWORKS_DIR, folderStamp, frameworkFolderMemo, readFrameworkFiles } from "../../../../policy-packs/lib/framework-files";

/** Longer than a file system's timestamp tick (ext4 stamps with a jiffy-coarse clock). */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));

describe("readFrameworkFiles between rounds of one process", () => {
    let dir: string;
    let file: string;
    const racyMs = frameworkFolderMemo.racyMs;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-frameworks-"));
        file = path.join(dir, "cis-aws-3.0.yaml");
        fs.copyFileSync(path.join(FRAMEWORKS_DIR, "cis-aws-3.0.yaml"), file);
        frameworkFolderMemo.racyMs = 0;
    });
    afterEach(() => {
        frameworkFolderMemo.racyMs = racyMs;
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("gives the same mappings again while the files are unchanged", async () => {
        await pause(); // the clock past the copy's ctime
        const first = readFrameworkFiles(dir);
        const second = readFrameworkFiles(dir);
        assert.equal(second.files[0]!.mapping, first.files[0]!.mapping, "the parsed mapping is reused");
        assert.notEqual(second.files, first.files, "callers get an array of their own");
    });

    it("parses again after a rewrite that keeps the size and the mtime (the ctime changes)", async () => {
        const text = fs.readFileSync(file, "utf8");
        const { mtime } = fs.statSync(file);
        await pause();
        const first = readFrameworkFiles(dir).files[0]!.mapping;
        await pause();
        // Same length, another name.
        const renamed = text.replace(/^name: "(.)/m, (_m, c: string) => `name: "${c === "X" ? "Y" : "X"}`);
        assert.equal(renamed.length, text.length);
        fs.writeFileSync(file, renamed);
        fs.utimesSync(file, mtime, mtime);
        const second = readFrameworkFiles(dir).files[0]!.mapping;
        assert.notEqual(second, first);
        assert.notEqual(second.name, first.name);
    });

    it("parses again when a mapping file is added", () => {
        readFrameworkFiles(dir);
        fs.copyFileSync(path.join(FRAMEWORKS_DIR, "nist-800-53-r5.yaml"), path.join(dir, "nist-800-53-r5.yaml"));
        assert.equal(readFrameworkFiles(dir).files.length, 2);
    });

    it("keeps nothing while a file changed under the racy window ago", () => {
        frameworkFolderMemo.racyMs = 60_000;
        assert.equal(folderStamp(dir), undefined);
        assert.notEqual(readFrameworkFiles(dir).files[0]!.mapping, readFrameworkFiles(dir).files[0]!.mapping);
    });
});

describe("readFrameworkFiles between processes (a parse kept in a cache folder)", () => {
    let dir: string;
    let kept: string;
    const racyMs = frameworkFolderMemo.racyMs;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-frameworks-"));
        kept = fs.mkdtempSync(path.join(os.tmpdir(), "edf-frameworks-kept-"));
        fs.copyFileSync(path.join(FRAMEWORKS_DIR, "cis-aws-3.0.yaml"), path.join(dir, "cis-aws-3.0.yaml"));
        // Every call parses or reads the kept parse, as a new process would: nothing is kept in this one.
        frameworkFolderMemo.racyMs = 60_000;
    });
    afterEach(() => {
        frameworkFolderMemo.racyMs = racyMs;
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(kept, { recursive: true, force: true });
    });

    const keptFiles = (): string[] => fs.readdirSync(path.join(kept, "frameworks")).filter((f) => f.endsWith(".json"));

    it("gives the mappings and the lines of a kept parse as a fresh parse gives them", () => {
        const parsed = readFrameworkFiles(dir);
        readFrameworkFiles(dir, kept);
        assert.equal(keptFiles().length, 1);
        const again = readFrameworkFiles(dir, kept);
        assert.deepEqual(
            again.files.map((f) => f.mapping),
            parsed.files.map((f) => f.mapping),
        );
        assert.deepEqual(again.problems, parsed.problems);
        for (const pointer of ["/controls/0", "/controls/3/policies/0", "/name"]) {
            assert.equal(again.files[0]!.lineOf(pointer), parsed.files[0]!.lineOf(pointer), pointer);
        }
    });

    it("reads the kept parse while the files are unchanged, and parses a changed file again", () => {
        readFrameworkFiles(dir, kept);
        const [entry] = keptFiles();
        const file = path.join(kept, "frameworks", entry!);
        const data = JSON.parse(fs.readFileSync(file, "utf8")) as { files: { mapping: { name: string } }[] };
        data.files[0]!.mapping.name = "read from the kept parse";
        fs.writeFileSync(file, JSON.stringify(data));
        assert.equal(readFrameworkFiles(dir, kept).files[0]!.mapping.name, "read from the kept parse");
        const yaml = path.join(dir, "cis-aws-3.0.yaml");
        fs.writeFileSync(yaml, fs.readFileSync(yaml, "utf8").replace(/^name: .*$/m, 'name: "Renamed benchmark"'));
        assert.equal(readFrameworkFiles(dir, kept).files[0]!.mapping.name, "Renamed benchmark");
        assert.equal(keptFiles().length, 2, "another text, another entry");
    });

    it("parses again over a kept parse that cannot be read, and keeps problems as found", () => {
        readFrameworkFiles(dir, kept);
        fs.writeFileSync(path.join(kept, "frameworks", keptFiles()[0]!), "{ truncated");
        assert.equal(readFrameworkFiles(dir, kept).files.length, 1);
        fs.writeFileSync(path.join(dir, "broken.yaml"), "framework: broken\nname: [\n");
        const first = readFrameworkFiles(dir, kept);
        assert.ok(first.problems.length > 0);
        assert.deepEqual(readFrameworkFiles(dir, kept).problems, first.problems);
    });
});
