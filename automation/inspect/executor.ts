import { isBlocking } from "../../policy-packs/lib/findings";
import { inspect, PolicySummary } from "../../policy-packs/lib/inspect";
import { runtimeEvidenceConfig } from "../../policy-packs/runtime/config";
import { fetchEcsRunningImages } from "../../policy-packs/runtime/evidence/ecs";
import { ImageEvidence, mergeEvidence, RunningImage, RuntimeEvidence } from "../../policy-packs/runtime/evidence/model";
import type { ServiceRuntime } from "../../services/sdk/runtime-output";
import { EdfError } from "../errors";
import { shortDigest } from "../image/digest";
import { ImageError } from "../image/errors";
import type { ImageAnalysis } from "../image/model";
import type { ImageProgress } from "../image/progress";
import { parseImageReference, ImageReference } from "../image/reference";
import type { Plan } from "../plan";
import { decisionTime, EnvironmentPolicy } from "../policy/environment-policy";
import type { Redactor } from "../redact";
import type { Reporter } from "../reporter";
import type { RunInputs, StackContext, StackExecution, StackExecutor } from "../run/environment-run";
import type { StackStatus } from "../run/outcome";
import type { StackState, StackStateReader } from "../run/stack-state";
import { analysisEvidence } from "./analysis-evidence";
import type { AwsClients } from "./aws";
import { declaredServices } from "./declared";
import { fingerprintOf, StackBaseline } from "./delta";
import { ImageAnalyses, Limiter } from "./images";
import type { ContainerReport, InspectFinding, InspectStackReport, ServiceReport } from "./report/model";
import { collectScans, ScanResults } from "./vulnerabilities";

/** What inspection made of one stack: its report entry without the run's own fields. */
export type InspectStackDetail = Omit<InspectStackReport, "unit" | "stack" | "status" | "reason">;

/** An analysed image with what the scanners said about it, for the run's report and SBOMs. */
export interface AnalysedImage {
    readonly analysis: ImageAnalysis;
    readonly scans: ScanResults;
}

export interface InspectExecutorOptions {
    readonly plan: Plan;
    /** The runtime pack's settings for this environment (the policy module's `resolveRuntimePolicy`). */
    readonly policy: EnvironmentPolicy;
    readonly reader: StackStateReader;
    readonly aws: AwsClients;
    readonly images: ImageAnalyses;
    readonly reporter: Reporter;
    readonly redactor: Redactor;
    readonly parallel: number;
    /** The runtime policies' "now" (ISO). */
    readonly collectedAt: string;
    /** `--evidence`: scanner reports, SBOMs and VEX by digest. */
    readonly evidenceFiles: readonly ImageEvidence[];
    /** `new`: only mandatory findings the previous inspection did not have fail a stack. */
    readonly failOn: "any" | "new";
    /** Earlier inspections, loaded before the run starts (`delta.ts`). */
    readonly baselines: () => ReadonlyMap<string, StackBaseline>;
    readonly loadBaselines: () => Promise<void>;
    readonly version: string;
    /** The Pulumi project the stacks belong to (the consumer's `Pulumi.yaml`), as URNs and stack tags name it. */
    readonly project: string;
}

const UNDEPLOYED_FIX = (env: string, units: readonly string[]): string =>
    `deploy ${units.length === 1 ? "it" : "them"} with \`edf up --env ${env}${units.length ? ` --only ${units.join(" ")}` : ""}\`, or inspect another environment.`;

/**
 * The inspect executor: for each stack, what it declares (its `runtime` output and its state on
 * the environment's backend), what runs (ECS ListTasks/DescribeTasks), what is inside each
 * running image (our own analysis, streamed from its registry), what the scanners say (ECR,
 * Inspector, `--evidence`), judged by the runtime pack with the environment's levels, config and
 * waivers. A stack's status is the run's vocabulary: mandatory findings (or, with
 * `--fail-on new`, new ones) are a policy violation; an image that cannot be analysed fails it.
 */
export class InspectExecutor implements StackExecutor<InspectStackDetail> {
    readonly reverse = false;
    readonly inputs: RunInputs;
    /** Every image analysed, by the digest that runs. */
    readonly analysed = new Map<string, AnalysedImage>();
    /** The runtime policies with their levels in this environment, from the first judgement. */
    readonly policies: PolicySummary[] = [];
    private readonly states = new Map<string, StackState | undefined>();

    constructor(private readonly options: InspectExecutorOptions) {
        this.inputs = {
            prepare: () => this.prepare(),
            forUnit: async () => ({ resolved: [], problems: [] }),
        };
    }

    get parallel(): number {
        return this.options.parallel;
    }

    /** Inspecting one stack never changes what another may do. */
    holdsBack(): boolean {
        return false;
    }

    describe(): string {
        const { plan, policy, reader } = this.options;
        return (
            `inspect ${plan.loaded.spec.environment}: ${plan.selection.length} stack(s), ${this.parallel} at a time; ` +
            `${reader.description}; pack ${policy.pack.name} ${policy.pack.version}` +
            (this.options.failOn === "new" ? "; only new mandatory findings fail" : "")
        );
    }

    stackName(unit: string): string {
        return this.options.reader.stackName(unit);
    }

    idle(): InspectStackDetail {
        return { services: [], findings: [], waivers: { applied: [], expired: [], rejected: [], unused: [] }, notes: [] };
    }

    async close(): Promise<void> {
        this.options.aws.close();
    }

    /** Reads every selected stack's state up front; none deployed is bad input, said before anything else runs. */
    private async prepare(): Promise<void> {
        const { plan, reader } = this.options;
        const limiter = new Limiter(Math.max(2, this.parallel));
        await Promise.all([
            this.options.loadBaselines(),
            ...plan.selection.map((unit) => limiter.run(async () => this.states.set(unit, await reader.read(unit)))),
        ]);
        for (const state of this.states.values())
            for (const output of Object.values(state?.outputs ?? {})) if (output.secret) this.options.redactor.add(output.value);
        const missing = plan.selection.filter((u) => !this.states.get(u));
        if (missing.length === plan.selection.length) {
            const env = plan.loaded.spec.environment;
            throw new EdfError(
                "EDF_NOT_DEPLOYED",
                `No stack of \`${env}\` is deployed on ${reader.description}: there is nothing to inspect.`,
                [
                    ...missing.map((unit) => ({
                        path: unit,
                        message: `stack \`${reader.stackName(unit)}\` does not exist.`,
                        fix: UNDEPLOYED_FIX(env, [unit]),
                    })),
                ],
            );
        }
    }

    async run(unit: string, context: StackContext): Promise<StackExecution<InspectStackDetail>> {
        const { plan, reporter } = this.options;
        const env = plan.loaded.spec.environment;
        const state = this.states.get(unit);
        if (!state)
            return {
                status: "not-deployed",
                attempts: 0,
                reason: `stack \`${this.stackName(unit)}\` is not deployed: ${UNDEPLOYED_FIX(env, [unit])}`,
                detail: this.idle(),
            };
        const declared = declaredServices(state, this.options.project);
        if (declared.problems.length > 0)
            return {
                status: "failed",
                reason: `its \`runtime\` output cannot be read: ${declared.problems.join("; ")}`,
                detail: this.idle(),
            };
        if (declared.services.length === 0)
            return { status: "succeeded", reason: "declares no running service (no `runtime` output)", detail: this.idle() };

        const started = Date.now();
        const problems: string[] = [];
        const notes: string[] = [];
        const running: RunningImage[] = [];
        const images: Record<string, ImageEvidence> = {};
        const tags: Record<string, string> = {};
        const services: ServiceReport[] = [];
        const seen = new Set<string>();
        for (const service of declared.services) {
            const observed = await this.observe(unit, service, problems);
            // One task is one observation, whichever service query returned it (an emulator may ignore the service filter).
            for (const r of observed.running) {
                const key = `${r.family}|${r.container}|${r.digest}|${/task (\S+)$/.exec(r.observedIn ?? "")?.[1] ?? r.observedIn}`;
                if (seen.has(key)) continue;
                seen.add(key);
                running.push(r);
            }
            const containers: ContainerReport[] = [];
            for (const container of service.containers) {
                const targets = await this.targetsOf(service, container, observed.running, tags, problems, context.signal);
                const digests: string[] = [];
                for (const target of targets) {
                    const done = await this.analyse(unit, target, service, started, problems, notes, context.signal);
                    if (!done) continue;
                    digests.push(target.digest);
                    images[target.digest] = {
                        digest: target.digest,
                        repository: target.repository,
                        analysis: analysisEvidence(done.analysis, this.options.version),
                    };
                }
                const mine = observed.running.filter((r) => r.family === service.taskDefinition.family && r.container === container.name);
                const counts = new Map<string, { digest: string; image?: string; tasks: number }>();
                for (const r of mine) {
                    const entry = counts.get(r.digest) ?? { digest: r.digest, ...(r.image ? { image: r.image } : {}), tasks: 0 };
                    entry.tasks++;
                    counts.set(r.digest, entry);
                }
                containers.push({
                    name: container.name,
                    declared: { image: container.image, ...(container.digest ? { digest: container.digest } : {}) },
                    running: [...counts.values()].sort((a, b) => (a.digest < b.digest ? -1 : 1)),
                    unobserved: observed.unobserved.filter((u) => u.container === container.name),
                    images: digests,
                });
            }
            services.push({
                name: service.name,
                cluster: service.cluster,
                service: service.service,
                region: service.region,
                taskDefinition: service.taskDefinition,
                platform: service.platform,
                containers,
            });
        }

        const scanned: ImageEvidence[] = [];
        for (const digest of Object.keys(images)) scanned.push(...(this.analysed.get(digest)?.scans.evidence ?? []));
        for (const digest of Object.keys(images)) notes.push(...(this.analysed.get(digest)?.scans.problems ?? []));
        const files = this.options.evidenceFiles.filter((e) => images[e.digest] || running.some((r) => r.digest === e.digest));
        const evidence: RuntimeEvidence = mergeEvidence(this.options.collectedAt, [
            { running, images, tags },
            ...scanned.map((e) => ({ images: { [e.digest]: e } })),
            ...files.map((e) => ({ images: { [e.digest]: e } })),
        ]);
        const result = await this.judge(unit, declared.taskDefinitions, evidence);
        if (this.policies.length === 0) this.policies.push(...result.policies);
        const baseline = this.options.baselines().get(unit);
        const known = new Set(baseline?.findings.map((f) => f.fingerprint) ?? []);
        const findings: InspectFinding[] = result.findings.map((f) => {
            const fingerprint = fingerprintOf(unit, f);
            return { ...f, fingerprint, new: !known.has(fingerprint) };
        });
        const blocking = findings.filter((f) => isBlocking(f) && (this.options.failOn === "any" || f.new));
        const detail: InspectStackDetail = {
            services,
            findings,
            waivers: result.waivers,
            inspection: {
                evaluations: result.summary.evaluations,
                mandatory: result.summary.mandatory,
                advisory: result.summary.advisory,
                waived: result.summary.waived,
            },
            notes: [...new Set(notes)],
        };
        const imageCount = Object.keys(images).length;
        const summary =
            `${services.length} service(s), ${imageCount} image(s), ${result.summary.mandatory} mandatory, ` +
            `${result.summary.advisory} advisory, ${result.summary.waived} waived` +
            (this.options.failOn === "new" ? `, ${findings.filter((f) => f.new && isBlocking(f)).length} new mandatory` : "");
        reporter.info(`  ${unit.padEnd(20)} inspected: ${summary}`);
        if (problems.length > 0) return { status: "failed", reason: problems.join("; "), detail };
        const status: StackStatus = blocking.length > 0 ? "policy-violation" : "succeeded";
        return { status, reason: summary, detail };
    }

    /** What ECS runs for a service; a failure to ask is a problem of the stack. */
    private async observe(unit: string, service: ServiceRuntime, problems: string[]) {
        try {
            return await fetchEcsRunningImages(this.options.aws.ecs(service.region), {
                cluster: service.cluster,
                service: service.service,
            });
        } catch (error) {
            problems.push(`${unit}/${service.name}: ${(error as Error).message}`);
            return { running: [], unobserved: [] };
        }
    }

    /** The images to analyse for a container: each digest running, else the declared one (a tag resolved now). */
    private async targetsOf(
        service: ServiceRuntime,
        container: ServiceRuntime["containers"][number],
        running: readonly RunningImage[],
        tags: Record<string, string>,
        problems: string[],
        signal: AbortSignal,
    ): Promise<(ImageReference & { digest: string })[]> {
        const where = `${service.name}/${container.name}`;
        let declared: ImageReference;
        try {
            declared = parseImageReference(container.image);
        } catch (error) {
            problems.push(`${where}: ${(error as Error).message}`);
            return [];
        }
        const mine = running.filter((r) => r.family === service.taskDefinition.family && r.container === container.name);
        const out = new Map<string, ImageReference & { digest: string }>();
        for (const r of mine) {
            if (out.has(r.digest)) continue;
            let ref = declared;
            try {
                if (r.image) ref = parseImageReference(r.image);
            } catch {
                // ECS reported a reference we cannot parse: the declared repository is where the digest lives.
            }
            out.set(r.digest, { ...ref, digest: r.digest });
        }
        if (out.size > 0) return [...out.values()];
        if (declared.digest) return [{ ...declared, digest: declared.digest }];
        try {
            const digest = await this.options.images.resolveTag(declared, signal);
            tags[container.image] = digest;
            return [{ ...declared, digest }];
        } catch (error) {
            problems.push(`${where}: ${error instanceof ImageError ? `${error.code}: ` : ""}${(error as Error).message}`);
            return [];
        }
    }

    /** Analyses one image (once per run) and reads its scanners; progress as it goes. */
    private async analyse(
        unit: string,
        target: ImageReference & { digest: string },
        service: ServiceRuntime,
        started: number,
        problems: string[],
        notes: string[],
        signal: AbortSignal,
    ): Promise<AnalysedImage | undefined> {
        const { reporter } = this.options;
        const label = `${target.registry}/${target.repository}@${shortDigest(target.digest)}`;
        const onProgress = (p: ImageProgress): void => {
            const mb = (n: number): string => (n / 1e6).toFixed(1);
            const detail =
                p.phase === "layers"
                    ? `${label}: layer ${Math.min(p.layersDone + 1, p.layers)}/${p.layers}, ${mb(p.bytesRead)} of ${mb(p.bytes)} MB`
                    : `${label}: ${p.phase === "manifest" ? "reading the manifest" : p.phase === "catalog" ? "cataloguing" : "done"}`;
            reporter.progress({
                unit,
                status: "running",
                elapsedMs: Date.now() - started,
                resourcesDone: p.layersDone,
                resourcesInFlight: 0,
                attempt: 1,
                detail,
            });
        };
        let analysis: ImageAnalysis;
        try {
            analysis = await this.options.images.analyze(target, service.platform, onProgress, signal);
        } catch (error) {
            if (signal.aborted) throw error;
            problems.push(`${error instanceof ImageError ? `${error.code}: ` : ""}${(error as Error).message}`);
            return undefined;
        }
        let done = this.analysed.get(target.digest);
        if (!done) {
            const scans = analysis.integrity.length
                ? { evidence: [], problems: [] }
                : await collectScans(this.options.aws, target, analysis.manifestDigest, target.digest);
            done = { analysis, scans };
            this.analysed.set(target.digest, done);
            const what = analysis.integrity.length
                ? `REFUSED: ${analysis.integrity[0]!.message}`
                : `${analysis.layers.length} layer(s), ${(analysis.sizeBytes / 1e6).toFixed(1)} MB, ${analysis.packages.length} package(s)` +
                  (analysis.os ? `, ${analysis.os.prettyName ?? analysis.os.id}` : "");
            reporter.info(`  ${unit.padEnd(20)} analysed ${label}: ${what}`);
        }
        notes.push(...analysis.notes.map((n) => `${label}: ${n}`));
        return done;
    }

    /** The runtime pack over the stack's task definitions, with the environment's settings and this evidence. */
    private judge(unit: string, taskDefinitions: Parameters<typeof inspect>[0]["resources"], evidence: RuntimeEvidence) {
        const { policy } = this.options;
        const stack = this.stackName(unit);
        return inspect({
            policies: policy.policies,
            resources: taskDefinitions,
            environment: policy.environment,
            stack: {
                name: stack,
                project: this.options.project,
                tags: { "pulumi:project": this.options.project, "pulumi:runtime": "nodejs", "edf:environment": policy.environment },
            },
            enforcement: policy.enforcement,
            waivers: policy.waivers,
            config: runtimeEvidenceConfig(evidence, `inspect evidence of ${stack}`, policy.config),
            now: decisionTime(policy.date),
            pack: { name: policy.pack.name, version: policy.pack.version },
        });
    }
}
