import * as path from "path";
import type { PulumiCommand } from "@pulumi/pulumi/automation";
import { inspect } from "../policy-packs/lib/inspect";
import type { DeploymentDocument } from "../policy-packs/lib/state";
import { resolveUnitProgramPath } from "../unit/load";
import { version as EDF_VERSION } from "../package.json";
import { resolveBackend } from "./backend/backend";
import { CliProcesses, isolatedPulumiCommand } from "./engine/pulumi-command";
import { EnvironmentStacks } from "./engine/workspace";
import { EdfError } from "./errors";
import type { SelectionOptions } from "./graph/graph";
import { DEFAULT_MAX_IMAGE_BYTES } from "./image/analyze";
import { AwsClients, defaultAwsClients } from "./inspect/aws";
import { baselines, StackBaseline } from "./inspect/delta";
import { loadEvidenceFiles } from "./inspect/evidence-files";
import { AnalysedImage, InspectExecutor, InspectStackDetail } from "./inspect/executor";
import { InspectHistory, PastInspection, RunFolderHistory } from "./inspect/history";
import { ImageAnalyses } from "./inspect/images";
import { Registries } from "./inspect/registries";
import { inspectReport } from "./inspect/report/build";
import type { InspectReport } from "./inspect/report/model";
import { InspectPublisher, InspectReportFiles, writeInspectReports } from "./inspect/report/write";
import { Publication, PublicationRequest, preparePublication } from "./inspect/publication";
import { decisionTime, EnvironmentPolicy, resolveRuntimePolicy } from "./policy/environment-policy";
import type { Redactor } from "./redact";
import type { Reporter } from "./reporter";
import { executeEnvironmentRun } from "./run/environment-run";
import type { StackStateReader } from "./run/stack-state";
import { projectName } from "../unit/project";

/** Stacks (and images) at once unless `--parallel` says otherwise. */
export const DEFAULT_INSPECT_PARALLEL = 4;

export interface InspectOptions extends SelectionOptions {
    /** Environment name (`environments/<env>.yaml`) or spec file. */
    readonly env: string;
    readonly projectRoot: string;
    readonly reporter: Reporter;
    /** Backend, runs and work folders. @default - `<projectRoot>/.edf` */
    readonly edfHome?: string;
    /** Stacks inspected at once, and images analysed at once. @default 4 */
    readonly parallel?: number;
    /** `--evidence`: Trivy/Grype reports, CycloneDX SBOMs and VEX documents. @default [] */
    readonly evidenceFiles?: readonly string[];
    /** Waiver files for the runtime pack, on top of the spec's `inspect.policy.waivers`. @default [] */
    readonly waiverFiles?: readonly string[];
    /** The day verdicts are decided for (YYYY-MM-DD); also the runtime policies' "now" when given. @default - today, now */
    readonly date?: string;
    /** `new`: only mandatory findings the previous inspection did not have fail the run. @default "any" */
    readonly failOn?: "any" | "new";
    /** Aborting starts no new stack and cancels image downloads; the run ends `interrupted` (exit 130). */
    readonly signal?: AbortSignal;
    /** @default process.env */
    readonly environment?: NodeJS.ProcessEnv;
    /** A preconfigured Pulumi CLI (tests). @default - `pulumi` on PATH */
    readonly pulumiCommand?: PulumiCommand;
    /** @default - the AWS SDK's default chain, per region */
    readonly aws?: AwsClients;
    /** Where earlier inspections are. @default - the run folders under `edfHome` */
    readonly history?: InspectHistory;
    /** Where the report goes besides the run folder. @default [] */
    readonly publishers?: readonly InspectPublisher[];
    /**
     * `--publish` and `--state`: findings to Security Hub, the inspection state (history, what was
     * published and notified) in a bucket or folder; `EDF_INSPECTION_TOPIC_ARN` adds notifications.
     * @default - publish nothing; the run folders are the history
     */
    readonly publication?: PublicationRequest;
}

/** What an inspect run produced. */
export interface InspectRun {
    readonly report: InspectReport;
    readonly files: InspectReportFiles;
    readonly durationMs: number;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads deployed stacks through the engine's workspaces: `pulumi stack output` and `pulumi stack export` (secrets stay encrypted). */
function engineStateReader(
    stacks: EnvironmentStacks,
    unitPath: (unit: string) => string,
    stackName: (unit: string) => string,
    description: string,
): StackStateReader {
    return {
        description,
        stackName,
        read: async (unit) => {
            const stack = await stacks.open(unit, unitPath(unit), false);
            if (!stack) return undefined;
            const [outputs, deployment] = await Promise.all([stack.outputs(), stack.exportStack()]);
            return { stack: stack.name, outputs, deployment: deployment as unknown as DeploymentDocument };
        },
    };
}

/**
 * `edf inspect`: the environment run with the inspect executor. For every selected stack: what
 * it declares (outputs and state on the backend), what runs (ECS), what is inside each running
 * image (analysed from its registry, every digest verified), what the scanners say, judged by
 * the runtime pack with the environment's settings from the policy module. Writes the reports,
 * SBOMs and the delta against the previous inspection into the run folder. Bad input (spec,
 * selection, `--evidence`, policy settings, nothing deployed) throws an `EdfError` before any
 * image is read.
 */
export async function inspectEnvironment(options: InspectOptions): Promise<InspectRun> {
    const started = Date.now();
    const env = options.environment ?? process.env;
    const edfHome = options.edfHome ?? path.join(options.projectRoot, ".edf");
    if (options.date !== undefined && (!ISO_DAY.test(options.date) || Number.isNaN(Date.parse(`${options.date}T00:00:00Z`)))) {
        throw new EdfError("EDF_USAGE", `\`--date\` must be a day as YYYY-MM-DD, not \`${options.date}\`.`, [
            { path: "--date", message: `invalid date \`${options.date}\``, fix: "pass e.g. `--date 2026-11-27`." },
        ]);
    }
    const evidenceFiles = loadEvidenceFiles(options.evidenceFiles ?? [], process.cwd(), options.projectRoot);
    const collectedAt = options.date ? `${options.date}T12:00:00.000Z` : new Date().toISOString();
    const failOn = options.failOn ?? "any";
    const parallel = options.parallel ?? DEFAULT_INSPECT_PARALLEL;
    const aws = options.aws ?? defaultAwsClients();
    let executor: InspectExecutor | undefined;
    let policy: EnvironmentPolicy | undefined;
    let backendDescription = "";
    let history: PastInspection[] = [];
    let stackBaselines = new Map<string, StackBaseline>();
    let publication: Publication | undefined;
    let historyOf: InspectHistory | undefined;
    const run = await executeEnvironmentRun<InspectStackDetail>(
        {
            ...options,
            command: "inspect",
            edfHome,
            ...(options.date ? { policy: { date: options.date } } : {}),
            preflight: { programs: false, policy: false },
            nothingDone: "nothing was inspected",
        },
        async (plan, { redactor }) => {
            const spec = plan.loaded.spec;
            policy = resolveRuntimePolicy(plan.loaded, options.projectRoot, {
                ...(options.date ? { date: options.date } : {}),
                extraWaiverFiles: options.waiverFiles ?? [],
            });
            // Checked before any stack is inspected: a bad target, state or missing credentials changes nothing.
            publication = await preparePublication(options.publication ?? { targets: [] }, {
                environment: spec.environment,
                edfHome,
                env,
                reporter: options.reporter,
            });
            const backend = resolveBackend(spec.backend, { projectRoot: options.projectRoot, edfHome, env, redactor });
            backendDescription = backend.description;
            const command = await isolatedPulumiCommand(new CliProcesses(), options.pulumiCommand);
            const stacks = new EnvironmentStacks(spec.environment, backend, edfHome, command);
            const registries = new Registries(spec.inspect?.registries ?? {}, {
                environment: env,
                ecr: (region) => aws.ecr(region),
                onSecret: (value) => redactor.add(value),
            });
            const maxImageBytes = spec.inspect?.maxImageMegabytes ? spec.inspect.maxImageMegabytes * 1e6 : DEFAULT_MAX_IMAGE_BYTES;
            const historyStore = options.history ?? publication?.history ?? new RunFolderHistory(edfHome);
            historyOf = historyStore;
            executor = new InspectExecutor({
                plan,
                policy,
                project: projectName(options.projectRoot),
                reader: engineStateReader(
                    stacks,
                    (unit) => spec.units[unit]!.path,
                    (unit) => backend.stackName(spec.environment, unit),
                    backend.description,
                ),
                aws,
                images: new ImageAnalyses(registries, { parallel, maxImageBytes }),
                reporter: options.reporter,
                redactor,
                parallel,
                collectedAt,
                evidenceFiles,
                failOn,
                baselines: () => stackBaselines,
                loadBaselines: async () => {
                    history = await historyStore.previous(spec.environment);
                    stackBaselines = baselines(history);
                },
                version: EDF_VERSION,
            });
            return executor;
        },
    );
    // No stack was judged (none declares a service): the policies' levels still belong in the report.
    const policies = executor!.policies.length
        ? executor!.policies
        : (
              await inspect({
                  policies: policy!.policies,
                  resources: [],
                  environment: policy!.environment,
                  enforcement: policy!.enforcement,
                  now: decisionTime(policy!.date),
              })
          ).policies;
    const report = inspectReport(run, {
        policy: policy!,
        policies,
        analysed: executor!.analysed,
        backend: backendDescription,
        collectedAt,
        failOn,
        baselines: stackBaselines,
        history,
    });
    const folder = run.runFolder!;
    const programOf = (unit: string): string => {
        try {
            return path.relative(options.projectRoot, resolveUnitProgramPath(run.plan.loaded.spec.units[unit]!.path, options.projectRoot));
        } catch {
            return run.plan.loaded.spec.units[unit]!.path;
        }
    };
    const files = writeInspectReports(folder, report, executor!.analysed, { programOf, version: EDF_VERSION });
    try {
        await publish(report, folder.dir, run.redactor, executor!.analysed, historyOf!, [
            ...(options.publishers ?? []),
            ...(publication?.publishers ?? []),
        ]);
    } finally {
        publication?.close();
    }
    return { report, files, durationMs: Date.now() - started };
}

/**
 * After the run folder is written: the run is recorded in its history (the next run's delta) and
 * handed to each publisher, every text scrubbed of the run's secrets first. An interrupted run
 * publishes nothing (the next run settles everything). A publisher that fails stops with
 * `EDF_PUBLISH_FAILED`, naming the run folder: the reports are there, the next run retries.
 */
async function publish(
    report: InspectReport,
    runDir: string,
    redactor: Redactor,
    analysed: ReadonlyMap<string, AnalysedImage>,
    history: InspectHistory,
    publishers: readonly InspectPublisher[],
): Promise<void> {
    if (report.outcome === "interrupted") return;
    const scrubbed = JSON.parse(redactor.scrub(JSON.stringify(report))) as InspectReport;
    const failures: string[] = [];
    try {
        await history.record(scrubbed, path.basename(runDir));
    } catch (error) {
        failures.push(`recording the run in ${history.description}: ${(error as Error).message}`);
    }
    for (const publisher of publishers) {
        try {
            await publisher.publish(scrubbed, analysed);
        } catch (error) {
            const code = (error as { code?: string }).code;
            failures.push(`${publisher.constructor.name}: ${code ? `${code}: ` : ""}${redactor.scrub((error as Error).message)}`);
        }
    }
    if (failures.length > 0) {
        throw new EdfError("EDF_PUBLISH_FAILED", `The inspection ran, but publishing it failed; the reports are in ${runDir}.`, [
            ...failures.map((message) => ({ message, fix: "fix the cause and run again: the next run re-sends everything it must." })),
        ]);
    }
}
