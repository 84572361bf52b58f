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
import { InspectExecutor, InspectStackDetail } from "./inspect/executor";
import { InspectHistory, PastInspection, RunFolderHistory } from "./inspect/history";
import { ImageAnalyses } from "./inspect/images";
import { Registries } from "./inspect/registries";
import { inspectReport } from "./inspect/report/build";
import type { InspectReport } from "./inspect/report/model";
import { InspectPublisher, InspectReportFiles, writeInspectReports } from "./inspect/report/write";
import { decisionTime, EnvironmentPolicy, resolveRuntimePolicy } from "./policy/environment-policy";
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
            const historyStore = options.history ?? new RunFolderHistory(edfHome);
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
    for (const publisher of options.publishers ?? []) await publisher.publish(report, executor!.analysed);
    return { report, files, durationMs: Date.now() - started };
}
