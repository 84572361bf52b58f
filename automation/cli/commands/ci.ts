import { EdfError } from "../../errors";
import { CliCommand, EXIT_CODES } from "../context";

interface InitFlags {
    provider: string;
    protected?: string[];
    fanOut: string;
    branch: string;
    force?: boolean;
}

interface PlanFlags {
    env: string;
    base?: string;
    levels: string;
    maxJobs: string;
    githubOutput?: string;
}

const FAN_OUT = ["auto", "always", "never"] as const;

function wholeNumber(value: string, flag: string): number {
    if (!/^\d+$/.test(value) || Number(value) < 1) {
        throw new EdfError("EDF_USAGE", `\`${flag}\` must be a whole number of at least 1, not \`${value}\`.`, [
            { path: flag, message: `invalid value \`${value}\``, fix: `pass e.g. \`${flag} 4\`.` },
        ]);
    }
    return Number(value);
}

/** `edf ci init` (write the repository's pipeline) and `edf ci plan` (the job matrix of a fanned-out deploy). */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            const group = program.command("ci").description("generate and drive CI pipelines");
            group
                .command("init")
                .description("write the pipeline: pull requests (validate, synth, SARIF, preview, comment), deploys, a schedule")
                .option("--provider <name>", "github (GitHub Actions workflows) or shell (an entry point any CI system can call)", "github")
                .option(
                    "--protected <environments...>",
                    "environments whose deploys wait for reviewers (default: prod, production and the organisation's)",
                )
                .option(
                    "--fan-out <when>",
                    `deploy over the job matrix, level by level: ${FAN_OUT.join(" | ")} (auto: above 40 stacks)`,
                    "auto",
                )
                .option("--branch <name>", "the branch pull requests target and deploys run from", "main")
                .option("--force", "replace files edited since `edf ci init` wrote them")
                .action(async (flags: InitFlags) => {
                    const ctx = context();
                    const { ciInit, CI_PROVIDERS } = await import("../../ci/init");
                    if (!(CI_PROVIDERS as readonly string[]).includes(flags.provider)) {
                        throw new EdfError(
                            "EDF_USAGE",
                            `\`--provider\` must be one of ${CI_PROVIDERS.join(", ")}, not \`${flags.provider}\`.`,
                            [
                                {
                                    path: "--provider",
                                    message: `unknown provider \`${flags.provider}\``,
                                    fix: "use `github`, or `shell` for any other CI system (GitLab CI, Jenkins, …: docs/pipelines.md).",
                                },
                            ],
                        );
                    }
                    if (!(FAN_OUT as readonly string[]).includes(flags.fanOut)) {
                        throw new EdfError("EDF_USAGE", `\`--fan-out\` must be one of ${FAN_OUT.join(", ")}, not \`${flags.fanOut}\`.`, [
                            { path: "--fan-out", message: `unknown value \`${flags.fanOut}\``, fix: "use `auto`, `always` or `never`." },
                        ]);
                    }
                    const result = ciInit({
                        projectRoot: ctx.projectRoot,
                        provider: flags.provider as "github" | "shell",
                        fanOut: flags.fanOut as (typeof FAN_OUT)[number],
                        branch: flags.branch,
                        force: Boolean(flags.force),
                        inspect: program.commands.some((c) => c.name() === "inspect"),
                        ...(flags.protected ? { protected: flags.protected.flatMap((p) => p.split(",")).filter(Boolean) } : {}),
                    });
                    for (const warning of result.project.warnings) ctx.reporter.warn(warning);
                    const environments = result.project.environments
                        .map(
                            (e) =>
                                `${e.name} (${e.stacks} stacks${e.fanOut ? `, fanned out over ${e.depth} level(s)` : ""}${e.protected ? ", protected" : ""})`,
                        )
                        .join(", ");
                    const lines = result.files.map((f) => `  ${f.action.padEnd(11)} ${f.path}`);
                    ctx.reporter.result(
                        {
                            provider: result.provider,
                            environments: result.project.environments,
                            files: result.files,
                            warnings: result.project.warnings,
                        },
                        [
                            `edf ci init --provider ${result.provider}: ${environments}`,
                            ...lines,
                            "Next: docs/pipelines.md (repository variables, environments, reviewers).",
                        ].join("\n"),
                    );
                    ctx.exit(EXIT_CODES.ok);
                });
            group
                .command("plan")
                .description("plan a fanned-out deploy: the affected stacks by level, cut into job batches")
                .requiredOption("-e, --env <name|file>", "environment name (environments/<name>.yaml) or spec file")
                .option("--base <ref>", "deploy only what changed since this commit (default: every stack)")
                .requiredOption("--levels <n>", "level jobs the pipeline has")
                .option("--max-jobs <n>", "batches per level at most", "16")
                .option("--github-output <file>", "append the plan as GitHub Actions step outputs (level-<n>=<JSON>)")
                .action(async (flags: PlanFlags) => {
                    const ctx = context();
                    const { fanOutPlan, writeGithubOutput } = await import("../../ci/fan-out");
                    const { sourceMemoFile } = await import("../../fingerprint/affected");
                    const plan = fanOutPlan({
                        env: flags.env,
                        projectRoot: ctx.projectRoot,
                        ...(flags.base !== undefined ? { base: flags.base } : {}),
                        levels: wholeNumber(flags.levels, "--levels"),
                        maxJobs: wholeNumber(flags.maxJobs, "--max-jobs"),
                        memoFile: sourceMemoFile(),
                        progress: (message) => ctx.reporter.info(message),
                    });
                    if (plan.collapsed) ctx.reporter.warn(plan.collapsed);
                    if (flags.githubOutput) writeGithubOutput(plan, flags.githubOutput);
                    const human = plan.levels
                        .map((level, i) => `level ${i}: ${level.length ? level.map((b) => `[${b.units}]`).join(" ") : "(nothing)"}`)
                        .join("\n");
                    ctx.reporter.result(plan, `${plan.environment}: ${plan.stacks} stack(s) to deploy\n${human}`);
                    ctx.exit(EXIT_CODES.ok);
                });
        },
    },
];
