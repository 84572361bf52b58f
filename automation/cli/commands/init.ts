import * as path from "path";
import { initProject, missingDevDependencies } from "../../scaffold/init";
import { CliCommand, EXIT_CODES } from "../context";

/** `edf init`: makes the working directory (or `--project <dir>`) a project on the SDK (automation/scaffold/init.ts). */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            program
                .command("init")
                .description(
                    "make this folder (or --project <dir>) an EDF project: Pulumi.yaml, index.ts, tsconfig.json, " +
                        ".gitignore, the landing-zone units and example environments (never overwrites)",
                )
                .option("--name <project>", "the Pulumi project name (default: the folder's name)")
                .action((flags: { name?: string }) => {
                    const ctx = context();
                    const dir = path.resolve(program.opts<{ project?: string }>().project ?? process.cwd());
                    const files = initProject(dir, flags.name !== undefined ? { name: flags.name } : {});
                    const missing = missingDevDependencies(dir);
                    const next = [
                        ...(missing.length > 0
                            ? [`npm install --save-dev ${missing.map((m) => (m === "typescript" ? "typescript@5" : m)).join(" ")}`]
                            : []),
                        "npx edf new service <name> --owner <team>",
                        "npx edf synth --env dev",
                    ];
                    ctx.reporter.result(
                        { project: dir, files: files.map((f) => f.path), next },
                        `Initialized an EDF project in ${dir}:\n${files.map((f) => `  created ${f.path}`).join("\n")}\n` +
                            `Next:\n${next.map((n) => `  ${n}`).join("\n")}`,
                    );
                    ctx.exit(EXIT_CODES.ok);
                });
        },
    },
];
