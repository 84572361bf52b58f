import { EdfError } from "../../errors";
import { completionScript, Shell, SHELLS } from "../completion";
import { CliCommand, EXIT_CODES } from "../context";

/** `edf completion bash|zsh`: a completion script made from the commands themselves. */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            program
                .command("completion")
                .description("print a shell completion script: `source <(edf completion bash)` (or zsh)")
                .argument("<shell>", `the shell: ${SHELLS.join(" | ")}`)
                .action((shell: string) => {
                    const ctx = context();
                    if (!(SHELLS as readonly string[]).includes(shell)) {
                        throw new EdfError(
                            "EDF_USAGE",
                            `\`edf completion\` writes scripts for ${SHELLS.join(" and ")}, not \`${shell}\`.`,
                            [
                                {
                                    path: "<shell>",
                                    message: `unknown shell \`${shell}\``,
                                    fix: "use `edf completion bash` or `edf completion zsh`.",
                                },
                            ],
                        );
                    }
                    const script = completionScript(shell as Shell, program);
                    ctx.reporter.result({ shell, script }, script);
                    ctx.exit(EXIT_CODES.ok);
                });
        },
    },
];
