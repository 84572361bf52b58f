import * as assert from "assert";
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Redactor } from "../../../automation/redact";
import { createRunFolder } from "../../../automation/run/run-folder";

/** What scrubbing parts must give: the scrubbed concatenation, as text. */
function asText(result: readonly string[] | string): string {
    return typeof result === "string" ? result : result.join("");
}

describe("Redactor.scrubParts (a report written in parts)", () => {
    const secret = "s3cr3t-value-42";
    const filler = (n: number, c = "x"): string => c.repeat(n);

    it("gives the same text as scrubbing the whole, for any parts and secrets, also split across parts (property)", () => {
        const alphabet = fc.constantFrom("a", "b", "c", "-", "\n", '"');
        const text = fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join(""));
        const longText = fc.tuple(text, fc.nat(600)).map(([t, n]) => `${filler(n, "a")}${t}`);
        fc.assert(
            fc.property(
                fc.array(fc.oneof(text, longText), { maxLength: 12 }),
                fc.array(
                    fc.array(fc.constantFrom("a", "b", "c", "-"), { minLength: 4, maxLength: 8 }).map((cs) => cs.join("")),
                    {
                        minLength: 1,
                        maxLength: 3,
                    },
                ),
                (parts, secrets) => {
                    const redactor = new Redactor();
                    secrets.forEach((s) => redactor.add(s));
                    // Twice: the second time long parts are known clean.
                    for (let i = 0; i < 2; i++) assert.strictEqual(asText(redactor.scrubParts(parts)), redactor.scrub(parts.join("")));
                },
            ),
            { numRuns: 500 },
        );
    });

    it("finds a secret split over a seam between a long part and short parts", () => {
        const redactor = new Redactor();
        redactor.add(secret);
        const long = filler(2000);
        const parts = [`${long}s3cr`, "3t", "-val", `ue-42${long}`];
        assert.strictEqual(asText(redactor.scrubParts(parts)), `${long}[secret]${long}`);
        assert.deepStrictEqual(redactor.scrubParts([long, "clean", long]), [long, "clean", long]);
    });

    it("does not take a long part known clean of other secrets as clean of a new one", () => {
        const long = `${filler(1000)}${secret}${filler(1000)}`;
        const before = new Redactor();
        before.add("another-secret");
        assert.deepStrictEqual(before.scrubParts([long]), [long]);
        const after = new Redactor();
        after.add(secret);
        assert.strictEqual(asText(after.scrubParts([long])), `${filler(1000)}[secret]${filler(1000)}`);
        before.add(secret);
        assert.strictEqual(asText(before.scrubParts([long])), `${filler(1000)}[secret]${filler(1000)}`);
    });

    it("writes a run folder's file in parts as the scrubbed text they make up", () => {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-parts-"));
        try {
            const redactor = new Redactor();
            redactor.add(secret);
            const folder = createRunFolder(home, "synth-prod", redactor);
            const clean = folder.write("clean.json", ["{", filler(3000, "é"), "}\n"]);
            assert.strictEqual(fs.readFileSync(clean, "utf8"), `{${filler(3000, "é")}}\n`);
            const dirty = folder.write("dirty.json", ["{", filler(3000), secret.slice(0, 5), secret.slice(5), "}\n"]);
            assert.strictEqual(fs.readFileSync(dirty, "utf8"), `{${filler(3000)}[secret]}\n`);
        } finally {
            fs.rmSync(home, { recursive: true, force: true });
        }
    });

    it("writes a run folder's file through the thread pool as the same scrubbed bytes as a direct write", async () => {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-parts-"));
        try {
            const redactor = new Redactor();
            redactor.add(secret);
            const folder = createRunFolder(home, "synth-prod", redactor);
            const contents: (string | string[])[] = [
                ["{", filler(3000, "é"), "}\n"],
                ["{", filler(3000), secret.slice(0, 5), secret.slice(5), "}\n"],
                `plain ${secret} text\n`,
                [filler(5000)],
            ];
            for (const [i, content] of contents.entries()) {
                const direct = folder.write(`direct-${i}.txt`, content);
                const pending = folder.writeAsync(`pooled-${i}.txt`, content);
                assert.ok(pending instanceof Promise);
                const pooled = await pending;
                assert.strictEqual(pooled, path.join(folder.dir, `pooled-${i}.txt`));
                assert.ok(fs.readFileSync(pooled).equals(fs.readFileSync(direct)), `content ${i}`);
            }
            assert.ok(!fs.readFileSync(path.join(folder.dir, "pooled-2.txt"), "utf8").includes(secret));
        } finally {
            fs.rmSync(home, { recursive: true, force: true });
        }
    });
});
