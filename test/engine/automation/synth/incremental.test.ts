import { strict as assert } from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import type { SynthReport } from "../../../../automation/run/report/model";
import { PROJECT_ROOT } from "../../../support/toolchain";
import { scratchEstate } from "./scratch-estate";

// Incremental synth: a warm run (the synth cache filled by earlier runs) must give exactly the
// reports of a cold run (--no-cache), apart from the cached marks and timings. A property test
// applies random edits — a service program, a shared SDK file, the spec's config, a waiver, the
// pack's config, the decision day — to a scratch copy of the example estate and compares warm
// against cold after each, through the real `edf` executable.

interface Synth {
    readonly code: number;
    readonly stderr: string;
    readonly report: SynthReport;
    readonly sarif: unknown;
}

/** `edf --project <root> --home <home> synth --env prod --date <day> [...]`, asynchronously (two may run at once). */
function synth(root: string, home: string, day: string, extra: readonly string[] = []): Promise<Synth> {
    return new Promise((resolve, reject) => {
        const child = spawn(
            process.execPath,
            [
                path.join(PROJECT_ROOT, "automation/cli/bin.js"),
                "--project",
                root,
                "--home",
                home,
                "--json",
                "synth",
                "--env",
                "prod",
                "--date",
                day,
                ...extra,
            ],
            { cwd: root, env: { ...process.env, EDF_TS_CACHE: path.join(PROJECT_ROOT, ".edf", "cache", "ts") } },
        );
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("error", reject);
        child.on("close", (code) => {
            try {
                const result = JSON.parse(stdout) as { files?: { json: string; sarif: string } };
                if (!result.files) throw new Error(`no reports: ${stdout}`);
                resolve({
                    code: code ?? -1,
                    stderr,
                    report: JSON.parse(fs.readFileSync(result.files.json, "utf8")) as SynthReport,
                    sarif: JSON.parse(fs.readFileSync(result.files.sarif, "utf8")) as unknown,
                });
            } catch (error) {
                reject(new Error(`edf synth (exit ${code}) gave no reports: ${(error as Error).message}\n${stderr.slice(-3000)}`));
            }
        });
    });
}

/** A report without what may differ between a warm and a cold run: the cached marks. */
function withoutMarks(report: SynthReport): unknown {
    const { cache: _cache, ...rest } = report;
    return { ...rest, stacks: report.stacks.map(({ cached: _cached, ...stack }) => stack) };
}

function sarifWithoutMarks(sarif: unknown): unknown {
    const log = sarif as { runs: { properties?: Record<string, unknown> }[] };
    return {
        ...log,
        runs: log.runs.map((run) => {
            const { properties, ...rest } = run;
            const { "edf/cached": _mark, ...kept } = properties ?? {};
            return Object.keys(kept).length > 0 || properties === undefined
                ? { ...rest, ...(properties ? { properties: kept } : {}) }
                : rest;
        }),
    };
}

/** One edit of the scratch estate: which part, and the value it is set to. */
type Edit =
    | { readonly kind: "service-program"; readonly port: number }
    | { readonly kind: "shared-sdk"; readonly visibilityTimeout: number }
    | { readonly kind: "spec-config"; readonly owner: string }
    | { readonly kind: "waiver"; readonly expires: string }
    | { readonly kind: "pack-config"; readonly rotators: readonly string[] }
    | { readonly kind: "date"; readonly day: string };

/** Replaces one match of `pattern` in a file of the estate (which must match). */
function rewrite(root: string, file: string, pattern: RegExp, replacement: string): void {
    const full = path.join(root, file);
    const text = fs.readFileSync(full, "utf8");
    assert.match(text, pattern, `${file} has no ${pattern}`);
    fs.writeFileSync(full, text.replace(pattern, replacement));
}

/** When the waiver that expires on `expires` was approved: within prod's 90-day `waiverPolicy`. */
function approvedFor(expires: string): string {
    return expires === "2026-01-01" ? "2025-12-01" : "2026-12-01";
}

function apply(root: string, edit: Edit): void {
    switch (edit.kind) {
        case "service-program":
            return rewrite(root, "services/payments-api/program.ts", /containerPort: \d+/, `containerPort: ${edit.port}`);
        case "shared-sdk":
            return rewrite(
                root,
                "services/sdk/queue.ts",
                /DEFAULT_VISIBILITY_TIMEOUT_SECONDS = \d+/,
                `DEFAULT_VISIBILITY_TIMEOUT_SECONDS = ${edit.visibilityTimeout}`,
            );
        case "spec-config":
            return rewrite(root, "environments/prod.yaml", /owner: team-(payments|billing)/, `owner: ${edit.owner}`);
        case "waiver":
            // A waiver is approved before it expires (the policy module refuses one that is not): an
            // expired waiver was approved a month before, a renewed one on the fixture's day.
            rewrite(root, "environments/waivers/prod.yaml", /approved: "\d{4}-\d{2}-\d{2}"/, `approved: "${approvedFor(edit.expires)}"`);
            return rewrite(root, "environments/waivers/prod.yaml", /expires: "\d{4}-\d{2}-\d{2}"/, `expires: "${edit.expires}"`);
        case "pack-config":
            return rewrite(
                root,
                "environments/prod.yaml",
                /trustedRotators: \[[^\]]*\]/,
                `trustedRotators: ${JSON.stringify(edit.rotators)}`,
            );
        case "date":
            return;
    }
}

const edits: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant("service-program" as const), port: fc.constantFrom(8080, 8081, 9090) }),
    fc.record({ kind: fc.constant("shared-sdk" as const), visibilityTimeout: fc.constantFrom(30, 45, 60) }),
    fc.record({ kind: fc.constant("spec-config" as const), owner: fc.constantFrom("team-payments", "team-billing") }),
    // An expired waiver is a mandatory finding: the verdict itself changes with this edit (the later day is
    // within prod's waiver policy: 90 days from approval).
    fc.record({ kind: fc.constant("waiver" as const), expires: fc.constantFrom("2027-02-28", "2026-01-01") }),
    fc.record({ kind: fc.constant("pack-config" as const), rotators: fc.constantFrom(["vault"], ["vault", "lambda"], []) }),
    fc.record({ kind: fc.constant("date" as const), day: fc.constantFrom("2026-11-27", "2026-12-31") }),
);

describe("incremental synth", function () {
    this.timeout(3_600_000);

    it("gives warm reports identical to cold ones after random edits of the estate (property)", async () => {
        let round = 0;
        await fc.assert(
            fc.asyncProperty(fc.array(edits, { minLength: 3, maxLength: 4 }), async (sequence) => {
                round++;
                const root = scratchEstate("edf-incremental-");
                const warmHome = fs.mkdtempSync(path.join(os.tmpdir(), "edf-warm-"));
                try {
                    let day = "2026-11-27";
                    // Fill the cache first, as earlier runs would have.
                    await synth(root, warmHome, day);
                    for (const [step, edit] of sequence.entries()) {
                        apply(root, edit);
                        if (edit.kind === "date") day = edit.day;
                        const coldHome = fs.mkdtempSync(path.join(os.tmpdir(), "edf-cold-"));
                        const [warm, cold] = [await synth(root, warmHome, day), await synth(root, coldHome, day, ["--no-cache"])];
                        fs.rmSync(coldHome, { recursive: true, force: true });
                        const where = `round ${round}, step ${step + 1} (${JSON.stringify(edit)}) of ${JSON.stringify(sequence)}`;
                        assert.equal(cold.report.cache, undefined, `--no-cache reports no cache (${where})`);
                        assert.equal(warm.code, cold.code, `${where}\n${warm.stderr.slice(-2000)}`);
                        assert.deepEqual(withoutMarks(warm.report), withoutMarks(cold.report), where);
                        assert.deepEqual(sarifWithoutMarks(warm.sarif), sarifWithoutMarks(cold.sarif), where);
                        // What the warm run reused: settings and days re-inspect, nothing is evaluated again.
                        if (edit.kind === "waiver" || edit.kind === "pack-config" || edit.kind === "date") {
                            assert.equal(warm.report.cache?.evaluated, 0, `no stack re-evaluated (${where})`);
                        }
                        if (edit.kind === "service-program") {
                            assert.deepEqual(
                                warm.report.stacks
                                    .filter((s) => s.status !== "skipped" && !s.cached)
                                    .map((s) => s.unit)
                                    .filter((u) => u !== "payments-api"),
                                [],
                                `only payments-api can need evaluating (${where})`,
                            );
                        }
                    }
                } finally {
                    fs.rmSync(root, { recursive: true, force: true });
                    fs.rmSync(warmHome, { recursive: true, force: true });
                }
            }),
            { numRuns: 2, seed: Number(process.env.EDF_PROPERTY_SEED ?? Date.now() % 2 ** 31), verbose: true },
        );
    });

    it("reuses everything on an unchanged estate, and re-inspects without re-evaluating when only the day changes", async () => {
        const root = scratchEstate("edf-incremental-");
        const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-warm-"));
        try {
            const cold = await synth(root, home, "2026-11-27");
            assert.deepEqual(cold.report.cache, { reused: 0, inspectionsReused: 0, evaluated: 5 });
            const warm = await synth(root, home, "2026-11-27");
            assert.deepEqual(warm.report.cache, { reused: 5, inspectionsReused: 5, evaluated: 0 });
            assert.ok(warm.report.stacks.every((s) => s.cached === "evaluation+inspection"));
            const nextDay = await synth(root, home, "2026-11-28");
            assert.deepEqual(nextDay.report.cache, { reused: 5, inspectionsReused: 0, evaluated: 0 });
            assert.ok(nextDay.report.stacks.every((s) => s.cached === "evaluation"));
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
            fs.rmSync(home, { recursive: true, force: true });
        }
    });

    it("lets two synths share one cache at once: both succeed with the same reports", async () => {
        const root = scratchEstate("edf-incremental-");
        const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-shared-"));
        try {
            const [a, b] = await Promise.all([synth(root, home, "2026-11-27"), synth(root, home, "2026-11-27")]);
            assert.equal(a.code, 0, a.stderr.slice(-2000));
            assert.equal(b.code, 0, b.stderr.slice(-2000));
            assert.deepEqual(withoutMarks(a.report), withoutMarks(b.report));
            assert.doesNotMatch(a.stderr + b.stderr, /damaged synth cache entry/);
            // The cache they filled together serves a third run in full.
            const third = await synth(root, home, "2026-11-27");
            assert.deepEqual(third.report.cache, { reused: 5, inspectionsReused: 5, evaluated: 0 });
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
            fs.rmSync(home, { recursive: true, force: true });
        }
    });

    it("evaluates again a stack whose cache entry was truncated, and never trusts it", async () => {
        const root = scratchEstate("edf-incremental-");
        const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-damaged-"));
        try {
            const cold = await synth(root, home, "2026-11-27");
            const entries = path.join(home, "cache", "synth", "evaluation");
            for (const name of fs.readdirSync(entries)) {
                const file = path.join(entries, name);
                fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
            }
            const again = await synth(root, home, "2026-11-27");
            assert.match(again.stderr, /discarded a damaged synth cache entry/);
            assert.equal(again.report.cache?.reused, 0);
            assert.deepEqual(withoutMarks(again.report), withoutMarks(cold.report));
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
            fs.rmSync(home, { recursive: true, force: true });
        }
    });
});
