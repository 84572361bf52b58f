import { formatProblem } from "../../errors";
import { CliCommand, environmentOptions, EXIT_CODES, selectionOf } from "../context";

/**
 * `edf validate`: the contract of every command that runs stacks. It checks what synth, preview
 * and up check before they run anything (spec, graph, policy settings and waivers against the
 * pack, unit programs, the pack) and fails exactly when they would; the runtime pack's settings
 * (`inspect.policy`) as `edf inspect` checks them. Deploys and writes nothing.
 */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            environmentOptions(
                program
                    .command("validate")
                    .description("check an environment spec as synth, preview and up would before running anything (changes nothing)"),
            ).action(async (options: { env: string; only?: string[]; withDependencies?: boolean; withDependents?: boolean }) => {
                const ctx = context();
                // Loaded when the command runs: `edf --help` and the other commands never pay for it.
                const { validateEnvironment } = await import("../../plan");
                const { plan, warnings } = validateEnvironment(options.env, ctx.projectRoot, selectionOf(options));
                for (const warning of warnings) {
                    ctx.reporter.warn(formatProblem(warning));
                }
                const { spec } = plan.loaded;
                ctx.reporter.result(
                    { valid: true, environment: spec.environment, spec: plan.loaded.file, units: plan.selection, warnings },
                    `${plan.loaded.file}: valid — environment \`${spec.environment}\`, ${plan.selection.length} unit(s) in order: ${plan.selection.join(" → ")}${
                        warnings.length ? ` (${warnings.length} warning(s))` : ""
                    }`,
                );
                ctx.exit(EXIT_CODES.ok);
            });
        },
    },
];
