import { strict as assert } from "assert";
import { spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ContentStore } from "../../../../../automation/synth/cache/store";
import { PROJECT_ROOT } from "../../../../support/toolchain";

const key = (n: number | string): string => createHash("sha256").update(String(n)).digest("hex");

function freshStore(maxBytes?: number): { store: ContentStore; discarded: string[] } {
    const discarded: string[] = [];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-synth-cache-"));
    return { store: new ContentStore(dir, maxBytes, (m) => discarded.push(m)), discarded };
}

describe("the synth cache's content store", () => {
    it("gives back what it kept, and misses what it never saw", () => {
        const { store } = freshStore();
        store.put("evaluation", key(1), { resources: [{ urn: "urn:x", props: { a: [1, 2] } }] });
        assert.deepEqual(store.get("evaluation", key(1)), { resources: [{ urn: "urn:x", props: { a: [1, 2] } }] });
        assert.equal(store.get("evaluation", key(2)), undefined);
        assert.equal(store.get("inspection", key(1)), undefined, "kinds are apart");
        assert.deepEqual([store.hits, store.misses, store.writes], [1, 2, 1]);
    });

    it("files a shared value under the sha256 of its JSON, written once per store, and again where its entry is gone", () => {
        const list = [{ id: "a", level: "mandatory" }];
        const expected = createHash("sha256").update(JSON.stringify(list)).digest("hex");
        const { store } = freshStore();
        assert.equal(store.putAddressed("policies", list), expected);
        assert.equal(store.putAddressed("policies", list), expected);
        assert.equal(store.writes, 1, "the second put finds the entry");
        // Another store (another cache folder) of the same process gets the value written too.
        const other = freshStore().store;
        assert.equal(other.putAddressed("policies", list), expected);
        assert.deepEqual(other.get("policies", expected), list);
        fs.rmSync(other.fileOf("policies", expected));
        assert.equal(other.putAddressed("policies", list), expected);
        assert.deepEqual(other.get("policies", expected), list, "written again");
        // An equal value of its own is hashed from its JSON: the same key.
        assert.equal(freshStore().store.putAddressed("policies", structuredClone(list)), expected);
    });

    it("discards a truncated entry, never trusts it, and says so", () => {
        const { store, discarded } = freshStore();
        store.put("evaluation", key(1), { big: "x".repeat(10_000) });
        const file = store.fileOf("evaluation", key(1));
        fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
        assert.equal(store.get("evaluation", key(1)), undefined);
        assert.equal(fs.existsSync(file), false, "the damaged entry is deleted");
        assert.equal(discarded.length, 1);
        assert.match(discarded[0]!, /discarded a damaged synth cache entry .*truncated\?\).*evaluated again/);
    });

    it("reads an entry again without checking it twice, yet still discards it once it is truncated (a watch reads every round)", () => {
        const { store, discarded } = freshStore();
        store.put("evaluation", key(1), { big: "x".repeat(10_000) });
        const first = store.get<{ big: string }>("evaluation", key(1));
        const again = store.get<{ big: string }>("evaluation", key(1));
        assert.deepEqual(again, first);
        assert.notStrictEqual(again, first, "each read is a value of its own: a caller that changes one changes nothing else");
        const file = path.join(store.dir, "evaluation", `${key(1)}.json`);
        fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
        assert.equal(store.get("evaluation", key(1)), undefined);
        assert.equal(discarded.length, 1);
        fs.rmSync(store.dir, { recursive: true, force: true });
    });

    it("answers every later read of an unchanged entry from memory: the touch of each read is remembered", () => {
        const { store, discarded } = freshStore();
        store.put("evaluation", key(1), { value: "aaaa" });
        assert.deepEqual(store.get("evaluation", key(1)), { value: "aaaa" });
        // Altered behind the store's back with its size and mtime kept: only a read from disk would see it.
        const file = store.fileOf("evaluation", key(1));
        const { atime, mtime } = fs.statSync(file);
        fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("aaaa", "aaab"));
        fs.utimesSync(file, atime, mtime);
        for (let round = 2; round <= 4; round++) {
            // A millisecond apart at least: each read's touch gives the file another mtime.
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
            assert.deepEqual(store.get("evaluation", key(1)), { value: "aaaa" }, `read ${round}`);
        }
        assert.deepEqual(discarded, [], "never read from disk again");
        fs.rmSync(store.dir, { recursive: true, force: true });
    });

    it("shares one frozen value between reads of an entry, and still discards the entry once it is damaged", () => {
        const { store, discarded } = freshStore();
        store.put("inspection", key(1), { findings: [{ id: "a", tags: ["x"] }], big: "y".repeat(10_000) });
        const first = store.getShared<{ findings: { id: string; tags: string[] }[] }>("inspection", key(1))!;
        const again = store.getShared<{ findings: { id: string; tags: string[] }[] }>("inspection", key(1))!;
        assert.strictEqual(again, first, "parsed once, then shared");
        assert.deepEqual(first.findings, [{ id: "a", tags: ["x"] }]);
        assert.throws(() => ((first.findings[0] as { id: string }).id = "b"), TypeError, "frozen at every depth");
        assert.throws(() => (first.findings[0]!.tags as string[]).push("z"), TypeError);
        const own = store.get<{ findings: { id: string }[] }>("inspection", key(1))!;
        own.findings[0]!.id = "mine";
        assert.equal(first.findings[0]!.id, "a", "`get` still gives a value of its own");
        const file = store.fileOf("inspection", key(1));
        fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
        assert.equal(store.getShared("inspection", key(1)), undefined);
        assert.equal(discarded.length, 1);
        fs.rmSync(store.dir, { recursive: true, force: true });
    });

    it("discards an entry whose body changed but kept its length, and one filed under another key", () => {
        const { store, discarded } = freshStore();
        store.put("evaluation", key(1), { value: "aaaa" });
        const file = store.fileOf("evaluation", key(1));
        fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("aaaa", "aaab"));
        assert.equal(store.get("evaluation", key(1)), undefined);
        store.put("evaluation", key(2), { value: "b" });
        fs.copyFileSync(store.fileOf("evaluation", key(2)), store.fileOf("evaluation", key(3)));
        assert.equal(store.get("evaluation", key(3)), undefined);
        assert.deepEqual(store.get("evaluation", key(2)), { value: "b" });
        assert.match(discarded[0]!, /does not match its checksum/);
        assert.match(discarded[1]!, /names another entry/);
    });

    it("stays within its bound by evicting the least recently used entries first", () => {
        const { store } = freshStore();
        for (let i = 0; i < 10; i++) {
            store.put("evaluation", key(i), { payload: "p".repeat(1000) });
            // Distinct use times, oldest first.
            const when = new Date(Date.now() - (100 - i) * 1000);
            fs.utimesSync(store.fileOf("evaluation", key(i)), when, when);
        }
        const entrySize = fs.statSync(store.fileOf("evaluation", key(0))).size;
        // Entries 0 and 1 are used again: they become the most recently used.
        assert.ok(store.get("evaluation", key(0)));
        assert.ok(store.get("evaluation", key(1)));
        const bounded = new ContentStore(store.dir, entrySize * 4);
        const pruned = bounded.prune();
        assert.equal(pruned.entries, 6);
        assert.ok(pruned.total <= entrySize * 4);
        const left = [...Array(10).keys()].filter((i) => fs.existsSync(store.fileOf("evaluation", key(i))));
        assert.deepEqual(left, [0, 1, 8, 9]);
    });

    it("removes temporary files that no writer will finish, and keeps fresh ones", () => {
        const { store } = freshStore();
        store.put("evaluation", key(1), { a: 1 });
        const dir = path.dirname(store.fileOf("evaluation", key(1)));
        const stale = path.join(dir, `.${key(2)}.1.dead.tmp`);
        const fresh = path.join(dir, `.${key(3)}.1.live.tmp`);
        fs.writeFileSync(stale, "half");
        fs.writeFileSync(fresh, "half");
        const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
        fs.utimesSync(stale, old, old);
        store.prune();
        assert.equal(fs.existsSync(stale), false);
        assert.equal(fs.existsSync(fresh), true);
    });

    it("serves two processes writing and reading the same keys at once without a half-written entry", async function () {
        this.timeout(120_000);
        const { store } = freshStore();
        const worker = `
            const { ContentStore } = require(${JSON.stringify(path.join(PROJECT_ROOT, "automation/synth/cache/store.ts"))});
            const { createHash } = require("crypto");
            const store = new ContentStore(${JSON.stringify(store.dir)}, 1024 * 1024 * 1024, (m) => { console.error(m); process.exitCode = 2; });
            const key = (n) => createHash("sha256").update(String(n)).digest("hex");
            let read = 0;
            for (let round = 0; round < 40; round++) {
                for (let n = 0; n < 10; n++) {
                    const value = { n, blob: String(n).repeat(50_000) };
                    store.put("evaluation", key(n), value);
                    const back = store.get("evaluation", key((n + 3) % 10));
                    if (back !== undefined) {
                        read++;
                        if (back.blob !== String(back.n).repeat(50_000)) { console.error("wrong value"); process.exit(3); }
                    }
                }
                if (round % 10 === 0) store.prune();
            }
            console.log(read);
        `;
        const run = (): Promise<{ code: number | null; out: string; err: string }> =>
            new Promise((resolve) => {
                const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", worker], { cwd: PROJECT_ROOT });
                let out = "";
                let err = "";
                child.stdout.on("data", (d: Buffer) => (out += d.toString()));
                child.stderr.on("data", (d: Buffer) => (err += d.toString()));
                child.on("close", (code) => resolve({ code, out, err }));
            });
        const [a, b] = await Promise.all([run(), run()]);
        for (const r of [a, b]) {
            assert.equal(r.code, 0, r.err);
            assert.ok(Number(r.out) > 300, `each process read entries back (${r.out})`);
        }
        assert.deepEqual(
            fs.readdirSync(path.join(store.dir, "evaluation")).filter((f) => f.endsWith(".tmp")),
            [],
            "no temporary file is left behind",
        );
    });
});
