/**
 * Benchmark: the whole pipeline pack over a generated stack of mixed AWS resources, through the
 * engine-faithful harness (`runPolicies`, as the offline synthesis runs it) and through
 * `inspect` (config, enforcement, waivers, findings). Prints evaluations (resource × policy)
 * per second and peak memory, medians of several runs.
 *
 *   npx ts-node --transpile-only bench/policy-pipeline.ts [--resources 10000] [--runs 5]
 *   npx ts-node --transpile-only bench/policy-pipeline.ts --smoke     # 1,000 resources, 1 run (npm test)
 *
 * Each sample runs in its own child process, so peak RSS belongs to that one sample. Samples
 * run one after another (the machine is shared). Generating the stack is outside the timing.
 */
import { execFileSync } from "child_process";
import { describeMachine, describeRuns, expect, median, numberOption, runBenchmark } from "./support/figures";

interface Sample {
    readonly resources: number;
    readonly policies: number;
    readonly evaluations: number;
    readonly harnessMs: number;
    readonly inspectMs: number;
    readonly findings: number;
    readonly peakRssMiB: number;
}

async function sample(resources: number): Promise<Sample> {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded inside the sample so their load time is measured */
    const { buildPackConfig } = require("../policy-packs/lib/config") as typeof import("../policy-packs/lib/config");
    const { runPolicies } = require("../policy-packs/lib/harness") as typeof import("../policy-packs/lib/harness");
    const { inspect } = require("../policy-packs/lib/inspect") as typeof import("../policy-packs/lib/inspect");
    const { toPulumiPolicy } = require("../policy-packs/lib/model") as typeof import("../policy-packs/lib/model");
    const { pipelinePolicies } = require("../policy-packs/pipeline/policy-list") as typeof import("../policy-packs/pipeline/policy-list");
    const { ESTATE_CONFIG } = require("../test/fixtures/policy/estate") as typeof import("../test/fixtures/policy/estate");
    const { scaledEstate } = require("../test/fixtures/policy/scaled-estate") as typeof import("../test/fixtures/policy/scaled-estate");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const records = scaledEstate(resources);
    const config = buildPackConfig({ policies: pipelinePolicies, environment: "prod", config: ESTATE_CONFIG });
    const policies = pipelinePolicies.map(toPulumiPolicy);
    const t0 = process.hrtime.bigint();
    const harness = await runPolicies(policies, records, { config });
    const t1 = process.hrtime.bigint();
    const result = await inspect({
        policies: pipelinePolicies,
        resources: records,
        environment: "prod",
        config: ESTATE_CONFIG,
        now: new Date("2026-11-27T00:00:00Z"),
    });
    const t2 = process.hrtime.bigint();
    return {
        resources: records.length,
        policies: pipelinePolicies.length,
        evaluations: harness.evaluations,
        harnessMs: Number(t1 - t0) / 1e6,
        inspectMs: Number(t2 - t1) / 1e6,
        findings: result.findings.length,
        peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
}

async function main(): Promise<void> {
    // The smallest estate that still holds broken copies (every fifth), so findings must appear.
    const resources = numberOption("resources", 10_000, { smoke: 1_000 });
    if (process.argv.includes("--sample")) {
        process.stdout.write(JSON.stringify(await sample(resources)));
        return;
    }
    const runs = numberOption("runs", 5, { smoke: 1 });
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
        const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--sample", "--resources", String(resources)], {
            encoding: "utf8",
            maxBuffer: 16 * 1024 * 1024,
        });
        samples.push(JSON.parse(out) as Sample);
    }
    const s0 = samples[0]!;
    expect(s0.resources >= resources, `the generated estate has ${s0.resources} resources, ${resources} were asked for`);
    expect(s0.policies > 0, "the pipeline pack lists no policy");
    expect(
        s0.evaluations > 0 && s0.evaluations <= s0.resources * s0.policies,
        `${s0.evaluations} evaluations of ${s0.resources} resources × ${s0.policies} policies: the harness did not count them`,
    );
    expect(s0.findings > 0, "no finding over an estate whose every fifth copy is broken: the policies no longer see the resources");
    const harnessMs = median(samples.map((s) => s.harnessMs));
    const inspectMs = median(samples.map((s) => s.inspectMs));
    console.log(
        `policy-pipeline: ${s0.resources} resources × ${s0.policies} policies = ${s0.evaluations} evaluations, ${s0.findings} findings`,
    );
    console.log(`${describeMachine()}; ${describeRuns(runs)}`);
    console.log(
        `harness (runPolicies): ${harnessMs.toFixed(0)} ms  → ` +
            `${Math.round(s0.evaluations / (harnessMs / 1000)).toLocaleString("en")} evaluations/s`,
    );
    console.log(
        `inspect (config + harness + waivers + findings): ` +
            `${inspectMs.toFixed(0)} ms  → ` +
            `${Math.round(s0.evaluations / (inspectMs / 1000)).toLocaleString("en")} evaluations/s`,
    );
    console.log(`peak RSS per sample process: ${median(samples.map((s) => s.peakRssMiB)).toFixed(0)} MiB`);
    console.log(`samples harness ms: ${samples.map((s) => s.harnessMs.toFixed(0)).join(", ")}`);
}

runBenchmark(main);
