import * as os from "os";
import { isCalendarDate } from "../../policy-packs/lib/dates";
import { frameworkResults } from "../../policy-packs/lib/frameworks";
import { EdfError } from "../errors";
import type { SelectionOptions } from "../graph/graph";
import type { StackOutputs } from "../inputs/resolve";
import type { Plan } from "../plan";
import type { Reporter } from "../reporter";
import { EnvironmentRun, executeEnvironmentRun } from "../run/environment-run";
import type { Redactor } from "../redact";
import type { RunFolder } from "../run/run-folder";
import { resolveUnitProgramPath } from "../../unit/load";
import { SynthStackDetail, SynthStackExecutor, SynthTimings } from "./executor";
import { resolveSynthInputs, SynthInputs } from "./inputs";
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

/** The default number of stacks evaluated at once: one per core, at most 4, never more than stacks. */
export function defaultParallel(stacks: number): number {
    return Math.max(1, Math.min(os.cpus().length, 4, stacks));
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
            executor = new SynthStackExecutor({
                plan,
                projectRoot: options.projectRoot,
                reporter: options.reporter,
                evaluator: options.evaluator ?? startEvaluator(options, plan),
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
    return {
        report: synthReport(run, executor!, inputs!),
        redactor: run.redactor,
        timings: { totalMs: run.finishedAt.getTime() - run.startedAt.getTime(), stacks: executor!.timings },
        ...(run.runFolder ? { runFolder: run.runFolder } : {}),
    };
}

/**
 * This thread evaluates too (it has the SDK loaded); `parallel - 1` workers join it. They start
 * loading the SDK, programs and policies now, while this thread resolves inputs.
 */
function startEvaluator(options: SynthOptions, plan: Plan): StackEvaluator {
    const parallel = options.parallel ?? defaultParallel(plan.selection.length);
    if (parallel <= 1) return new InThreadEvaluator();
    const program = (unit: string): string => resolveUnitProgramPath(plan.loaded.spec.units[unit]!.path, options.projectRoot);
    const policyModule = plan.policy?.pack.policyModule;
    const preload = [...new Set(plan.selection.map(program)), ...(policyModule ? [policyModule] : [])];
    const pool = new WorkerPool(parallel - 1, DEFAULT_STACK_TIMEOUT_MS, {}, preload);
    pool.warm();
    return new MixedEvaluator(pool);
}

/** Synth's report vocabulary: a stack that did what synth asks `passed` (the engine-only statuses never reach synth). */
function synthStatus(status: StackStatus): SynthStackStatus {
    return status === "succeeded" || status === "not-deployed" || status === "preview-with-unknowns" ? "passed" : status;
}

/** The deterministic report of a synth run (report.json and everything rendered from it). */
function synthReport(run: EnvironmentRun<SynthStackDetail>, executor: SynthStackExecutor, inputs: SynthInputs): SynthReport {
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
    };
}
