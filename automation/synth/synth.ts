import * as os from "os";
import * as path from "path";
import { buildPackConfig, PolicyInputError } from "../../policy-packs/lib/config";
import type { PolicySummary } from "../../policy-packs/lib/inspect";
import { loadWaiverFiles, Waiver } from "../../policy-packs/lib/waivers";
import { shortStackName } from "../backend/backend";
import { DEFAULT_POLICY_PACK } from "../engine/policy";
import { stackConfig } from "../engine/stack-config";
import { runSchedule } from "../engine/scheduler";
import type { StackResult } from "../engine/types";
import { EdfError, EXIT_CODES } from "../errors";
import { dependenciesOf, SelectionOptions } from "../graph/graph";
import type { StackOutputs } from "../inputs/resolve";
import { Plan, planEnvironment, preflightProblems } from "../plan";
import { resolveUnitProgramPath } from "../../unit/load";
import type { Reporter } from "../reporter";
import type { LoadedSpec } from "../spec/types";
import { Redactor } from "../run/redact";
import type { UpstreamOutputs } from "./evaluate";
import { enforcementFromSpec, InspectionJob, loadPolicyList, packIdentity, POLICY_LIST_MODULE, policyModuleOf } from "./inspection";
import { resolveSynthInputs } from "./inputs";
import { DEFAULT_SYNTH_ACCOUNT, DEFAULT_SYNTH_REGION, partitionOf, SynthWorld } from "./mock-cloud";
import { DEFAULT_STACK_TIMEOUT_MS, InProcessExecutor, MixedExecutor, StackDone, SynthExecutor, WorkerPool } from "./pool";
import {
    countResources,
    inventoryOf,
    redactSecrets,
    SECRET_PLACEHOLDER,
    secretValues,
    SynthReport,
    SynthStackReport,
} from "./report/model";
import { PROJECT_NAME } from "../../unit/project";

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
    /** Aborting starts no new stack. @default - never aborted */
    readonly signal?: AbortSignal;
    /** Keep stack traces in programs and report a failing program's stack (slower). @default false */
    readonly stackTraces?: boolean;
    /** Where stacks run. @default - this thread and worker threads, or this thread alone with `parallel` 1 */
    readonly executor?: SynthExecutor;
}

/** What a synth run produced: the report and the timings (kept out of the report, which is deterministic). */
export interface SynthRun {
    readonly report: SynthReport;
    /** Every secret value met (sample Vault values, secret outputs): the run folder scrubs them. */
    readonly redactor: Redactor;
    readonly timings: {
        readonly totalMs: number;
        readonly stacks: Readonly<Record<string, { evaluateMs: number; inspectMs: number; totalMs: number }>>;
    };
}

/** The default number of stacks evaluated at once: one per core, at most 4, never more than stacks. */
export function defaultParallel(stacks: number): number {
    return Math.max(1, Math.min(os.cpus().length, 4, stacks));
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `edf synth`: every selected unit of the environment evaluated offline under Pulumi's mock
 * runtime in dependency order (in parallel where the graph allows, each stack in its own
 * runtime store), fed its upstream stacks' synthesized outputs and its declared inputs, then
 * inspected with the environment's pack, enforcement levels, config and waivers. Bad input
 * (spec, graph, selection, missing program or pack, unresolved input, bad policy config)
 * throws an `EdfError` before anything is evaluated. A failing unit fails its stack and skips
 * its dependents; independent stacks go on.
 */
export async function synthEnvironment(options: SynthOptions): Promise<SynthRun> {
    const started = Date.now();
    const env = options.environment ?? process.env;
    const date = options.date ?? new Date().toISOString().slice(0, 10);
    if (!ISO_DAY.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
        throw new EdfError("EDF_USAGE", `\`--date\` must be a day as YYYY-MM-DD, not \`${date}\`.`, [
            { path: "--date", message: `invalid date \`${date}\``, fix: "pass e.g. `--date 2026-11-27`." },
        ]);
    }
    const plan = planEnvironment(options.env, options.projectRoot, options);
    const { loaded, selection } = plan;
    const spec = loaded.spec;
    const policyOn = spec.policy?.enabled !== false;
    const preflight = preflightProblems(plan, options.projectRoot, policyOn);
    if (preflight.length > 0) {
        throw new EdfError(
            "EDF_PREFLIGHT",
            `Cannot synth \`${spec.environment}\`: ${preflight.length} problem(s); nothing was evaluated.`,
            preflight,
        );
    }

    const parallel = options.parallel ?? defaultParallel(selection.length);
    const preload = [
        ...new Set(selection.map((u) => resolveUnitProgramPath(spec.units[u]!.path, options.projectRoot))),
        ...(policyOn ? [path.join(path.resolve(options.projectRoot, spec.policy?.pack ?? DEFAULT_POLICY_PACK), POLICY_LIST_MODULE)] : []),
    ];
    // This thread evaluates too (it has the SDK loaded); `parallel - 1` workers join it. They
    // start loading the SDK, programs and policies now, while this thread resolves inputs.
    const pool = options.executor || parallel <= 1 ? undefined : new WorkerPool(parallel - 1, DEFAULT_STACK_TIMEOUT_MS, {}, preload);
    pool?.warm();
    const executor = options.executor ?? (pool ? new MixedExecutor(pool) : new InProcessExecutor());
    try {
        return await synthWithExecutor(options, plan, executor, date, started, env);
    } finally {
        if (!options.executor) await executor.close();
    }
}

async function synthWithExecutor(
    options: SynthOptions,
    plan: Plan,
    executor: SynthExecutor,
    date: string,
    started: number,
    env: NodeJS.ProcessEnv,
): Promise<SynthRun> {
    const { loaded, graph, selection } = plan;
    const spec = loaded.spec;
    const policyOn = spec.policy?.enabled !== false;
    const redactor = new Redactor();
    const synthesized = new Map<string, StackOutputs>();
    const upstreamOutputs = new Map<string, UpstreamOutputs>();
    const inputs = await resolveSynthInputs(loaded, selection, {
        projectRoot: options.projectRoot,
        ...(options.samplesFile ? { samplesFile: options.samplesFile } : {}),
        live: options.liveInputs ?? false,
        env,
        redactor,
        synthesized,
    });

    const inspection = policyOn ? prepareInspection(options, loaded, date) : undefined;
    const region = spec.region ?? DEFAULT_SYNTH_REGION;
    const account = spec.account ?? DEFAULT_SYNTH_ACCOUNT;
    const reporter = options.reporter;
    reporter.info(
        `synth ${spec.environment}: ${selection.length} stack(s), ${executor.size} at a time; inputs from ${
            inputs.source.kind === "live"
                ? "the spec's Vault/Consul servers"
                : inputs.source.file
                  ? `${inputs.source.file} (sample values)`
                  : "the spec (no Vault/Consul inputs)"
        }${inspection ? `; pack ${inspection.pack.name} ${inspection.pack.version}` : "; policy enforcement off"}`,
    );

    const stackReports = new Map<string, SynthStackReport>();
    const timings: Record<string, { evaluateMs: number; inspectMs: number; totalMs: number }> = {};
    const stackOf = (unit: string): string => shortStackName(spec.environment, unit);
    const upstreamOf = (unit: string): Record<string, UpstreamOutputs> => {
        const out: Record<string, UpstreamOutputs> = {};
        const visit = (u: string): void => {
            for (const dep of dependenciesOf(graph, u)) {
                const outputs = upstreamOutputs.get(dep);
                if (outputs && !out[stackOf(dep)]) {
                    out[stackOf(dep)] = outputs;
                    visit(dep);
                }
            }
        };
        visit(unit);
        return out;
    };
    const base = (unit: string): Omit<SynthStackReport, "status"> => ({
        unit,
        stack: stackOf(unit),
        path: spec.units[unit]!.path,
        dependsOn: dependenciesOf(graph, unit)
            .filter((d) => selection.includes(d))
            .sort(),
        inputs: [],
        outputs: {},
        secretOutputs: [],
        invokes: {},
        resourceCounts: { total: 0, custom: 0, components: 0, byType: {} },
        resources: [],
        findings: [],
        waivers: { applied: [], expired: [], rejected: [], unused: [] },
    });
    const finish = (report: SynthStackReport, durationMs: number): SynthStackReport => {
        const counts = report.inspection
            ? `${report.resourceCounts.total} resources, ${report.inspection.mandatory} mandatory, ${report.inspection.advisory} advisory, ${report.inspection.waived} waived`
            : `${report.resourceCounts.total} resources`;
        const result: StackResult = {
            unit: report.unit,
            stack: report.stack,
            status: report.status === "passed" ? "succeeded" : report.status,
            attempts: report.status === "skipped" ? 0 : 1,
            durationMs,
            changes: { resources: report.resourceCounts.total },
            violations: [],
            inputs: report.inputs,
            reason: report.reason
                ? redactor.scrub(report.reason)
                : report.status === "failed" || report.status === "skipped"
                  ? ""
                  : `inspected: ${counts}`,
        };
        reporter.stackFinished(result);
        stackReports.set(report.unit, report);
        return report;
    };

    const runOne = async (unit: string): Promise<SynthStackReport> => {
        const stackStarted = Date.now();
        reporter.info(`  ${unit.padEnd(20)} evaluating…`);
        const late = await inputs.resolveStackInputs(unit);
        const resolved = [...(inputs.early.get(unit) ?? []), ...late.resolved];
        const described = inputs.describe(unit, resolved);
        if (late.problems.length > 0) {
            return finish(
                {
                    ...base(unit),
                    inputs: described,
                    status: "failed",
                    reason: late.problems.map((p) => `${p.message}${p.fix ? ` Fix: ${p.fix}` : ""}`).join("; "),
                },
                Date.now() - stackStarted,
            );
        }
        const configMap = stackConfig(spec, unit, resolved);
        const config: Record<string, string> = {};
        const secretKeys: string[] = [];
        for (const [key, entry] of Object.entries(configMap)) {
            config[key] = entry.value;
            if (entry.secret) secretKeys.push(key);
        }
        const world: SynthWorld = { stack: stackOf(unit), region, account, partition: partitionOf(region), defaultTags: spec.tags ?? {} };
        let done: StackDone;
        try {
            done = await executor.run(
                {
                    evaluation: {
                        unit,
                        unitPath: spec.units[unit]!.path,
                        projectRoot: options.projectRoot,
                        environment: spec.environment,
                        stack: stackOf(unit),
                        config,
                        secretKeys,
                        world,
                        upstream: upstreamOf(unit),
                        environmentStacks: Object.keys(spec.units).map(stackOf),
                        ...(options.stackTraces ? { stackTraces: true } : {}),
                    },
                    ...(inspection
                        ? {
                              inspection: {
                                  ...inspection.job,
                                  stack: {
                                      name: stackOf(unit),
                                      project: PROJECT_NAME,
                                      tags: { "pulumi:project": PROJECT_NAME, "pulumi:runtime": "nodejs" },
                                  },
                              },
                          }
                        : {}),
                },
                (count) =>
                    reporter.info(
                        `  ${unit.padEnd(20)} evaluated: ${count} resources in ${((Date.now() - stackStarted) / 1000).toFixed(1)}s, inspecting…`,
                    ),
            );
        } catch (error) {
            return finish(
                {
                    ...base(unit),
                    inputs: described,
                    status: "failed",
                    reason: `synth could not evaluate the unit: ${(error as Error).message}`,
                },
                Date.now() - stackStarted,
            );
        }
        const { evaluation } = done;
        timings[unit] = { evaluateMs: done.evaluateMs, inspectMs: done.inspectMs, totalMs: Date.now() - stackStarted };
        for (const resource of evaluation.resources) for (const value of secretValues(resource.props)) redactor.add(value);
        for (const name of evaluation.secretOutputNames) redactor.add(evaluation.outputs[name]);
        const common = {
            ...base(unit),
            inputs: described,
            outputs: Object.fromEntries(
                Object.entries(evaluation.outputs).map(([k, v]) => [
                    k,
                    evaluation.secretOutputNames.includes(k) ? SECRET_PLACEHOLDER : redactSecrets(v),
                ]),
            ),
            secretOutputs: evaluation.secretOutputNames,
            invokes: evaluation.invokes,
            resourceCounts: countResources(evaluation.resources),
            resources: evaluation.resources.map(inventoryOf),
        };
        if (evaluation.error !== undefined) {
            return finish({ ...common, status: "failed", reason: `the program failed: ${evaluation.error}` }, Date.now() - stackStarted);
        }
        const outputs: Record<string, { value: unknown; secret: boolean }> = {};
        for (const [k, v] of Object.entries(evaluation.outputs))
            outputs[k] = { value: v, secret: evaluation.secretOutputNames.includes(k) };
        synthesized.set(unit, outputs);
        upstreamOutputs.set(unit, { outputs: evaluation.outputs, secretOutputNames: evaluation.secretOutputNames });
        const result = done.inspection;
        if (!result) {
            return finish({ ...common, status: "passed" }, Date.now() - stackStarted);
        }
        if (inspection && inspection.policies.length === 0) inspection.policies.push(...result.policies);
        return finish(
            {
                ...common,
                status: result.summary.passed ? "passed" : "policy-violation",
                findings: result.findings,
                waivers: result.waivers,
                inspection: {
                    evaluations: result.summary.evaluations,
                    mandatory: result.summary.mandatory,
                    advisory: result.summary.advisory,
                    waived: result.summary.waived,
                    passed: result.summary.passed,
                },
            },
            Date.now() - stackStarted,
        );
    };

    {
        await runSchedule<SynthStackReport>({
            graph,
            units: selection,
            reverse: false,
            parallel: executor.size,
            skipOnFailure: true,
            signal: options.signal ?? new AbortController().signal,
            run: async (unit) => {
                const report = await runOne(unit);
                return { result: report, settlement: report.status === "failed" ? "failed" : "succeeded" };
            },
            skipped: (unit, blocker) =>
                finish({ ...base(unit), status: "skipped", reason: `skipped: \`${blocker}\` failed or was skipped` }, 0),
            notStarted: (unit) => finish({ ...base(unit), status: "skipped", reason: "not started: the run was interrupted" }, 0),
        });
    }

    const stacks = selection.map((u) => stackReports.get(u)!);
    const count = (s: SynthStackReport["status"]): number => stacks.filter((r) => r.status === s).length;
    const failed = count("failed") + count("skipped");
    const outcome = failed > 0 ? "failed" : count("policy-violation") > 0 ? "policy-violation" : "passed";
    const report: SynthReport = {
        reportVersion: 1,
        command: "synth",
        environment: spec.environment,
        spec: loaded.file,
        region,
        account,
        date,
        inputs: { source: inputs.source.kind, ...(inputs.source.file ? { file: inputs.source.file } : {}) },
        pack: inspection ? { ...inspection.pack, path: inspection.packPath } : null,
        graph: { units: [...selection], edges: graph.edges.filter((e) => selection.includes(e.from) && selection.includes(e.to)) },
        outcome,
        exitCode: outcome === "failed" ? EXIT_CODES.failure : outcome === "policy-violation" ? EXIT_CODES.policyViolation : EXIT_CODES.ok,
        summary: {
            stacks: stacks.length,
            passed: count("passed"),
            policyViolation: count("policy-violation"),
            failed: count("failed"),
            skipped: count("skipped"),
            resources: stacks.reduce((n, s) => n + s.resourceCounts.total, 0),
            evaluations: stacks.reduce((n, s) => n + (s.inspection?.evaluations ?? 0), 0),
            mandatory: stacks.reduce((n, s) => n + (s.inspection?.mandatory ?? 0), 0),
            advisory: stacks.reduce((n, s) => n + (s.inspection?.advisory ?? 0), 0),
            waived: stacks.reduce((n, s) => n + (s.inspection?.waived ?? 0), 0),
        },
        policies: inspection?.policies ?? [],
        stacks,
    };
    return { report, redactor, timings: { totalMs: Date.now() - started, stacks: timings } };
}

interface PreparedInspection {
    readonly job: Omit<InspectionJob, "stack">;
    readonly pack: { readonly name: string; readonly version: string };
    readonly packPath: string;
    /** Filled from the first inspection (levels resolved for this environment). */
    readonly policies: PolicySummary[];
}

/** Loads the pack's policy list and checks the spec's policy config and the waivers up front. */
function prepareInspection(options: SynthOptions, loaded: LoadedSpec, date: string): PreparedInspection {
    const spec = loaded.spec;
    const packPath = spec.policy?.pack ?? DEFAULT_POLICY_PACK;
    const packDir = path.resolve(options.projectRoot, packPath);
    const policyModule = policyModuleOf(packDir, packPath);
    const policies = loadPolicyList(policyModule);
    const enforcement = enforcementFromSpec(
        spec.policy,
        spec.environment,
        policies.map((p) => p.id),
    );
    const config = (spec.policy?.config ?? {}) as Record<string, Record<string, unknown>>;
    const listed = (spec.policy as { waivers?: unknown } | undefined)?.waivers;
    const waiverFiles = [
        ...(Array.isArray(listed) ? (listed as string[]) : []).map((f) => path.resolve(options.projectRoot, f)),
        ...(options.waiverFiles ?? []).map((f) => path.resolve(f)),
    ];
    let waivers: Waiver[];
    try {
        buildPackConfig({ policies, environment: spec.environment, enforcement, config, now: new Date(`${date}T12:00:00Z`) });
        waivers = loadWaiverFiles(waiverFiles, policies).map((w) => ({
            ...w,
            ...(w.source ? { source: path.relative(options.projectRoot, path.resolve(w.source)) } : {}),
        }));
    } catch (error) {
        if (error instanceof PolicyInputError) {
            throw new EdfError(
                "EDF_SPEC_INVALID",
                `The policy settings of \`${spec.environment}\` are invalid (${error.problems.length} problem(s)); nothing was synthesized.`,
                error.problems.map((message) => ({
                    file: loaded.file,
                    path: "/policy",
                    line: loaded.lineOf("/policy"),
                    message,
                    fix: "fix the policy id, level or config value named.",
                })),
            );
        }
        throw error;
    }
    const pack = packIdentity(packDir);
    return { job: { policyModule, pack, environment: spec.environment, enforcement, config, waivers, date }, pack, packPath, policies: [] };
}
