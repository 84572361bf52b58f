import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { MAX_YAML_DEPTH, parseYamlText } from "../../../../automation/files/yaml";
import { lineOfPointer } from "../../../../automation/spec/yaml-lines";
import { temporaryTsCache } from "../../support/temporary-ts-cache";

describe("YAML under limits", () => {
    it("reads ordinary YAML (core schema: dates stay text) and builds the located document only when asked", () => {
        const parsed = parseYamlText("a: 1\nb: [x, y]\nexpires: 2026-02-28\n");
        assert.deepStrictEqual(parsed.data, { a: 1, b: ["x", "y"], expires: "2026-02-28" });
        assert.deepStrictEqual(parsed.problems, []);
        assert.ok(parsed.located().doc, "the document model is there when a line is needed");
    });

    it("builds the located document of a text once, and locates an edited text anew (a watch reads the same files each round)", () => {
        const text = "waivers:\n  - id: W-1\n    policy: p\n";
        const line = (t: string): number | undefined => {
            const { doc, lineCounter } = parseYamlText(t).located();
            return lineOfPointer(doc!, lineCounter, "/waivers/0/policy");
        };
        assert.strictEqual(parseYamlText(text).located(), parseYamlText(`${text}`).located(), "an equal text: the same model");
        assert.strictEqual(line(text), 3);
        assert.strictEqual(line(`# moved down\n${text}`), 4);
        assert.strictEqual(line(text), 3);
    });

    it("refuses nesting deeper than the limit with the line, in flow and in block style, without a stack overflow", () => {
        const flow = parseYamlText(`a: 1\nb: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`);
        assert.deepStrictEqual(
            flow.problems.map((p) => [p.line, p.message]),
            [[2, `YAML nesting deeper than ${MAX_YAML_DEPTH} levels`]],
        );
        const block = ["a:"];
        for (let i = 1; i < 200; i++) block.push(`${" ".repeat(i * 2)}k${i}:`);
        const deep = parseYamlText(block.join("\n"));
        assert.match(deep.problems[0]!.message, /nesting deeper/);
        assert.ok(deep.problems[0]!.line! > MAX_YAML_DEPTH && deep.problems[0]!.line! < 70);
    });

    it("refuses an alias bomb and an alias without an anchor, each with its line", () => {
        const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
        for (let i = 1; i < 9; i++)
            levels.push(
                `l${i}: &l${i} [${Array(10)
                    .fill(i === 1 ? "*a" : `*l${i - 1}`)
                    .join(", ")}]`,
            );
        const bomb = parseYamlText(levels.join("\n"));
        assert.strictEqual(bomb.data, undefined);
        assert.match(bomb.problems[0]!.message, /aliases/);
        assert.ok(bomb.problems[0]!.line);
        const unresolved = parseYamlText("a: 1\nb: *nowhere\n");
        assert.deepStrictEqual(
            unresolved.problems.map((p) => [p.line, p.message]),
            [[2, "YAML alias `*nowhere` has no anchor before it"]],
        );
    });

    it("finds a repeated key in a large map in linear time, with its line", () => {
        const lines = ["tags:"];
        for (let i = 0; i < 50_000; i++) lines.push(`  k${i}: v`);
        lines.push("  k7: again");
        const parsed = parseYamlText(lines.join("\n"));
        assert.deepStrictEqual(
            parsed.problems.map((p) => [p.line, p.message]),
            [[50_002, "YAML syntax: Map keys must be unique"]],
        );
    });

    it("names the line of a syntax error and never quotes more than a short message", () => {
        const parsed = parseYamlText(`a: 1\nb: [unclosed\nc: ${"z".repeat(10_000)}\n`);
        assert.ok(parsed.problems.length > 0);
        assert.ok(parsed.problems.every((p) => p.message.length < 300));
    });
});

describe("the parsed data of a long YAML text, kept between runs", () => {
    const cache = temporaryTsCache("edf-yaml-kept-", "yaml");
    const kept = cache.kept;
    /** A spec-like text of `n` units, long enough to be kept. */
    const long = (n: number, extra = ""): string =>
        `environment: prod\n${extra}units:\n` +
        Array.from(
            { length: n },
            (_, i) =>
                `  svc-${i}:\n    path: services/svc-${i}\n    config: { size: ${i}, tags: [a, "b"], on: true, none: null, "10": x }\n`,
        ).join("");

    it("gives the same data from the kept copy as from parsing, and keeps nothing for a short text", () => {
        const text = long(300);
        const parsed = parseYamlText(text);
        assert.strictEqual(kept().length, 1);
        const again = parseYamlText(text);
        assert.deepStrictEqual(again.data, parsed.data);
        assert.deepStrictEqual(Object.keys((again.data as { units: object }).units), Object.keys((parsed.data as { units: object }).units));
        assert.deepStrictEqual(again.problems, []);
        assert.ok(again.located().doc, "lines are still found from the text");
        parseYamlText("environment: prod\n");
        assert.strictEqual(kept().length, 1);
    });

    it("keeps no data that JSON would give back changed (aliases, .inf, -0), nor a text with a problem", () => {
        for (const extra of ["defaults: &d { a: 1 }\nagain: *d\n", "limit: .inf\n", "zero: -0.0\n", "dup: 1\ndup: 2\n"]) {
            const text = long(300, extra);
            const first = parseYamlText(text);
            const second = parseYamlText(text);
            assert.deepStrictEqual(second.data, first.data);
            assert.deepStrictEqual(second.problems, first.problems);
        }
        assert.strictEqual(kept().length, 0);
    });

    it("parses again over a kept copy that cannot be read", () => {
        const text = long(300);
        const parsed = parseYamlText(text);
        fs.writeFileSync(path.join(cache.dir(), "yaml", kept()[0]!), "{ damaged");
        assert.deepStrictEqual(parseYamlText(text).data, parsed.data);
    });
});
