import { strict as assert } from "assert";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { LockFile } from "../../../../automation/fingerprint/lockfile";
import { BaseDigests, keysOver, manifestDigest, valueDigest } from "../../../../automation/fingerprint/parts";
import { SourceGraph } from "../../../../automation/fingerprint/source-graph";
import { SourceMemo } from "../../../../automation/fingerprint/source-memo";
import { WorkingTree } from "../../../../automation/fingerprint/source-tree";
import { globCanMatchPrefix, waiverCanMatchStack } from "../../../../automation/fingerprint/waiver-scope";
import { globMatch } from "../../../../policy-packs/lib/waivers";

describe("which stacks a waiver can match", () => {
    it("ties a URN-scoped waiver to its stack and leaves type and tag selectors everywhere", () => {
        const ledger = { selector: { urn: "urn:pulumi:prod.ledger-worker::*" } };
        assert.equal(waiverCanMatchStack(ledger, "prod.ledger-worker", "edf"), true);
        assert.equal(waiverCanMatchStack(ledger, "prod.payments-api", "edf"), false);
        assert.equal(waiverCanMatchStack(ledger, "dev.ledger-worker", "edf"), false);
        assert.equal(waiverCanMatchStack({ selector: { urn: "*::aws:s3/bucket:Bucket::logs" } }, "prod.security", "edf"), true);
        assert.equal(waiverCanMatchStack({ selector: { type: "aws:s3/bucket:Bucket" } }, "prod.anything", "edf"), true);
        assert.equal(waiverCanMatchStack({ selector: { urn: "urn:pulumi:prod.?ecurity::edf::*" } }, "prod.security", "edf"), true);
    });

    it("agrees with the waiver glob itself: a glob can match a prefix exactly when some completion of it matches (property)", () => {
        const alphabet = fc.constantFrom("a", "b", ":");
        const glob = fc.array(fc.oneof(alphabet, fc.constant("*"), fc.constant("?")), { maxLength: 6 }).map((c) => c.join(""));
        const text = fc.array(alphabet, { maxLength: 5 }).map((c) => c.join(""));
        fc.assert(
            fc.property(glob, text, fc.array(text, { minLength: 1, maxLength: 8 }), (g, prefix, tails) => {
                // A matching completion proves the prefix can match.
                if (tails.some((t) => globMatch(g, prefix + t))) assert.equal(globCanMatchPrefix(g, prefix), true);
                // The shortest completion is the glob's remainder with `*` empty and `?` any character.
                if (globCanMatchPrefix(g, prefix)) {
                    const completions = [...Array(g.length + 1).keys()].map(
                        (cut) => prefix + g.slice(cut).replace(/\*/g, "").replace(/\?/g, "a"),
                    );
                    assert.ok(
                        completions.some((c) => globMatch(g, c)),
                        `${g} / ${prefix}`,
                    );
                }
            }),
        );
    });
});

describe("package pins from the lock file", () => {
    const lock = new LockFile(
        JSON.stringify({
            lockfileVersion: 3,
            packages: {
                "": { name: "x" },
                "node_modules/a": { version: "1.0.0", integrity: "sha512-a", dependencies: { b: "^1", c: "^2" } },
                "node_modules/a/node_modules/c": { version: "2.0.0", integrity: "sha512-c2" },
                "node_modules/b": { version: "1.2.0", integrity: "sha512-b" },
                "node_modules/c": { version: "3.0.0", integrity: "sha512-c3" },
            },
        }),
    );

    it("covers what a package pulls in, as npm lays it out, and names its version", () => {
        assert.equal(lock.pin("a").version, "1.0.0");
        const moved = new LockFile(
            JSON.stringify({
                packages: {
                    "node_modules/a": { version: "1.0.0", integrity: "sha512-a", dependencies: { b: "^1", c: "^2" } },
                    "node_modules/a/node_modules/c": { version: "2.0.1", integrity: "sha512-c2-patched" },
                    "node_modules/b": { version: "1.2.0", integrity: "sha512-b" },
                    "node_modules/c": { version: "3.0.0", integrity: "sha512-c3" },
                },
            }),
        );
        assert.notEqual(moved.pin("a").digest, lock.pin("a").digest, "a patch deep under `a` changes its pin");
        assert.equal(moved.pin("b").digest, lock.pin("b").digest);
        assert.equal(moved.pin("c").digest, lock.pin("c").digest, "the top-level `c` did not change");
        assert.equal(lock.pin("missing").version, "not installed");
    });
});

describe("the import walk's memo", () => {
    it("replays a resolution only while the files that decided it are as they were", () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "edf-memo-"));
        fs.writeFileSync(path.join(root, "entry.ts"), 'import { x } from "./lib";\nexport const y = x;\n');
        fs.mkdirSync(path.join(root, "lib"));
        fs.writeFileSync(path.join(root, "lib", "index.ts"), "export const x = 1;\n");
        const memoFile = path.join(root, ".memo.json");
        const walk = (): readonly string[] => {
            const memo = new SourceMemo(memoFile);
            const graph = new SourceGraph(new WorkingTree(root), memo);
            const files = graph.closure([path.join(root, "entry.ts")]).files.map((f) => path.relative(root, f));
            graph.save();
            return files;
        };
        assert.deepEqual(walk(), ["entry.ts", "lib/index.ts"]);
        assert.deepEqual(walk(), ["entry.ts", "lib/index.ts"], "replayed from the memo");
        // A file that the compiler would now prefer (`./lib.ts` before `./lib/index.ts`) invalidates the memo.
        fs.writeFileSync(path.join(root, "lib.ts"), "export const x = 2;\n");
        assert.deepEqual(walk(), ["entry.ts", "lib.ts"]);
        fs.rmSync(path.join(root, "lib.ts"));
        assert.deepEqual(walk(), ["entry.ts", "lib/index.ts"]);
        // A damaged memo is ignored, never trusted.
        fs.writeFileSync(memoFile, "{ damaged");
        assert.deepEqual(walk(), ["entry.ts", "lib/index.ts"]);
    });
});

describe("the import walk's closure", () => {
    it("is every file, package, missing import and probed path the entries reach, however the walks share their imports", () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "edf-closure-"));
        try {
            const files: Record<string, string> = {
                "a/program.ts": 'export * from "../shared/program";\nimport "./gone";\n',
                "b/program.ts": 'import "../shared/program";\nimport "@pulumi/aws";\n',
                "c/program.ts": 'import "../a/program";\nimport "../shared/util";\n',
                "shared/program.ts": 'import { u } from "./util";\nimport "@pulumi/pulumi";\nexport const p = u;\n',
                "shared/util.ts": 'import { p } from "./program";\nexport const u = 1;\nexport const q = () => p;\n',
            };
            for (const [file, text] of Object.entries(files)) {
                fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
                fs.writeFileSync(path.join(root, file), text);
            }
            const graph = new SourceGraph(new WorkingTree(root));
            /** The plain breadth-first walk the closure must agree with. */
            const reference = (entries: readonly string[]) => {
                const seen = new Set<string>();
                const packages = new Set<string>();
                const missing = new Set<string>();
                const touched = new Set<string>(entries);
                const queue = entries.filter((e) => fs.existsSync(e));
                while (queue.length > 0) {
                    const file = queue.shift()!;
                    if (seen.has(file)) continue;
                    seen.add(file);
                    const node = graph.node(file);
                    node.packages.forEach((x) => packages.add(x));
                    node.missing.forEach((x) => missing.add(x));
                    node.touched.forEach((x) => touched.add(x));
                    queue.push(...node.locals);
                }
                const sorted = (set: Set<string>) => [...set].sort();
                return { files: sorted(seen), packages: sorted(packages), missing: sorted(missing), touched: sorted(touched) };
            };
            const at = (...names: string[]) => names.map((n) => path.join(root, n));
            for (const entries of [
                at("a/program.ts"),
                at("b/program.ts"),
                at("c/program.ts"),
                at("a/program.ts", "b/program.ts"),
                at("shared/util.ts"),
                at("c/program.ts", "a/program.ts", "nowhere.ts"),
                at("a/program.ts"),
            ]) {
                assert.deepEqual(graph.closure(entries), reference(entries), entries.map((e) => path.relative(root, e)).join(", "));
            }
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});

describe("a manifest's digest", () => {
    it("sorts a unit's keys by merging its own into the shared ones, as sorting them all would (property)", () => {
        const key = fc.tuple(fc.constantFrom("pack", "package", "source", "spec", "upstream", "waiver"), fc.string());
        fc.assert(
            fc.property(fc.uniqueArray(key.map(([k, s]) => `${k}:${s}`)), fc.array(key.map(([k, s]) => `${k}:${s}`)), (shared, own) => {
                const base = new Map(shared.map((k) => [k, { digest: "base" }]));
                const manifest = new Map(base);
                // A unit's own parts, some of them keys the base has (they keep their place and take the new digest).
                for (const k of own) manifest.set(k, { digest: "own" });
                const keys = keysOver([...base.keys()].sort(), manifest);
                assert.deepEqual(keys, [...manifest.keys()].sort());
                assert.equal(manifestDigest(manifest, undefined, keys), manifestDigest(manifest));
                assert.equal(manifestDigest(manifest, ["source", "spec"], keys), manifestDigest(manifest, ["source", "spec"]));
            }),
        );
    });

    it("is the same over a shared base, whose lines are hashed once, as taken whole, whatever a unit adds or overrides (property)", () => {
        const key = fc.tuple(fc.constantFrom("missing", "pack", "package", "source", "spec", "waiver"), fc.string());
        const own = fc.array(
            fc.tuple(
                key.map(([k, s]) => `${k}:${s}`),
                fc.constantFrom("base", "own", "other"),
            ),
        );
        fc.assert(
            fc.property(fc.uniqueArray(key.map(([k, s]) => `${k}:${s}`)), fc.array(own, { maxLength: 4 }), (shared, units) => {
                const base = new Map(shared.map((k) => [k, { digest: "base" }]));
                const baseKeys = [...base.keys()].sort();
                const digests = new BaseDigests(base, baseKeys);
                // Several units over one base: the kept hash states serve each of them.
                for (const parts of units) {
                    const manifest = new Map(base);
                    for (const [k, digest] of parts) manifest.set(k, { digest });
                    assert.equal(digests.digest(manifest, keysOver(baseKeys, manifest)), manifestDigest(manifest));
                }
            }),
        );
    });

    it("gives a value's digest as sha256 of its canonical JSON, remembered or not", () => {
        for (const value of [1, "eu-west-1", { b: [1, { d: null }], a: true }, "x".repeat(300)]) {
            const expected = createHash("sha256")
                .update(
                    JSON.stringify(value, (_k, v: unknown) =>
                        v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
                    ),
                )
                .digest("hex");
            assert.equal(valueDigest(value), expected);
            assert.equal(valueDigest(value), expected, "the second time, from memory");
        }
    });

    it("is sha256 of each part's key and digest, one line each, in key order", () => {
        const manifest = new Map([
            ["source:b.ts", { digest: "2" }],
            ["pack:a.ts", { digest: "1" }],
        ]);
        assert.equal(manifestDigest(manifest), createHash("sha256").update("pack:a.ts\t1\nsource:b.ts\t2\n").digest("hex"));
        assert.equal(manifestDigest(manifest, ["source"]), createHash("sha256").update("source:b.ts\t2\n").digest("hex"));
    });
});
