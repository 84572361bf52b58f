import * as assert from "assert";
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { fingerprintEnvironment, KeptEnvironmentFingerprints } from "../../../../automation/fingerprint/fingerprint";
import { KeptFingerprints } from "../../../../automation/fingerprint/kept-fingerprints";
import { WorkingTree } from "../../../../automation/fingerprint/source-tree";
import { GitProject } from "./git-project";

/**
 * The proof behind `--watch` keeping fingerprints: after any edit, the fingerprints computed with
 * the kept ones are exactly those of a fresh fingerprinting. A kept fingerprint that should have
 * been computed again (a stale memo) fails these tests.
 */
describe("kept fingerprints (edf synth --watch)", function () {
    this.timeout(120_000);
    let project: GitProject;
    let kept: KeptEnvironmentFingerprints;

    before(() => {
        project = GitProject.create();
    });
    after(() => project.remove());
    beforeEach(() => {
        project.git("checkout", "-q", "--", ".");
        project.git("clean", "-qfd");
        kept = new KeptFingerprints();
        round();
    });

    /** Fingerprints with the kept ones and afresh: they must be equal, hash for hash and manifest for manifest. */
    function round(): { keptUnits: number; keptGlobal: boolean; hashes: Map<string, string> } {
        const withKept = fingerprintEnvironment(new WorkingTree(project.root), "prod", { kept });
        const fresh = fingerprintEnvironment(new WorkingTree(project.root), "prod");
        assert.deepStrictEqual([...withKept.units.keys()], [...fresh.units.keys()]);
        for (const [unit, fingerprint] of fresh.units) {
            const got = withKept.units.get(unit)!;
            assert.strictEqual(got.hash, fingerprint.hash, `${unit}: a kept fingerprint differs from a fresh one`);
            assert.deepStrictEqual([...got.manifest], [...fingerprint.manifest]);
        }
        return { ...kept.last, hashes: new Map([...fresh.units].map(([u, f]) => [u, f.hash])) };
    }

    const write = (file: string, text: string): void => {
        fs.mkdirSync(path.dirname(path.join(project.root, file)), { recursive: true });
        fs.writeFileSync(path.join(project.root, file), text);
    };
    const edit = (file: string, change: (text: string) => string): void =>
        write(file, change(fs.readFileSync(path.join(project.root, file), "utf8")));

    it("keeps every unit when nothing changed, and a unit none of whose files changed", () => {
        assert.deepStrictEqual({ ...round(), hashes: undefined }, { keptUnits: 5, keptGlobal: true, hashes: undefined });
        edit("services/payments-api/program.ts", (t) => `${t}\n// an edit\n`);
        const after = round();
        assert.strictEqual(after.keptGlobal, true);
        assert.strictEqual(after.keptUnits, 4);
        write("notes/readme-2.md", "nothing imports me\n");
        assert.strictEqual(round().keptUnits, 5);
    });

    it("fingerprints again every unit importing a changed shared file", () => {
        const shared = fs.readdirSync(path.join(project.root, "services", "sdk")).find((f) => f.endsWith(".ts"))!;
        edit(`services/sdk/${shared}`, (t) => `${t}\n// shared edit\n`);
        const after = round();
        assert.strictEqual(after.keptUnits, 3);
    });

    it("sees a new file that changes where an import leads: missing, then a file, then a folder's index", () => {
        edit("services/ledger-worker/program.ts", (t) => `import "./helper";\n${t}`);
        assert.strictEqual(round().keptUnits, 4);
        write("services/ledger-worker/helper.ts", "export const helper = 1;\n");
        assert.strictEqual(round().keptUnits, 4);
        fs.rmSync(path.join(project.root, "services/ledger-worker/helper.ts"));
        write("services/ledger-worker/helper/index.ts", "export const helper = 2;\n");
        assert.strictEqual(round().keptUnits, 4);
        edit("services/ledger-worker/helper/index.ts", (t) => `${t}// again\n`);
        assert.strictEqual(round().keptUnits, 4);
    });

    for (const [what, file, change] of [
        ["the spec", "environments/prod.yaml", (t: string) => t.replace("units:", "# a comment\nunits:")],
        ["a waiver file", "environments/waivers/prod.yaml", (t: string) => `${t}\n# reviewed again\n`],
        ["the sample inputs", "environments/samples/prod.yaml", (t: string) => `${t}\n# more samples\n`],
        ["the lock file", "package-lock.json", (t: string) => `${t}\n`],
        ["the tsconfig", "tsconfig.json", (t: string) => `${t}\n`],
        ["a policy of the pack", "policy-packs/pipeline/policy-list.ts", (t: string) => `${t}\n// policy edit\n`],
    ] as const) {
        it(`fingerprints every unit again when ${what} changed`, () => {
            edit(file, change);
            const after = round();
            assert.strictEqual(after.keptGlobal, false);
            assert.strictEqual(after.keptUnits, 0);
        });
    }

    it("equals a fresh fingerprinting after any sequence of edits (property)", () => {
        const sdk = fs
            .readdirSync(path.join(project.root, "services", "sdk"))
            .filter((f) => f.endsWith(".ts"))
            .map((f) => `services/sdk/${f}`);
        const edits: (readonly [string, (t: string) => string])[] = [
            ["services/payments-api/program.ts", (t) => `${t}// e\n`],
            ["services/ledger-worker/program.ts", (t) => `${t}// e\n`],
            [
                "services/ledger-worker/program.ts",
                (t) => (t.includes('import "./extra"') ? t.replace('import "./extra";\n', "") : `import "./extra";\n${t}`),
            ],
            ["services/ledger-worker/extra.ts", (t) => `${t}// e\n`],
            ["platform/network/program.ts", (t) => `${t}// e\n`],
            ["environments/prod.yaml", (t) => `${t}# e\n`],
            ["docs/readme-3.md", (t) => `${t}e\n`],
            ...sdk.slice(0, 2).map((f) => [f, (t: string) => `${t}// e\n`] as const),
        ];
        fc.assert(
            fc.property(fc.array(fc.nat(edits.length - 1), { minLength: 1, maxLength: 6 }), (steps) => {
                project.git("checkout", "-q", "--", ".");
                project.git("clean", "-qfd");
                kept = new KeptFingerprints();
                round();
                for (const step of steps) {
                    const [file, change] = edits[step]!;
                    const full = path.join(project.root, file);
                    write(file, change(fs.existsSync(full) ? fs.readFileSync(full, "utf8") : ""));
                    round();
                }
            }),
            { numRuns: 15 },
        );
    });
});
