import { strict as assert } from "assert";
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stringify } from "yaml";
import { parseYamlText } from "../../../../automation/files/yaml";
import { EdfError, MAX_PROBLEMS } from "../../../../automation/errors";
import { validateEnvironment } from "../../../../automation/plan";
import { MemoryReporter } from "../../../../automation/reporter";
import type { StackEvaluator } from "../../../../automation/synth/pool";
import { synthEnvironment } from "../../../../automation/synth/synth";
import { PROJECT_ROOT } from "../../../support/toolchain";

// A property test of the contract `validate` makes: for random mutants of the example specs
// (keys deleted, retyped, duplicated, renamed; unicode and control characters inserted; values
// nested deeper), `edf validate` and `edf synth` agree — both accept, or both reject with the same
// coded error naming the file — with no stack trace and bounded output.
//
// Synth is run through everything it does before a program runs (spec, graph, selection,
// programs, policy settings, waivers, the inputs resolved from the sample file), with a stand-in
// evaluator that evaluates nothing: evaluating the whole estate for hundreds of mutants would
// take the unit suite an hour. What a program does with a unit's `config` is the program's to
// judge at evaluation, outside this property (a failing program fails its stack, coded, in the
// report). An input whose value is not in the sample file is the one way synth may reject what
// validate accepts: the values live in Vault, Consul and the environment, not in the spec, so
// validate cannot know them — it must then say so as `EDF_INPUT_UNRESOLVED`, naming the input.

/** Mutants per example spec; seeded, so a failure reproduces (fast-check prints the seed and path). */
const RUNS = 150;
const SEED = 20;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One random change; `pick` chooses the place among the candidates, so shrinking moves it. */
type Mutation =
    | { readonly kind: "delete"; readonly pick: number }
    | { readonly kind: "duplicate-line"; readonly pick: number }
    | { readonly kind: "retype"; readonly pick: number; readonly value: Json }
    | { readonly kind: "rename"; readonly pick: number; readonly name: string }
    | { readonly kind: "insert-text"; readonly pick: number; readonly text: string }
    | { readonly kind: "deepen"; readonly pick: number; readonly depth: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant("duplicate-line" as const), pick: fc.nat() }),
    fc.record({
        kind: fc.constant("retype" as const),
        pick: fc.nat(),
        value: fc.oneof(
            fc.constantFrom<Json>(null, true, 0, -1, 1.5, "", [], {}, "2026-02-30", "aws:x", "../../etc", "policy-packs/../.."),
            fc.string({ maxLength: 12 }),
            fc.integer(),
        ),
    }),
    fc.record({
        kind: fc.constant("rename" as const),
        pick: fc.nat(),
        name: fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ unit: "binary", minLength: 1, maxLength: 6 })),
    }),
    fc.record({
        kind: fc.constant("insert-text" as const),
        pick: fc.nat(),
        text: fc.oneof(
            fc.string({ unit: "binary", minLength: 1, maxLength: 4 }),
            fc.constantFrom("\u0000", "\u0007", "\t", "\r", "\u202e", "\ufeff", "é", "😀", "&a ", "*a", ": ", "- ", "{", "]", "#"),
        ),
    }),
    fc.record({ kind: fc.constant("deepen" as const), pick: fc.nat(), depth: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(100)) }),
);

/** Every place in `data`: the path of keys to it (the root excluded). */
function placesOf(data: Json): (string | number)[][] {
    const places: (string | number)[][] = [];
    const walk = (node: Json, at: (string | number)[]): void => {
        if (node === null || typeof node !== "object") return;
        const entries: [string | number, Json][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
        for (const [key, value] of entries) {
            places.push([...at, key]);
            walk(value, [...at, key]);
        }
    };
    walk(data, []);
    return places;
}

function parentOf(data: Json, place: (string | number)[]): { [key: string]: Json } | Json[] {
    let node = data;
    for (const key of place.slice(0, -1)) node = (node as Record<string | number, Json>)[key]!;
    return node as { [key: string]: Json } | Json[];
}

/** The mutant's text: data changes applied to the parsed spec, then text changes to its YAML. */
function mutate(base: Json, mutations: readonly Mutation[]): string {
    const data = structuredClone(base);
    const textual: Mutation[] = [];
    for (const m of mutations) {
        if (m.kind === "duplicate-line" || m.kind === "insert-text") {
            textual.push(m);
            continue;
        }
        const places = placesOf(data);
        const place = places[m.pick % places.length]!;
        const parent = parentOf(data, place);
        const key = place[place.length - 1]!;
        if (Array.isArray(parent)) {
            const i = key as number;
            if (m.kind === "delete") parent.splice(i, 1);
            else if (m.kind === "retype") parent[i] = m.value;
            else if (m.kind === "deepen") parent[i] = nest(parent[i]!, m.depth);
            else parent[i] = { [m.name]: parent[i]! };
        } else {
            const k = key as string;
            if (m.kind === "delete") delete parent[k];
            else if (m.kind === "retype") parent[k] = m.value;
            else if (m.kind === "deepen") parent[k] = nest(parent[k]!, m.depth);
            else {
                const value = parent[k]!;
                delete parent[k];
                parent[m.name] = value;
            }
        }
    }
    let text = stringify(data, { lineWidth: 0 });
    for (const m of textual) {
        if (m.kind === "duplicate-line") {
            const lines = text.split("\n");
            const i = m.pick % lines.length;
            lines.splice(i, 0, lines[i]!);
            text = lines.join("\n");
        } else if (m.kind === "insert-text") {
            const at = m.pick % (text.length + 1);
            text = `${text.slice(0, at)}${m.text}${text.slice(at)}`;
        }
    }
    return text;
}

function nest(value: Json, depth: number): Json {
    let nested = value;
    for (let i = 0; i < depth; i++) nested = i % 2 === 0 ? [nested] : { deeper: nested };
    return nested;
}

/** Evaluates nothing: synth has accepted the spec once it asks for a stack to be evaluated. */
class NoEvaluation implements StackEvaluator {
    readonly size = 1;
    evaluated = 0;
    run(): Promise<never> {
        this.evaluated++;
        return Promise.reject(new Error("not evaluated by the property test"));
    }
    close(): Promise<void> {
        return Promise.resolve();
    }
}

type Verdict = { readonly accepted: true } | { readonly accepted: false; readonly error: EdfError };

function verdictOf(run: () => unknown): Verdict;
function verdictOf(run: () => Promise<unknown>): Promise<Verdict>;
function verdictOf(run: () => unknown): Verdict | Promise<Verdict> {
    const rejected = (error: unknown): Verdict => {
        assert.ok(error instanceof EdfError, `not a coded error: ${error instanceof Error ? error.stack : String(error)}`);
        return { accepted: false, error };
    };
    try {
        const result = run();
        return result instanceof Promise ? result.then((): Verdict => ({ accepted: true }), rejected) : { accepted: true };
    } catch (error) {
        return rejected(error);
    }
}

/** A coded error that names the spec file, quotes nothing long and shows no stack trace. */
function assertWellFormed(error: EdfError, specFile: string, folder: string): void {
    assert.match(error.code, /^EDF_[A-Z_]+$/);
    assert.ok(error.problems.length > 0 && error.problems.length <= MAX_PROBLEMS, `${error.problems.length} problems`);
    const text = [error.message, ...error.problems.flatMap((p) => [p.message, p.fix ?? ""])].join("\n");
    assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/, "a stack trace");
    assert.doesNotMatch(text, /Maximum call stack|Cannot read propert|undefined is not|is not a function/, "an internal error");
    for (const problem of error.problems) assert.ok(`${problem.message} ${problem.fix ?? ""}`.length < 2_000, "a long quote");
    const named = error.problems.filter((p) => p.file !== undefined).map((p) => path.resolve(PROJECT_ROOT, p.file!));
    assert.ok(
        named.includes(specFile) || (named.some((f) => f.startsWith(folder)) && error.code !== "EDF_SPEC_INVALID"),
        `no problem names ${specFile}: ${error.problems.map((p) => `${p.file}: ${p.message}`).join("; ")}`,
    );
}

describe("random mutants of the example specs", function () {
    this.timeout(1_800_000);
    let folder: string;

    before(() => {
        // Beside a copy of the waivers the prod spec names (relative to the spec's folder).
        folder = fs.mkdtempSync(path.join(os.tmpdir(), "edf-mutants-"));
        fs.cpSync(path.join(PROJECT_ROOT, "environments", "waivers"), path.join(folder, "waivers"), { recursive: true });
    });

    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    for (const environment of ["dev", "prod"]) {
        it(`are accepted or rejected alike by validate and synth, with a coded error naming the file (${environment})`, async () => {
            const baseText = fs.readFileSync(path.join(PROJECT_ROOT, "environments", `${environment}.yaml`), "utf8");
            const base = parseYamlText(baseText).data as Json;
            const samplesFile = path.join(PROJECT_ROOT, "environments", "samples", `${environment}.yaml`);
            const specFile = path.join(folder, `${environment}.yaml`);
            const heapBefore = process.memoryUsage().heapUsed;
            const seen = { accepted: 0, rejected: 0, unresolvedInputs: 0, codes: new Set<string>() };

            await fc.assert(
                fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
                    fs.writeFileSync(specFile, mutate(base, mutations));
                    const validated = verdictOf(() => validateEnvironment(specFile, PROJECT_ROOT));
                    const evaluator = new NoEvaluation();
                    const synthesized = await verdictOf(() =>
                        synthEnvironment({
                            env: specFile,
                            projectRoot: PROJECT_ROOT,
                            reporter: new MemoryReporter(),
                            samplesFile,
                            date: "2026-11-27",
                            environment: {},
                            evaluator,
                            // Mutants are judged, not cached: nothing of theirs goes into the project's synth cache.
                            cache: false,
                        }),
                    );
                    if (!validated.accepted) {
                        assertWellFormed(validated.error, specFile, folder);
                        seen.rejected++;
                        seen.codes.add(validated.error.code);
                        assert.ok(!synthesized.accepted, `validate rejected (${validated.error.code}) but synth accepted`);
                        assert.equal(synthesized.error.code, validated.error.code, synthesized.error.message);
                        assert.equal(evaluator.evaluated, 0, "synth evaluated a stack of a spec validate rejects");
                    } else if (!synthesized.accepted) {
                        assert.equal(synthesized.error.code, "EDF_INPUT_UNRESOLVED", `validate accepted: ${synthesized.error.message}`);
                        assertWellFormed(synthesized.error, specFile, folder);
                        seen.unresolvedInputs++;
                    } else {
                        seen.accepted++;
                    }
                }),
                { seed: SEED, numRuns: RUNS, endOnFailure: true },
            );
            // Both outcomes were met: a property over mutants that all fail (or all pass) shows little.
            assert.ok(seen.accepted + seen.unresolvedInputs > 5 && seen.rejected > 5, JSON.stringify({ ...seen, codes: [...seen.codes] }));
            // Memory stays bounded: a few hundred mutants, each at most the size of the example, may not pile up.
            const grown = process.memoryUsage().heapUsed - heapBefore;
            assert.ok(grown < 512 * 1024 * 1024, `the heap grew by ${Math.round(grown / 1024 / 1024)} MiB`);
        });
    }
});
