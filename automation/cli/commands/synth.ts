import { EdfError } from "../../errors";
import { affectedOption, commandSelection } from "../affected-selection";
import { CliCommand, environmentOptions, parseParallel } from "../context";
import { terminalFindings } from "../../run/report/findings";
import { flatFindings } from "../findings-json";
import { handleInterrupts } from "../interrupts";
import type { StackEvaluator } from "../../synth/pool";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is plain JavaScript (it must load before any TypeScript)
const { register: registerTranspileCache } = require("../../loader/ts-cache") as { register(): void };

interface SynthCliOptions {
    env: string;
    only?: string[];
    withDependencies?: boolean;
    withDependents?: boolean;
    parallel?: string;
    inputs?: string;
    liveInputs?: boolean;
    waivers?: string[];
    date?: string;
    affected?: string;
    cache: boolean;
    watch?: boolean;
}

/** `edf synth`: the environment evaluated offline under mocks and inspected; reports in a run folder. */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            const command = environmentOptions(
                program
                    .command("synth")
                    .description(
                        "evaluate every unit offline under Pulumi mocks, inspect it with the " +
                            "environment's policies, write JSON/SARIF/Markdown/HTML reports",
                    ),
            )
                .option(
                    "-p, --parallel <n>",
                    "stacks evaluated at once: this process and n-1 worker threads (default: one per core the load leaves free, at most 4)",
                )
                .option("--inputs <file>", "sample inputs for Vault/Consul/env inputs (default: environments/samples/<env>.yaml)")
                .option(
                    "--live-inputs",
                    "read Vault and Consul inputs from the servers in the spec's `injectors` instead of the sample file",
                )
                .option("--waivers <files...>", "waiver files (YAML/JSON) to apply")
                .option("--date <YYYY-MM-DD>", "the day verdicts are decided for: waiver expiry, enforce-after dates (default: today, UTC)")
                .option("--no-cache", "evaluate and inspect every stack: neither read nor write the synth cache (<home>/cache/synth)")
                .option(
                    "--watch",
                    "stay running: synthesize again on each change of a project file, the SDK loaded and the cache warm (Ctrl-C stops)",
                );
            affectedOption(command).action(async (options: SynthCliOptions) => {
                const ctx = context();
                // This process evaluates stacks too: load the rest of its TypeScript (programs,
                // policies) through synth's transpile cache rather than compiling it again.
                registerTranspileCache();
                if (options.watch && (options.affected || !options.cache)) {
                    throw new EdfError("EDF_USAGE", "`--watch` takes neither `--affected` nor `--no-cache`.", [
                        {
                            path: "--watch",
                            message: "a watch re-synthesizes what each change affects through the synth cache",
                            fix: "drop `--affected`/`--no-cache`, or `--watch`.",
                        },
                    ]);
                }
                if (options.inputs && options.liveInputs) {
                    throw new EdfError("EDF_USAGE", "`--inputs` and `--live-inputs` exclude each other.", [
                        { path: "--inputs", message: "both a sample file and live servers were asked for", fix: "drop one of them." },
                    ]);
                }
                // With `--affected`, the units that changed since the ref and the upstream units
                // they read (unchanged ones come from the cache).
                const selection = await commandSelection(ctx, options, { withDependencies: true });
                if (!selection) {
                    ctx.reporter.result(
                        {
                            command: "synth",
                            environment: options.env,
                            affectedSince: options.affected,
                            outcome: "passed",
                            exitCode: 0,
                            stacks: [],
                            findings: [],
                        },
                        `synth ${options.env}: nothing is affected since \`${options.affected}\`: nothing to synthesize (exit 0)`,
                    );
                    ctx.exit(0);
                    return;
                }
                // Interrupts go through the one handler every command uses: the run stops starting
                // stacks and ends `interrupted` (exit 130), as an interrupted `up` does.
                const interrupts = handleInterrupts(ctx.reporter);
                // Loaded after the signal handlers: the synth library loads the Pulumi SDK.
                const { synthEnvironment } = await import("../../synth/synth");
                const { displayPath } = await import("../../run/report/write");
                const { writeSynthReportsOverlapped } = await import("../../synth/write");
                const watch = options.watch ? await import("../../synth/watch") : undefined;
                // Before the first round loads any program: what the driver itself runs on (see forgetChangedModules).
                const driver = watch?.driverModules();
                // A watch keeps each unit's fingerprint while nothing it was computed from changed.
                const keptFingerprints = watch?.keptFingerprints();
                const round = async (evaluator?: StackEvaluator): Promise<number> => {
                    const run = await synthEnvironment({
                        env: options.env,
                        projectRoot: ctx.projectRoot,
                        reporter: ctx.reporter,
                        ...selection,
                        cache: options.cache,
                        ...(options.parallel ? { parallel: parseParallel(options.parallel) } : {}),
                        ...(options.inputs ? { samplesFile: options.inputs } : {}),
                        liveInputs: Boolean(options.liveInputs),
                        waiverFiles: options.waivers ?? [],
                        ...(options.date ? { date: options.date } : {}),
                        signal: interrupts.signal,
                        stackTraces: ctx.debug,
                        edfHome: ctx.edfHome,
                        ...(evaluator ? { evaluator } : {}),
                        ...(keptFingerprints ? { keptFingerprints } : {}),
                    });
                    const files = await writeSynthReportsOverlapped(run, ctx.edfHome);
                    const r = run.report;
                    const s = r.summary;
                    const verdict =
                        r.outcome === "passed"
                            ? "passed"
                            : r.outcome === "policy-violation"
                              ? "FAILED: mandatory policy violations"
                              : "FAILED: stacks did not synthesize";
                    const human = [
                        ...terminalFindings(r, `${displayPath(files.dir)}/report.html`).map((l, i) => (i === 0 ? `\n${l}` : l)),
                        "",
                        `synth ${r.environment}: ${verdict} — ${s.stacks} stack(s), ` +
                            `${s.resources} resources, ${s.mandatory} mandatory, ${s.advisory} ` +
                            `advisory, ${s.waived} waived finding(s)` +
                            (s.failed + s.skipped ? `, ${s.failed} failed, ${s.skipped} skipped` : "") +
                            ` in ${(run.timings.totalMs / 1000).toFixed(1)}s (exit ${r.exitCode})`,
                        ...(r.cache
                            ? [
                                  `synth cache: ${r.cache.reused} of ${s.stacks} stack(s) reused ` +
                                      `(${r.cache.inspectionsReused} with their inspection), ${r.cache.evaluated} evaluated`,
                              ]
                            : []),
                        `reports: ${displayPath(files.dir)}/`,
                        `  report.html   open in a browser: graph, findings, inventories`,
                        `  summary.md    report.json    report.sarif`,
                    ].join("\n");
                    ctx.reporter.result(
                        {
                            command: r.command,
                            environment: r.environment,
                            outcome: r.outcome,
                            exitCode: r.exitCode,
                            summary: r.summary,
                            stacks: r.stacks.map((st) => ({
                                unit: st.unit,
                                stack: st.stack,
                                status: st.status,
                                resources: st.resourceCounts.total,
                                ...(st.inspection
                                    ? {
                                          mandatory: st.inspection.mandatory,
                                          advisory: st.inspection.advisory,
                                          waived: st.inspection.waived,
                                      }
                                    : {}),
                                ...(st.cached ? { cached: st.cached } : {}),
                                ...(st.reason ? { reason: st.reason } : {}),
                            })),
                            findings: flatFindings(r),
                            ...(r.cache ? { cache: r.cache } : {}),
                            runDir: files.dir,
                            files,
                            durationMs: run.timings.totalMs,
                        },
                        human,
                    );
                    return r.exitCode;
                };
                try {
                    const code = await round();
                    ctx.exit(
                        watch && driver
                            ? await watch.watchRounds({
                                  projectRoot: ctx.projectRoot,
                                  edfHome: ctx.edfHome,
                                  signal: interrupts.signal,
                                  reporter: ctx.reporter,
                                  driver,
                                  round,
                              })
                            : code,
                    );
                } finally {
                    interrupts.dispose();
                }
            });
        },
    },
];
