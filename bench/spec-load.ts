/**
 * Benchmark: loading an environment spec (read, YAML, schema, references, paths) and building
 * its stack graph, at growing sizes, to show the cost is linear in the spec's size. The largest
 * spec has 10,000 units (each with a dependency, config and an input) and 100,000 tags; the
 * smaller ones are a quarter and a half of it. Prints medians of each stage per size and the
 * time per megabyte, whose ratio across sizes is ~1 when loading is linear.
 *
 *   npx ts-node --transpile-only bench/spec-load.ts [--units 10000] [--tags 100000] [--runs 5]
 *   npx ts-node --transpile-only bench/spec-load.ts --smoke     # 1,000 units, 10,000 tags, 1 run (npm test)
 *
 * Each sample runs in its own child process (its own peak memory) and loads the smallest spec
 * twice first, so module loading, schema compilation and the JIT's warm-up stay out of the
 * timing; generating the spec is outside it too. Such a spec is far above the 1 MiB a spec may
 * have by default, so the samples raise EDF_MAX_FILE_BYTES.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describeMachine, describeRuns, expect, median, numberOption, runBenchmark, target } from "./support/figures";

const PROJECT_ROOT = path.resolve(__dirname, "..");

interface Sample {
    readonly bytes: number;
    readonly units: number;
    readonly tags: number;
    readonly loadMs: number;
    readonly graphMs: number;
    readonly peakRssMiB: number;
}

/** A spec of `units` units in a chain (each depends on the one before and reads its output) and `tags` tags. */
function generateSpec(units: number, tags: number): string {
    const lines = ["environment: bench", "region: eu-west-1", "policy:", "  enabled: false", "tags:"];
    for (let i = 0; i < tags; i++) lines.push(`  team-${i}: value-${i}`);
    lines.push("units:");
    for (let i = 0; i < units; i++) {
        lines.push(`  u${i}:`, "    path: platform/network");
        if (i > 0) lines.push(`    dependsOn: [u${i - 1}]`, "    inputs:", `      upstream: { from: stack, unit: u${i - 1}, output: id }`);
        lines.push(`    config: { index: ${i}, owner: team-${i % 97} }`);
    }
    return `${lines.join("\n")}\n`;
}

function sample(file: string, warm: string): Sample {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded inside the sample so their load time is measured */
    const { loadSpec } = require("../automation/spec/load") as typeof import("../automation/spec/load");
    const { buildGraph, topologicalOrder } = require("../automation/graph/graph") as typeof import("../automation/graph/graph");
    /* eslint-enable @typescript-eslint/no-require-imports */
    // Modules loaded, the schema compiled and the code compiled by the JIT on the smallest spec
    // first (twice): what is timed is what grows with the spec.
    for (let i = 0; i < 2; i++) buildGraph(loadSpec(warm, PROJECT_ROOT).spec);
    const t0 = process.hrtime.bigint();
    const loaded = loadSpec(file, PROJECT_ROOT);
    const t1 = process.hrtime.bigint();
    const graph = buildGraph(loaded.spec);
    const order = topologicalOrder(graph, graph.units);
    const t2 = process.hrtime.bigint();
    return {
        bytes: fs.statSync(file).size,
        units: order.length,
        tags: Object.keys(loaded.spec.tags ?? {}).length,
        loadMs: Number(t1 - t0) / 1e6,
        graphMs: Number(t2 - t1) / 1e6,
        peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
}

async function main(): Promise<void> {
    if (process.argv.includes("--sample")) {
        const at = process.argv.indexOf("--sample");
        process.stdout.write(JSON.stringify(sample(process.argv[at + 1]!, process.argv[at + 2]!)));
        return;
    }
    const units = numberOption("units", 10_000, { smoke: 1_000 });
    const tags = numberOption("tags", 100_000, { smoke: 10_000 });
    const runs = numberOption("runs", 5, { smoke: 1 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-bench-spec-"));
    try {
        console.log(`spec loading, ${describeRuns(runs)}`);
        console.log(describeMachine());
        const rows: { fraction: number; bytes: number; loadMs: number; graphMs: number; rss: number }[] = [];
        for (const fraction of [0.25, 0.5, 1]) {
            const file = path.join(dir, `spec-${fraction}.yaml`);
            fs.writeFileSync(file, generateSpec(Math.round(units * fraction), Math.round(tags * fraction)));
            const samples: Sample[] = [];
            for (let i = 0; i < runs; i++) {
                const out = execFileSync(
                    process.execPath,
                    [...process.execArgv, __filename, "--sample", file, path.join(dir, "spec-0.25.yaml")],
                    {
                        encoding: "utf8",
                        env: { ...process.env, EDF_MAX_FILE_BYTES: String(64 * 1024 * 1024) },
                        maxBuffer: 1024 * 1024,
                    },
                );
                samples.push(JSON.parse(out) as Sample);
            }
            const s0 = samples[0]!;
            expect(
                s0.units === Math.round(units * fraction),
                `the graph has ${s0.units} units, ${Math.round(units * fraction)} were written`,
            );
            expect(s0.tags === Math.round(tags * fraction), `the spec has ${s0.tags} tags, ${Math.round(tags * fraction)} were written`);
            rows.push({
                fraction,
                bytes: s0.bytes,
                loadMs: median(samples.map((s) => s.loadMs)),
                graphMs: median(samples.map((s) => s.graphMs)),
                rss: median(samples.map((s) => s.peakRssMiB)),
            });
        }
        for (const r of rows) {
            console.log(
                `${String(Math.round(units * r.fraction)).padStart(6)} units, ${String(Math.round(tags * r.fraction)).padStart(7)} tags, ` +
                    `${(r.bytes / 2 ** 20).toFixed(1).padStart(5)} MiB: load ${(r.loadMs / 1000).toFixed(2)} s, ` +
                    `graph ${(r.graphMs / 1000).toFixed(2)} s, ${((r.loadMs + r.graphMs) / (r.bytes / 2 ** 20)).toFixed(0)} ms/MiB, ` +
                    `peak ${r.rss.toFixed(0)} MiB`,
            );
        }
        const perMiB = (r: (typeof rows)[number]): number => (r.loadMs + r.graphMs) / (r.bytes / 2 ** 20);
        const largest = rows[rows.length - 1]!;
        console.log(
            `linearity: time per MiB at full size ÷ at a quarter = ${(perMiB(largest) / perMiB(rows[0]!)).toFixed(2)}${target("≈ 1")}; ` +
                `full size ${((largest.loadMs + largest.graphMs) / 1000).toFixed(2)} s${target("< 2 s on 2 cores")}`,
        );
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

runBenchmark(main);
