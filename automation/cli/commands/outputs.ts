import { CliCommand, environmentOptions, EXIT_CODES, selectionOf } from "../context";

/** `edf outputs`: the selected stacks' outputs; secret outputs are shown as `[secret]`. */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            environmentOptions(program.command("outputs").description("print the stacks' outputs (secrets masked)")).action(
                async (options: { env: string; only?: string[]; withDependencies?: boolean; withDependents?: boolean }) => {
                    const ctx = context();
                    const { getStackOutputs } = await import("../../outputs");
                    const outputs = await getStackOutputs({
                        env: options.env,
                        projectRoot: ctx.projectRoot,
                        edfHome: ctx.edfHome,
                        ...selectionOf(options),
                    });
                    const lines: string[] = [];
                    for (const [unit, values] of Object.entries(outputs)) {
                        lines.push(`${unit}:${values === null ? " (not deployed)" : ""}`);
                        for (const [key, value] of Object.entries(values ?? {})) {
                            lines.push(`  ${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
                        }
                    }
                    ctx.reporter.result(outputs, lines.join("\n"));
                    ctx.exit(EXIT_CODES.ok);
                },
            );
        },
    },
];
