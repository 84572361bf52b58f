import type { PolicySummary } from "../../policy-packs/lib/inspect";
import { shortStackName } from "../backend/backend";
import { stackConfig } from "../run/stack-config";
import { deploymentTarget } from "../spec/targets";
import { dependenciesOf } from "../graph/graph";
import type { StackOutputs } from "../inputs/resolve";
import type { Plan } from "../plan";
import type { Reporter } from "../reporter";
import type { RunInputs, StackContext, StackExecution, StackExecutor } from "../run/environment-run";
import type { StackStatus } from "../run/outcome";
import type { Redactor } from "../redact";
import { cacheEntriesFor } from "./cache/entries";
import { keepInspection, keptInspection } from "./cache/keep";
import type { SynthCacheKeys } from "./cache/keys";
import type { ContentStore } from "./cache/store";
import type { StackEvaluation, UpstreamOutputs } from "./evaluate";
import { inspectionJobFor, inspectStack } from "./inspection";
import type { SynthInputs } from "./inputs";
import { DEFAULT_SYNTH_ACCOUNT, DEFAULT_SYNTH_REGION, partitionOf, SynthWorld } from "./synth-world";
import type { StackDone, StackEvaluator } from "./pool";
import { redactSecrets, SECRET_PLACEHOLDER, SynthInput, SynthStackReport } from "../run/report/model";
import { summarizeEvaluation } from "./inventory";
import type { WorkerRequest } from "./worker/protocol";

/** What synth made of one stack: its report entry without the run's own fields. */
export type SynthStackDetail = Omit<SynthStackReport, "unit" | "stack" | "status" | "reason">;

/** Per stack: time spent evaluating, inspecting, in all (kept out of the deterministic report). */
export type SynthTimings = Record<string, { evaluateMs: number; inspectMs: number; totalMs: number; cached?: SynthStackDetail["cached"] }>;

/** The synth cache of a run: where entries live and how they are keyed. */
export interface SynthCache {
    readonly store: ContentStore;
    /**
     * Absent when synth's aside thread fingerprints the units and names each stack's entries
     * itself (a cold run that evaluates on one thread: the cache held no evaluation when the run
     * began, so there is nothing to look up, only results to keep).
     */
    readonly keys?: SynthCacheKeys;
}

export interface SynthExecutorOptions {
    readonly plan: Plan;
    readonly projectRoot: string;
    readonly reporter: Reporter;
    readonly evaluator: StackEvaluator;
    /** Whether the run started the evaluator (then it stops it); a caller's evaluator is the caller's to close. */
    readonly ownsEvaluator: boolean;
    /** Filled as stacks finish: what downstream stack inputs read. */
    readonly synthesized: Map<string, StackOutputs>;
    readonly inputs: () => SynthInputs;
    readonly prepareInputs: () => Promise<SynthInputs>;
    readonly redactor: Redactor;
    readonly stackTraces: boolean;
    /** The synth cache. @default - none (`--no-cache`): every stack is evaluated and inspected */
    readonly cache?: SynthCache;
}

/**
 * The synth executor: each stack's program evaluated offline under Pulumi's mock runtime
 * (this thread or a worker), fed its upstream stacks' synthesized outputs, then inspected
 * in-process with the environment's policy, as the policy module resolved it.
 */
export class SynthStackExecutor implements StackExecutor<SynthStackDetail> {
    readonly reverse = false;
    readonly inputs: RunInputs;
    /** Policy summaries with the levels of this environment, from the first inspection. */
    readonly policies: PolicySummary[] = [];
    readonly timings: SynthTimings = {};
    readonly region: string;
    readonly account: string;
    private readonly upstreamOutputs = new Map<string, UpstreamOutputs>();
    /** Every stack of the environment, in each evaluation job: one frozen list, so a cache key serialises it once a run. */
    private readonly environmentStacks: readonly string[];
    /** Stacks kept out of the cache (a secret from outside the sample file reaches them). */
    private readonly uncached = new Set<string>();

    constructor(private readonly options: SynthExecutorOptions) {
        const spec = options.plan.loaded.spec;
        this.region = spec.region ?? DEFAULT_SYNTH_REGION;
        this.account = spec.account ?? DEFAULT_SYNTH_ACCOUNT;
        this.environmentStacks = Object.freeze(Object.keys(spec.units).map((u) => this.stackName(u)));
        this.inputs = {
            prepare: async () => {
                await options.prepareInputs();
            },
            forUnit: async (unit) => {
                const inputs = options.inputs();
                const late = await inputs.resolveStackInputs(unit);
                return { resolved: [...(inputs.early.get(unit) ?? []), ...late.resolved], problems: late.problems };
            },
        };
    }

    /** Stacks the run starts at once: as many as the evaluator takes (a worker holds its next one). */
    get parallel(): number {
        return this.options.evaluator.accepts ?? this.options.evaluator.size;
    }

    /** A failed stack has no outputs for its dependents; a policy violation still does. */
    holdsBack(status: StackStatus): boolean {
        return status !== "succeeded" && status !== "policy-violation";
    }

    describe(): string {
        const { plan } = this.options;
        const inputs = this.options.inputs();
        const source =
            inputs.source.kind === "live"
                ? "the spec's Vault/Consul servers"
                : inputs.source.file
                  ? `${inputs.source.file} (sample values)`
                  : "the spec (no Vault/Consul inputs)";
        const pack = plan.policy ? `pack ${plan.policy.pack.name} ${plan.policy.pack.version}` : "policy enforcement off";
        return (
            `synth ${plan.loaded.spec.environment}: ${plan.selection.length} ` +
            `stack(s), ${this.options.evaluator.size} at a time; inputs from ${source}; ${pack}`
        );
    }

    stackName(unit: string): string {
        return shortStackName(this.options.plan.loaded.spec.environment, unit);
    }

    idle(unit: string): SynthStackDetail {
        const { plan } = this.options;
        const target = deploymentTarget(plan.loaded.spec, unit);
        return {
            path: plan.loaded.spec.units[unit]!.path,
            ...(target.account ? { account: target.account } : {}),
            ...(target.assumeRole ? { assumeRole: target.assumeRole.roleArn } : {}),
            dependsOn: dependenciesOf(plan.graph, unit)
                .filter((d) => plan.selection.includes(d))
                .sort(),
            inputs: [],
            outputs: {},
            secretOutputs: [],
            invokes: {},
            resourceCounts: { total: 0, custom: 0, components: 0, byType: {} },
            resources: [],
            findings: [],
            waivers: { applied: [], expired: [], rejected: [], unused: [] },
        };
    }

    async run(unit: string, context: StackContext): Promise<StackExecution<SynthStackDetail>> {
        const { plan, redactor } = this.options;
        const spec = plan.loaded.spec;
        const started = Date.now();
        const stack = this.stackName(unit);
        const described = this.options.inputs().describe(unit, context.inputs);
        const detail = { ...this.idle(unit), inputs: described };
        const config: Record<string, string> = {};
        const secretKeys: string[] = [];
        for (const [key, entry] of Object.entries(stackConfig(spec, unit, context.inputs))) {
            config[key] = entry.value;
            if (entry.secret) secretKeys.push(key);
        }
        // Each stack is its own account: ids, ARNs and invokes answer for the account the stack targets.
        const target = deploymentTarget(spec, unit);
        const world: SynthWorld = {
            stack,
            region: this.region,
            account: target.account ?? this.account,
            partition: partitionOf(this.region),
            defaultTags: spec.tags ?? {},
            ...(target.assumeRole ? { assumedRole: { arn: target.assumeRole.roleArn, sessionName: target.assumeRole.sessionName } } : {}),
        };
        const request: Omit<WorkerRequest, "id"> = {
            evaluation: {
                unit,
                unitPath: spec.units[unit]!.path,
                projectRoot: this.options.projectRoot,
                environment: spec.environment,
                stack,
                config,
                secretKeys,
                world,
                upstream: this.upstreamOf(unit),
                environmentStacks: this.environmentStacks,
                ...(this.options.stackTraces ? { stackTraces: true } : {}),
            },
            ...(plan.policy ? { inspection: inspectionJobFor(plan.policy, stack) } : {}),
        };
        const cache = this.cacheFor(unit, described);
        let done: StackDone & { cached?: SynthStackDetail["cached"] };
        try {
            done = (cache && (await this.fromCache(cache, unit, request))) ?? (await this.evaluate(cache, unit, request, started));
        } catch (error) {
            return { status: "failed", reason: `synth could not evaluate the unit: ${(error as Error).message}`, detail };
        }
        const { evaluation } = done;
        this.timings[unit] = {
            evaluateMs: done.evaluateMs,
            inspectMs: done.inspectMs,
            totalMs: Date.now() - started,
            ...(done.cached ? { cached: done.cached } : {}),
        };
        const summarized = summarizeEvaluation(evaluation);
        for (const value of summarized.secretValues) redactor.add(value);
        for (const name of evaluation.secretOutputNames) redactor.add(evaluation.outputs[name]);
        const evaluated: SynthStackDetail = {
            ...detail,
            ...(done.cached ? { cached: done.cached } : {}),
            outputs: Object.fromEntries(
                Object.entries(evaluation.outputs).map(([k, v]) => [
                    k,
                    evaluation.secretOutputNames.includes(k) ? SECRET_PLACEHOLDER : redactSecrets(v),
                ]),
            ),
            secretOutputs: evaluation.secretOutputNames,
            invokes: evaluation.invokes,
            resourceCounts: summarized.resourceCounts,
            resources: summarized.resources,
        };
        if (evaluation.error !== undefined)
            return { status: "failed", reason: `the program failed: ${evaluation.error}`, detail: evaluated };

        const outputs: StackOutputs = Object.fromEntries(
            Object.entries(evaluation.outputs).map(([k, v]) => [k, { value: v, secret: evaluation.secretOutputNames.includes(k) }]),
        );
        this.options.synthesized.set(unit, outputs);
        this.upstreamOutputs.set(unit, { outputs: evaluation.outputs, secretOutputNames: evaluation.secretOutputNames });
        const result = done.inspection;
        const fromCache = done.cached
            ? ` (${done.cached === "evaluation" ? "evaluation" : "evaluation and inspection"} from the synth cache)`
            : "";
        if (!result) return { status: "succeeded", reason: `${evaluated.resourceCounts.total} resources${fromCache}`, detail: evaluated };
        if (this.policies.length === 0) this.policies.push(...result.policies);
        const { summary } = result;
        return {
            status: summary.passed ? "succeeded" : "policy-violation",
            reason:
                `inspected: ${evaluated.resourceCounts.total} resources, ` +
                `${summary.mandatory} mandatory, ${summary.advisory} advisory, ` +
                `${summary.waived} waived${fromCache}`,
            detail: {
                ...evaluated,
                findings: result.findings,
                waivers: result.waivers,
                inspection: {
                    evaluations: summary.evaluations,
                    mandatory: summary.mandatory,
                    advisory: summary.advisory,
                    waived: summary.waived,
                    passed: summary.passed,
                },
            },
        };
    }

    /**
     * The stack's result from the synth cache, when its evaluation is there: inspected again
     * (in this thread) unless the inspection is there too. Undefined when the cache is off, the
     * stack may not be cached (it holds a secret from outside the sample file), or it misses.
     */
    private async fromCache(
        cache: SynthCache,
        unit: string,
        request: Omit<WorkerRequest, "id">,
    ): Promise<(StackDone & { cached: SynthStackDetail["cached"] }) | undefined> {
        if (!cache.keys) return undefined;
        const key = cache.keys.evaluation(request.evaluation);
        // Only read from here on (the report, the redactor, downstream stacks' inputs): shared between the
        // rounds of a watch and frozen, so not parsed again each round, and a change throws instead of leaking.
        const evaluation = cache.store.getShared<StackEvaluation>("evaluation", key) as StackEvaluation | undefined;
        if (!evaluation) return undefined;
        if (!request.inspection) return { id: 0, kind: "done", evaluation, evaluateMs: 0, inspectMs: 0, cached: "evaluation" };
        const inspectionKey = cache.keys.inspection(key, unit, request.inspection);
        const kept = keptInspection(cache.store, inspectionKey);
        if (kept)
            return { id: 0, kind: "done", evaluation, inspection: kept, evaluateMs: 0, inspectMs: 0, cached: "evaluation+inspection" };
        const started = Date.now();
        // Policies get resources of their own, as after an evaluation: none of them can change the shared ones.
        const inspection = await inspectStack(request.inspection, structuredClone(evaluation.resources));
        keepInspection(cache.store, inspectionKey, inspection);
        return { id: 0, kind: "done", evaluation, inspection, evaluateMs: 0, inspectMs: Date.now() - started, cached: "evaluation" };
    }

    /** Evaluates and inspects the stack with the evaluator, which keeps the result in the cache when it may. */
    private async evaluate(
        cache: SynthCache | undefined,
        unit: string,
        request: Omit<WorkerRequest, "id">,
        started: number,
    ): Promise<StackDone> {
        this.options.reporter.info(`  ${unit.padEnd(20)} evaluating…`);
        const keep: Pick<WorkerRequest, "keep" | "keepAside"> = !cache
            ? {}
            : cache.keys
              ? { keep: cacheEntriesFor(cache.keys, cache.store.dir, request.evaluation, request.inspection) }
              : { keepAside: { dir: cache.store.dir } };
        return this.options.evaluator.run({ ...request, ...keep }, (count) =>
            this.options.reporter.info(
                `  ${unit.padEnd(20)} evaluated: ${count} resources in ${((Date.now() - started) / 1000).toFixed(1)}s, inspecting…`,
            ),
        );
    }

    /**
     * The cache, if this stack may use it. A stack whose inputs hold a secret from outside the
     * sample file (a live Vault value, a secret environment variable) is never written to disk,
     * and neither is anything downstream of it, which may carry the secret in its inputs.
     */
    private cacheFor(unit: string, inputs: readonly SynthInput[]): SynthCache | undefined {
        const cache = this.options.cache;
        if (!cache) return undefined;
        const secretFromOutside = inputs.some((i) => i.secret && (i.origin === "live" || i.origin === "environment"));
        const upstreamUncached = dependenciesOf(this.options.plan.graph, unit).some((d) => this.uncached.has(d));
        if (secretFromOutside || upstreamUncached) {
            this.uncached.add(unit);
            return undefined;
        }
        return cache;
    }

    async close(): Promise<void> {
        if (this.options.ownsEvaluator) await this.options.evaluator.close();
    }

    /** The synthesized outputs of every stack this unit depends on, transitively, by stack name. */
    private upstreamOf(unit: string): Record<string, UpstreamOutputs> {
        const out: Record<string, UpstreamOutputs> = {};
        const visit = (u: string): void => {
            for (const dep of dependenciesOf(this.options.plan.graph, u)) {
                const outputs = this.upstreamOutputs.get(dep);
                if (outputs && !out[this.stackName(dep)]) {
                    out[this.stackName(dep)] = outputs;
                    visit(dep);
                }
            }
        };
        visit(unit);
        return out;
    }
}
