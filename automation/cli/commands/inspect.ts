import { EdfError } from "../../errors";
import { CliCommand, environmentOptions, parseParallel, selectionOf } from "../context";
import { handleInterrupts } from "../interrupts";
import { parsePublishTargets, STATE_VARIABLE, TOPIC_VARIABLE } from "../../inspect/publish-targets";

interface InspectCliOptions {
    env: string;
    only?: string[];
    withDependencies?: boolean;
    withDependents?: boolean;
    parallel?: string;
    evidence?: string[];
    waivers?: string[];
    date?: string;
    failOn?: string;
    publish?: string[];
    state?: string;
}

function parseFailOn(value: string | undefined): "any" | "new" {
    if (value === undefined || value === "any" || value === "new") return value ?? "any";
    throw new EdfError("EDF_USAGE", `\`--fail-on\` is \`any\` or \`new\`, not \`${value}\`.`, [
        { path: "--fail-on", message: `invalid value \`${value}\``, fix: "pass `--fail-on new` for a nightly job, or leave it out." },
    ]);
}

/** `edf inspect`: what runs in an environment and what is inside it, judged by the runtime pack; reports in a run folder. */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            environmentOptions(
                program
                    .command("inspect")
                    .description(
                        "inspect what runs: declared vs running images (ECS), each image analysed from its registry (inventory, SBOM, " +
                            "facts), scanner findings, judged by the runtime pack; JSON/SARIF/Markdown/HTML reports and the delta",
                    ),
            )
                .option("-p, --parallel <n>", "stacks inspected at once, and images analysed at once (default 4)")
                .option(
                    "--evidence <files...>",
                    "Trivy or Grype JSON reports, CycloneDX SBOMs and VEX documents to merge in, by image digest",
                )
                .option(
                    "--waivers <files...>",
                    "waiver files (YAML/JSON) for the runtime pack, on top of the spec's `inspect.policy.waivers`",
                )
                .option(
                    "--date <YYYY-MM-DD>",
                    "the day verdicts are decided for: waivers, enforce-after dates, vulnerability ages, end of life (default: now)",
                )
                .option(
                    "--fail-on <any|new>",
                    "`new`: only mandatory findings the previous inspection did not have fail the run (default: any)",
                )
                .option(
                    "--publish <targets...>",
                    `send the findings on: \`securityhub\` (ASFF, resolved findings archived); with ${TOPIC_VARIABLE} set, a summary of new mandatory findings to that SNS topic`,
                )
                .option(
                    "--state <location>",
                    `where the inspection state is kept between runs (history for the delta, what was published): s3://<bucket>/<prefix> or a folder (default: $${STATE_VARIABLE}, else <home>/inspection-state/<env> when publishing)`,
                )
                .action(async (options: InspectCliOptions) => {
                    const ctx = context();
                    const failOn = parseFailOn(options.failOn);
                    const targets = parsePublishTargets(options.publish);
                    const selection = selectionOf(options);
                    const parallel = options.parallel ? parseParallel(options.parallel) : undefined;
                    const interrupts = handleInterrupts(ctx.reporter);
                    // Loaded here: the automation API and the AWS SDK are heavy, and `validate`/`graph` never need them.
                    const { inspectEnvironment } = await import("../../inspection");
                    const { displayPath } = await import("../../run/report/write");
                    try {
                        const run = await inspectEnvironment({
                            ...selection,
                            env: options.env,
                            projectRoot: ctx.projectRoot,
                            edfHome: ctx.edfHome,
                            reporter: ctx.reporter,
                            ...(parallel ? { parallel } : {}),
                            evidenceFiles: options.evidence ?? [],
                            waiverFiles: options.waivers ?? [],
                            ...(options.date ? { date: options.date } : {}),
                            failOn,
                            publication: { targets, ...(options.state !== undefined ? { state: options.state } : {}) },
                            signal: interrupts.signal,
                        });
                        const r = run.report;
                        const s = r.summary;
                        const verdict =
                            r.outcome === "passed"
                                ? "passed"
                                : r.outcome === "policy-violation"
                                  ? `FAILED: ${r.failOn === "new" ? "new " : ""}mandatory policy violations`
                                  : r.outcome === "interrupted"
                                    ? "INTERRUPTED"
                                    : "FAILED: stacks could not be inspected";
                        const human = [
                            "",
                            `inspect ${r.environment}: ${verdict} — ${s.services} service(s), ${s.images} image(s), ${s.packages} package(s); ` +
                                `${s.mandatory} mandatory, ${s.advisory} advisory, ${s.waived} waived finding(s); ` +
                                `${s.newFindings} new, ${s.resolvedFindings} resolved, ${s.newDigests} new digest(s)` +
                                (s.failed + s.notDeployed ? `; ${s.failed} failed, ${s.notDeployed} not deployed` : "") +
                                ` in ${(run.durationMs / 1000).toFixed(1)}s (exit ${r.exitCode})`,
                            `reports: ${displayPath(run.files.dir)}/`,
                            `  report.html   open in a browser: services, images, inventories, findings`,
                            `  summary.md    report.json    report.sarif    sbom/ (${run.files.sboms.length} CycloneDX 1.6)`,
                        ].join("\n");
                        ctx.reporter.result(
                            {
                                command: r.command,
                                environment: r.environment,
                                outcome: r.outcome,
                                exitCode: r.exitCode,
                                summary: r.summary,
                                delta: {
                                    newFindings: r.delta.newFindings.length,
                                    resolvedFindings: r.delta.resolvedFindings.length,
                                    newDigests: r.delta.newDigests,
                                },
                                stacks: r.stacks.map((st) => ({
                                    unit: st.unit,
                                    stack: st.stack,
                                    status: st.status,
                                    services: st.services.length,
                                    ...(st.inspection
                                        ? {
                                              mandatory: st.inspection.mandatory,
                                              advisory: st.inspection.advisory,
                                              waived: st.inspection.waived,
                                          }
                                        : {}),
                                    ...(st.reason ? { reason: st.reason } : {}),
                                })),
                                runDir: run.files.dir,
                                files: run.files,
                                durationMs: run.durationMs,
                            },
                            human,
                        );
                        ctx.exit(r.exitCode);
                    } finally {
                        interrupts.dispose();
                    }
                });
        },
    },
];
