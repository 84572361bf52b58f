/**
 * Benchmark: evaluates each platform unit as `edf synth` does (automation/synth/evaluate.ts
 * `evaluateUnit`: Pulumi's mock runtime, synth's mock cloud, the registration capture) for 2, 3
 * and 6 AZs and prints resources registered, wall time and peak memory (medians of several runs).
 *
 *   npx ts-node --transpile-only bench/platform-units.ts [--runs 5]
 *   npx ts-node --transpile-only bench/platform-units.ts --smoke     # 2 AZs, 1 run (npm test)
 *
 * Each sample runs in its own child process, so peak RSS belongs to that one
 * evaluation and no module cache is shared between samples. Samples run one after
 * another (the machine is shared). "load" is importing the unit program (and with it
 * @pulumi/aws); "eval" is the program run to completion under mocks, all outputs
 * resolved, as wall time and as CPU time (the steadier figure when others share the cores).
 */
import { execFileSync } from "child_process";
import * as path from "path";
import type { EvaluationJob } from "../automation/synth/evaluate";
import { describeMachine, describeRuns, expect, median, numberOption, runBenchmark, SMOKE } from "./support/figures";

const UNITS = ["platform/security", "platform/network", "platform/shared-services"] as const;
/** The smoke evaluates the smallest count only. */
const AZ_COUNTS = SMOKE ? [2] : [2, 3, 6];

interface Sample {
    readonly unit: string;
    readonly azs: number;
    readonly resources: number;
    readonly awsResources: number;
    readonly loadMs: number;
    readonly evalMs: number;
    /** CPU (user + system) spent evaluating: steadier than wall time on a shared machine. */
    readonly evalCpuMs: number;
    readonly peakRssMiB: number;
}

const AZ_NAMES = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"];
const REGION = "us-east-1";
const ACCOUNT = "123456789012";
const GOVERNANCE = { owner: "platform-team", dataClassification: "confidential", pciScope: "in-scope" };
const PROJECT_ROOT = path.resolve(__dirname, "..");

/** Config and inputs that make `unit` span `azs` AZs at prod size. */
function runFor(unit: string, azs: number): { config: Record<string, unknown>; inputs?: Record<string, unknown> } {
    const subnets = (tier: string) => AZ_NAMES.slice(0, azs).map((_, i) => `subnet-${tier}-${i}`);
    switch (unit) {
        case "platform/network":
            return {
                config: { environmentSize: "prod", azCount: azs },
                inputs: { logsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/logs" },
            };
        case "platform/shared-services":
            return {
                config: {
                    environmentSize: "prod",
                    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab",
                    ecrPullThroughCache: { upstreamRegistryUrl: "registry.example.test" },
                },
                inputs: {
                    vpcId: "vpc-0abc",
                    publicSubnetIds: subnets("public"),
                    privateSubnetCidrBlocks: AZ_NAMES.slice(0, azs).map((_, i) => `10.0.${i * 16}.0/20`),
                    accessLogsBucketName: "edf-prod-access-logs-123456789012-us-east-1",
                    logsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/logs",
                },
            };
        default:
            // Account-level: the AZ count changes nothing here, which the figures show.
            return { config: { environmentSize: "prod" } };
    }
}

/** The job synth's executor would hand its evaluator for `unit` in a prod environment of `azs` AZs. */
async function jobFor(unit: string, azs: number): Promise<EvaluationJob> {
    const { shortStackName } = await import("../automation/backend/backend");
    const { stackConfig } = await import("../automation/run/stack-config");
    const { synthWorld } = await import("../automation/synth/synth-world");
    const name = unit.split("/").pop()!;
    const stack = shortStackName("prod", name);
    const { config, inputs = {} } = runFor(unit, azs);
    const spec = {
        environment: "prod",
        region: REGION,
        account: ACCOUNT,
        units: { [name]: { path: unit, config: { governance: GOVERNANCE, ...config } } },
    };
    const resolved = Object.entries(inputs).map(([input, value]) => ({
        name: input,
        value,
        secret: false,
        provenance: { source: "env" as const, key: `bench:${input}`, secret: false },
    }));
    return {
        unit: name,
        unitPath: unit,
        projectRoot: PROJECT_ROOT,
        environment: "prod",
        stack,
        config: Object.fromEntries(Object.entries(stackConfig(spec, name, resolved)).map(([key, entry]) => [key, entry.value])),
        secretKeys: [],
        world: synthWorld(stack, REGION, ACCOUNT),
        upstream: {},
        environmentStacks: [stack],
    };
}

async function child(unit: string, azs: number): Promise<void> {
    const loadStart = process.hrtime.bigint();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the unit named on the command line, timed
    require(path.join(__dirname, "..", unit, "program"));
    const { evaluateUnit } = await import("../automation/synth/evaluate");
    const job = await jobFor(unit, azs);
    const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
    const evalStart = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const evaluation = await evaluateUnit(job);
    const cpu = process.cpuUsage(cpuStart);
    const evalMs = Number(process.hrtime.bigint() - evalStart) / 1e6;
    if (evaluation.error !== undefined) {
        throw new Error(`${unit}: ${evaluation.error}`);
    }
    // What the program registered: synth's list also holds the stack and default providers the engine adds.
    const registered = evaluation.resources.filter((r) => !r.synthetic);
    const sample: Sample = {
        unit,
        azs,
        resources: registered.length,
        awsResources: registered.filter((r) => r.type.startsWith("aws:")).length,
        loadMs,
        evalMs,
        evalCpuMs: (cpu.user + cpu.system) / 1000,
        peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
    process.stdout.write(`${JSON.stringify(sample)}\n`);
}

function parent(runs: number): void {
    const rows: string[][] = [];
    for (const unit of UNITS) {
        for (const azs of AZ_COUNTS) {
            const samples: Sample[] = [];
            for (let i = 0; i < runs; i++) {
                const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--child", unit, String(azs)], {
                    encoding: "utf8",
                    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
                });
                samples.push(JSON.parse(out.trim().split("\n").pop()!) as Sample);
            }
            const first = samples[0]!;
            // Every unit creates AWS resources at any size: none means the evaluation no longer reaches them.
            expect(first.awsResources > 0, `${unit} @ ${azs} AZs registered ${first.resources} resources, none of them AWS`);
            const counts = new Set(samples.map((s) => s.resources));
            expect(counts.size === 1, `${unit} @ ${azs} AZs registered different counts across runs: ${[...counts].join(", ")}`);
            rows.push([
                unit,
                String(azs),
                String(first.resources),
                String(first.awsResources),
                median(samples.map((s) => s.evalMs)).toFixed(0),
                median(samples.map((s) => s.evalCpuMs)).toFixed(0),
                median(samples.map((s) => s.loadMs)).toFixed(0),
                median(samples.map((s) => s.peakRssMiB)).toFixed(0),
            ]);
        }
    }
    const header = ["unit", "AZs", "resources", "aws resources", "eval ms", "eval CPU ms", "load ms", "peak RSS MiB"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
    console.log(`platform units through synth's evaluator — ${describeRuns(runs)}, one child process per run`);
    console.log(`${describeMachine()} (at the end)`);
    console.log(line(header));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    rows.forEach((r) => console.log(line(r)));
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
    child(args[1], Number(args[2])).catch((e: Error) => {
        console.error(e.message);
        process.exit(1);
    });
} else {
    runBenchmark(() => parent(numberOption("runs", 5, { smoke: 1 })));
}
