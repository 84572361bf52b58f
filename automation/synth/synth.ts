import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isCalendarDate } from "../../policy-packs/lib/dates";
import { frameworkResults } from "../../policy-packs/lib/frameworks";
import { EdfError } from "../errors";
import type { KeptEnvironmentFingerprints } from "../fingerprint/fingerprint";
import type { SelectionOptions } from "../graph/graph";
import type { StackOutputs } from "../inputs/resolve";
import type { Plan } from "../plan";
import type { Reporter } from "../reporter";
import { EnvironmentRun, executeEnvironmentRun } from "../run/environment-run";
import type { Redactor } from "../redact";
import type { RunFolder } from "../run/run-folder";
import { resolveUnitProgramPath } from "../../unit/load";
import { workingTreeKeys, WorkingTreeKeysOptions } from "./cache/entries";
import { ContentStore, DEFAULT_CACHE_MAX_BYTES } from "./cache/store";
import { SynthCache, SynthStackDetail, SynthStackExecutor, SynthTimings } from "./executor";
import { resolveSynthInputs, SynthInputs } from "./inputs";
import { AsideInspector } from "./aside-inspector";
import { DEFAULT_STACK_TIMEOUT_MS, InThreadEvaluator, MixedEvaluator, StackEvaluator, WorkerPool } from "./pool";
import type { SynthReport, SynthStackStatus } from "../run/report/model";
import { hoistEnvironmentFindings } from "../run/report/findings";
import { summarize } from "../run/report/summary";
import type { StackStatus } from "../run/outcome";

export interface SynthOptions extends SelectionOptions {
    /** Environment name (`environments/<env>.yaml`) or spec file. */
    readonly env: string;
    readonly projectRoot: string;
    readonly reporter: Reporter;
    /** Stacks evaluated at once: this thread and `parallel - 1` worker threads. @default - min(CPU count, stacks, 4) */
    readonly parallel?: number;
    /** The sample inputs file. @default - `environments/samples/<env>.yaml` */
    readonly samplesFile?: string;
    /** Read Vault/Consul inputs from the servers in the spec's `injectors`. @default false */
    readonly liveInputs?: boolean;
    /** Waiver files (YAML/JSON), on top of any the spec's `policy.waivers` lists. @default [] */
    readonly waiverFiles?: readonly string[];
    /** The day verdicts are decided for (YYYY-MM-DD). @default - today (UTC) */
    readonly date?: string;
    /** @default process.env */
    readonly environment?: NodeJS.ProcessEnv;
    /** Aborting starts no new stack; the run ends `interrupted` (exit 130). @default - never aborted */
    readonly signal?: AbortSignal;
    /** Keep stack traces in programs and report a failing program's stack (slower). @default false */
    readonly stackTraces?: boolean;
    /** Where stacks are evaluated. @default - this thread and worker threads, or this thread alone with `parallel` 1 */
    readonly evaluator?: StackEvaluator;
    /** A run folder under `<edfHome>/runs/` for the reports. @default - none (the caller writes them) */
    readonly edfHome?: string;
    /**
     * Reuse and keep results in the synth cache (`<edfHome>/cache/synth`): a stack whose evaluation
     * key is there is not evaluated again, and not inspected again unless the pack, its settings,
     * the waivers or the day changed. `false` is `--no-cache`. @default true
     */
    readonly cache?: boolean;
    /** The synth cache's folder. @default - `<edfHome>/cache/synth`, else `<projectRoot>/.edf/cache/synth` */
    readonly cacheDir?: string;
    /** The synth cache's bound; least recently used entries go beyond it. @default - $EDF_SYNTH_CACHE_MAX_MB, else 256 MiB */
    readonly cacheMaxBytes?: number;
    /**
     * Whether a run evaluating on one thread inspects and caches on a second (AsideInspector).
     * @default - when at least {@link ASIDE_MIN_STACKS} stacks are likely evaluated
     */
    readonly inspectAside?: boolean;
    /** Fingerprints kept from earlier runs of this process (`edf synth --watch`): unchanged units keep theirs. @default - none */
    readonly keptFingerprints?: KeptEnvironmentFingerprints;
}

/** What a synth run produced: the report and the timings (kept out of the report, which is deterministic). */
export interface SynthRun {
    readonly report: SynthReport;
    /** Every secret value met (sample Vault values, secret outputs): the run folder scrubs them. */
    readonly redactor: Redactor;
    readonly timings: { readonly totalMs: number; readonly stacks: Readonly<SynthTimings> };
    /** The run folder, when `edfHome` was given. */
    readonly runFolder?: RunFolder;
}

/** How many cores the machine has and how busy it is (the 1-minute load average; 0 where the OS has none). */
export interface MachineLoad {
    readonly cores: number;
    readonly load: number;
}

/** This machine's cores and load. */
export function machineLoad(): MachineLoad {
    return { cores: os.cpus().length, load: os.loadavg()[0] ?? 0 };
}

/**
 * The default number of stacks evaluated at once: one per core that other work leaves free
 * (cores − load average, rounded), at most 4, never more than stacks, at least this thread — and
 * one while at most two cores are free. Every worker thread loads the SDK, the AWS provider, the
 * programs and the policy list and compiles and warms up its own code, about a CPU-second; on two
 * cores this thread evaluating alone, with the aside thread inspecting and caching (it loads only
 * the policy list), was measured faster and a CPU-second cheaper than this thread and a worker
 * (100-service estate, docs/pipelines.md, Benchmark). More free cores were not measured here: each
 * evaluates, as before.
 */
export function defaultParallel(stacks: number, machine: MachineLoad = machineLoad()): number {
    const free = Math.round(machine.cores - machine.load);
    return Math.max(1, Math.min(free <= 2 ? 1 : free, 4, stacks));
}

/** Whether the machine's load made {@link defaultParallel} lower than it is on the same machine idle. */
export function loweredByLoad(stacks: number, machine: MachineLoad): boolean {
    return defaultParallel(stacks, machine) < defaultParallel(stacks, { cores: machine.cores, load: 0 });
}

/**
 * `edf synth`: the environment run with the synth executor — every selected unit evaluated
 * offline under Pulumi's mock runtime in dependency order (in parallel where the graph allows,
 * each stack in its own runtime store), fed its upstream stacks' synthesized outputs and its
 * declared inputs, then inspected with the environment's policy as the policy module resolves
 * it. Bad input (spec, graph, selection, missing program or pack, unresolved input, bad policy
 * settings) throws an `EdfError` before anything is evaluated. A failing unit fails its stack
 * and skips its dependents; independent stacks go on.
 */
export async function synthEnvironment(options: SynthOptions): Promise<SynthRun> {
    const env = options.environment ?? process.env;
    const date = options.date ?? new Date().toISOString().slice(0, 10);
    if (!isCalendarDate(date)) {
        throw new EdfError("EDF_USAGE", `\`--date\` must be a real calendar day, YYYY-MM-DD, not \`${date}\`.`, [
            { path: "--date", message: `\`${date}\` is not a day of the calendar`, fix: "pass e.g. `--date 2026-11-27`." },
        ]);
    }
    let executor: SynthStackExecutor | undefined;
    let inputs: SynthInputs | undefined;
    let cache: SynthCache | undefined;
    const run = await executeEnvironmentRun<SynthStackDetail>(
        {
            ...options,
            command: "synth",
            policy: { date, extraWaiverFiles: options.waiverFiles ?? [] },
            preflight: { programs: true, policy: true },
            nothingDone: "nothing was evaluated",
        },
        async (plan, { redactor }) => {
            const synthesized = new Map<string, StackOutputs>();
            // With nothing cached every stack is evaluated: the workers start loading before the units are fingerprinted.
            const early =
                options.evaluator === undefined && !hasEvaluations(options) ? startEvaluator(options, plan, undefined) : undefined;
            try {
                cache = openCache(options, env, plan, early instanceof InThreadEvaluator ? early.aside : undefined);
            } catch (error) {
                // Bad cache settings: the threads started early must not keep the process alive after the error.
                await early?.close();
                throw error;
            }
            executor = new SynthStackExecutor({
                ...(cache ? { cache } : {}),
                plan,
                projectRoot: options.projectRoot,
                reporter: options.reporter,
                evaluator: options.evaluator ?? early ?? startEvaluator(options, plan, cache),
                ownsEvaluator: options.evaluator === undefined,
                synthesized,
                redactor,
                stackTraces: options.stackTraces ?? false,
                inputs: () => inputs!,
                prepareInputs: async () =>
                    (inputs = await resolveSynthInputs(plan.loaded, plan.selection, {
                        projectRoot: options.projectRoot,
                        ...(options.samplesFile ? { samplesFile: options.samplesFile } : {}),
                        live: options.liveInputs ?? false,
                        env,
                        redactor,
                        synthesized,
                    })),
            });
            return executor;
        },
    );
    if (cache) {
        const pruned = cache.store.prune();
        if (pruned.entries > 0) {
            options.reporter.info(
                `synth cache: removed ${pruned.entries} least recently used entr${pruned.entries === 1 ? "y" : "ies"} ` +
                    `(${mib(pruned.bytes)}) to stay within ${mib(cache.store.maxBytes)}`,
            );
        }
    }
    return {
        report: synthReport(run, executor!, inputs!, cache !== undefined),
        redactor: run.redactor,
        timings: { totalMs: run.finishedAt.getTime() - run.startedAt.getTime(), stacks: executor!.timings },
        ...(run.runFolder ? { runFolder: run.runFolder } : {}),
    };
}

function mib(bytes: number): string {
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * The synth cache of this run, keyed by the units' fingerprints in the working tree; undefined
 * with `cache: false`. The bound comes from the option, else `EDF_SYNTH_CACHE_MAX_MB`. With an
 * aside thread started because nothing was cached, that thread fingerprints (off the thread that
 * evaluates) and names the entries.
 */
function openCache(options: SynthOptions, env: NodeJS.ProcessEnv, plan: Plan, aside?: AsideInspector): SynthCache | undefined {
    if (options.cache === false) return undefined;
    const dir = cacheDirOf(options);
    const fromEnv = env.EDF_SYNTH_CACHE_MAX_MB;
    if (fromEnv !== undefined && !/^\d+$/.test(fromEnv)) {
        throw new EdfError("EDF_USAGE", `\`EDF_SYNTH_CACHE_MAX_MB\` must be a whole number of MiB, not \`${fromEnv}\`.`, [
            {
                path: "EDF_SYNTH_CACHE_MAX_MB",
                message: `invalid value \`${fromEnv}\``,
                fix: "set e.g. `EDF_SYNTH_CACHE_MAX_MB=512`, or unset it.",
            },
        ]);
    }
    const maxBytes = options.cacheMaxBytes ?? (fromEnv !== undefined ? Number(fromEnv) * 1024 * 1024 : DEFAULT_CACHE_MAX_BYTES);
    const store = new ContentStore(dir, maxBytes, (message) => options.reporter.warn(message));
    if (aside && !options.keptFingerprints) {
        // Nothing is cached yet (the run starts its evaluator early only then): no stack is looked up,
        // and the aside thread fingerprints the units for the entries it writes.
        aside.takeKeys(keysOptions(options));
        options.reporter.info(
            `synth cache: ${dir} (at most ${mib(maxBytes)}); ${plan.selection.length} stack(s) fingerprinted on the inspection thread`,
        );
        return { store };
    }
    const keys = workingTreeKeys(keysOptions(options), options.keptFingerprints);
    const kept = options.keptFingerprints?.last;
    const unchanged = kept && kept.keptUnits > 0 ? ` (${kept.keptUnits} unit(s) unchanged since the last round)` : "";
    options.reporter.info(`synth cache: ${dir} (at most ${mib(maxBytes)}); ${plan.selection.length} stack(s) fingerprinted${unchanged}`);
    return { store, keys };
}

function keysOptions(options: SynthOptions): WorkingTreeKeysOptions {
    return {
        projectRoot: options.projectRoot,
        env: options.env,
        ...(options.samplesFile ? { samplesFile: options.samplesFile } : {}),
        extraWaiverFiles: options.waiverFiles ?? [],
    };
}

function cacheDirOf(options: SynthOptions): string {
    return options.cacheDir ?? path.join(options.edfHome ?? path.join(options.projectRoot, ".edf"), "cache", "synth");
}

/** Whether the synth cache holds any evaluation (false with `--no-cache`). */
function hasEvaluations(options: SynthOptions): boolean {
    return options.cache !== false && fs.existsSync(path.join(cacheDirOf(options), "evaluation"));
}

/**
 * Stacks a run evaluating on one thread must be likely to evaluate before it inspects and caches
 * them on a second (see AsideInspector): below it, the thread's start-up (≈ 0.2 CPU-s, the policy
 * list) costs more than the work it takes over (≈ 4 ms a stack on the 100-service estate).
 */
export const ASIDE_MIN_STACKS = 8;

/**
 * With one thread, this thread evaluates every stack, and from {@link ASIDE_MIN_STACKS} on a second
 * one inspects and caches them. Otherwise this thread evaluates too (it has the SDK loaded); `parallel - 1` workers join it. They start
 * loading the SDK, programs and policies now, while this thread resolves inputs.
 */
function startEvaluator(options: SynthOptions, plan: Plan, cache: SynthCache | undefined): StackEvaluator {
    const machine = machineLoad();
    const parallel = options.parallel ?? defaultParallel(plan.selection.length, machine);
    if (options.parallel === undefined && loweredByLoad(plan.selection.length, machine)) {
        options.reporter.info(
            `the machine is busy (load ${machine.load.toFixed(1)} on ${machine.cores} core(s)): ${parallel} stack(s) at a time; ` +
                "`--parallel <n>` to choose",
        );
    }
    // Stacks the cache has never seen with their current sources and settings will be evaluated:
    // with at most one, this thread does it, and workers start only if more turn out to miss.
    const keys = cache?.keys;
    const likelyEvaluated = cache && keys ? plan.selection.filter((u) => !cache.store.has("evaluation", keys.seen(u))).length : Infinity;
    const policyModule = plan.policy?.pack.policyModule;
    if (parallel <= 1) {
        const somethingAside = policyModule !== undefined || options.cache !== false;
        const aside = options.inspectAside ?? (somethingAside && Math.min(likelyEvaluated, plan.selection.length) >= ASIDE_MIN_STACKS);
        const preload = policyModule ? [policyModule] : [];
        return new InThreadEvaluator(aside ? new AsideInspector(preload, (m) => options.reporter.warn(m)) : undefined);
    }
    const program = (unit: string): string => resolveUnitProgramPath(plan.loaded.spec.units[unit]!.path, options.projectRoot);
    const preload = [...new Set(plan.selection.map(program)), ...(policyModule ? [policyModule] : [])];
    const pool = new WorkerPool(parallel - 1, DEFAULT_STACK_TIMEOUT_MS, {}, preload);
    if (likelyEvaluated > 1) pool.warm();
    return new MixedEvaluator(pool);
}

/** Synth's report vocabulary: a stack that did what synth asks `passed` (the engine-only statuses never reach synth). */
function synthStatus(status: StackStatus): SynthStackStatus {
    return status === "succeeded" || status === "not-deployed" || status === "preview-with-unknowns" ? "passed" : status;
}

/** The deterministic report of a synth run (report.json and everything rendered from it). */
function synthReport(
    run: EnvironmentRun<SynthStackDetail>,
    executor: SynthStackExecutor,
    inputs: SynthInputs,
    cached: boolean,
): SynthReport {
    const { plan } = run;
    const { stacks, environmentFindings } = hoistEnvironmentFindings(
        run.stacks.map((s) => {
            const status = synthStatus(s.status);
            // A note on what a stack did is progress; the report keeps reasons for what went wrong.
            const explains = status === "failed" || status === "skipped" || status === "cancelled";
            return { unit: s.unit, stack: s.stack, ...s.detail, status, ...(explains && s.reason ? { reason: s.reason } : {}) };
        }),
    );
    const policy = plan.policy;
    return {
        reportVersion: 1,
        command: "synth",
        environment: plan.loaded.spec.environment,
        spec: plan.loaded.file,
        region: executor.region,
        account: executor.account,
        date: policy?.date ?? new Date().toISOString().slice(0, 10),
        inputs: { source: inputs.source.kind, ...(inputs.source.file ? { file: inputs.source.file } : {}) },
        pack: policy ? { name: policy.pack.name, version: policy.pack.version, path: policy.pack.display } : null,
        graph: {
            units: [...plan.selection],
            edges: plan.graph.edges.filter((e) => plan.selection.includes(e.from) && plan.selection.includes(e.to)),
        },
        outcome: run.outcome === "succeeded" || run.outcome === "drifted" ? "passed" : run.outcome,
        exitCode: run.exitCode,
        summary: summarize(stacks, environmentFindings, false),
        policies: executor.policies,
        frameworks: frameworkResults(
            policy?.frameworks ?? [],
            [...environmentFindings, ...stacks.flatMap((s) => s.findings)],
            new Set(executor.policies.filter((p) => p.level !== "disabled").map((p) => p.id)),
        ),
        ...(environmentFindings.length > 0 ? { environmentFindings } : {}),
        stacks,
        ...(cached
            ? {
                  cache: {
                      reused: stacks.filter((s) => s.cached).length,
                      inspectionsReused: stacks.filter((s) => s.cached === "evaluation+inspection").length,
                      evaluated: stacks.filter((s) => !s.cached && s.resourceCounts.total > 0).length,
                  },
              }
            : {}),
    };
}
