import * as fs from "fs";
import { EdfError } from "../errors";
import { affectedUnits } from "../fingerprint/affected";
import { buildGraph, dependenciesOf, topologicalOrder } from "../graph/graph";
import { loadSpec, specPathFor } from "../spec/load";

/** One job of a fanned-out level: the stacks it deploys with `edf up --only <units>`. */
export interface FanOutBatch {
    /** Unique within its level (`1`, `2`, …): names the job and its report artifact. */
    readonly id: string;
    /** Comma-separated units, in dependency order. */
    readonly units: string;
}

/** How a CI system's job matrix deploys an environment: level after level, batches side by side. */
export interface FanOutPlan {
    readonly environment: string;
    /** The commit compared against, or absent when every stack is deployed. */
    readonly base?: string;
    readonly stacks: number;
    /** One entry per level job of the pipeline (`levels` of them); an empty level runs no job. */
    readonly levels: readonly (readonly FanOutBatch[])[];
    /** Set when the stacks form more levels than the pipeline has jobs for: the deepest ran in one job. */
    readonly collapsed?: string;
}

export interface FanOutOptions {
    readonly env: string;
    readonly projectRoot: string;
    /** Deploy only what changed since this commit. @default - every stack */
    readonly base?: string;
    /** Level jobs the pipeline has (`edf ci init` writes one per level of the graph). */
    readonly levels: number;
    /** Batches per level at most (the jobs of a level run side by side). */
    readonly maxJobs: number;
    readonly memoFile?: string;
    readonly progress?: (message: string) => void;
}

/**
 * Plans a fanned-out deploy: the stacks to deploy (those affected since `base`, or all) grouped by
 * level — level n waits on nothing deployed after level n-1 — each level cut into at most `maxJobs`
 * batches. More levels than the pipeline has jobs for go, in order, into its last job.
 */
export function fanOutPlan(options: FanOutOptions): FanOutPlan {
    if (!Number.isInteger(options.levels) || options.levels < 1 || !Number.isInteger(options.maxJobs) || options.maxJobs < 1) {
        throw new EdfError("EDF_USAGE", "`--levels` and `--max-jobs` must be whole numbers of at least 1.", [
            {
                path: "--levels",
                message: `levels ${options.levels}, max jobs ${options.maxJobs}`,
                fix: "pass e.g. `--levels 4 --max-jobs 16`.",
            },
        ]);
    }
    let environment: string;
    let levels: string[][];
    if (options.base !== undefined) {
        const report = affectedUnits({
            env: options.env,
            projectRoot: options.projectRoot,
            base: options.base,
            ...(options.memoFile ? { memoFile: options.memoFile } : {}),
            ...(options.progress ? { progress: options.progress } : {}),
        });
        environment = report.environment;
        levels = report.levels.map((l) => [...l]);
    } else {
        const spec = loadSpec(specPathFor(options.env, options.projectRoot), options.projectRoot).spec;
        const graph = buildGraph(spec);
        const level = new Map<string, number>();
        levels = [];
        for (const unit of topologicalOrder(graph)) {
            const l = Math.max(-1, ...dependenciesOf(graph, unit).map((d) => level.get(d)!)) + 1;
            level.set(unit, l);
            (levels[l] ??= []).push(unit);
        }
        environment = spec.environment;
    }
    let collapsed: string | undefined;
    if (levels.length > options.levels) {
        const deepest = levels.slice(options.levels - 1).flat();
        collapsed =
            `the stacks form ${levels.length} levels but the pipeline has ${options.levels} level job(s): ` +
            `the last one deploys ${deepest.length} stack(s) of levels ${options.levels - 1}–${levels.length - 1} in order; ` +
            `re-run \`edf ci init --force\` for one job per level.`;
        levels = [...levels.slice(0, options.levels - 1), deepest];
    }
    const batches = Array.from({ length: options.levels }, (_, i) =>
        batch(levels[i] ?? [], options.maxJobs, i === options.levels - 1 && collapsed !== undefined),
    );
    return {
        environment,
        ...(options.base !== undefined ? { base: options.base } : {}),
        stacks: levels.flat().length,
        levels: batches,
        ...(collapsed ? { collapsed } : {}),
    };
}

/** Cuts a level into at most `maxJobs` batches of consecutive units; a collapsed level stays one batch (its units wait on each other). */
function batch(units: readonly string[], maxJobs: number, whole: boolean): FanOutBatch[] {
    if (units.length === 0) return [];
    if (whole) return [{ id: "1", units: units.join(",") }];
    const size = Math.ceil(units.length / Math.min(maxJobs, units.length));
    const out: FanOutBatch[] = [];
    for (let i = 0; i < units.length; i += size) out.push({ id: String(out.length + 1), units: units.slice(i, i + size).join(",") });
    return out;
}

/** Appends the plan to a GitHub Actions output file: `level-<n>=<batches as JSON>` per level job. */
export function writeGithubOutput(plan: FanOutPlan, file: string): void {
    const lines = plan.levels.map((level, i) => `level-${i}=${JSON.stringify(level)}`);
    fs.appendFileSync(file, `${lines.join("\n")}\nstacks=${plan.stacks}\n`);
}
