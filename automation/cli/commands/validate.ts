import { formatProblem } from "../../errors";
import { planEnvironment, preflightProblems } from "../../plan";
import { resolveRuntimePolicy } from "../../policy/environment-policy";
import { CliCommand, environmentOptions, EXIT_CODES, selectionOf } from "../context";

/** `edf validate`: the spec, the graph and what must exist before a deploy. Deploys nothing. */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            environmentOptions(
                program.command("validate").description("validate an environment spec and its stack graph (changes nothing)"),
            ).action((options: { env: string; only?: string[]; withDependencies?: boolean; withDependents?: boolean }) => {
                const ctx = context();
                const plan = planEnvironment(options.env, ctx.projectRoot, selectionOf(options));
                // The runtime pack's settings are checked as the pipeline pack's are, when the spec gives any.
                if (plan.loaded.spec.inspect?.policy) resolveRuntimePolicy(plan.loaded, ctx.projectRoot);
                // Units and packs may be written after the spec: missing ones are warnings here
                // and errors for preview/up.
                const warnings = preflightProblems(plan, ctx.projectRoot, true);
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
