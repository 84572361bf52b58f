import { CliCommand, EXIT_CODES } from "../context";
import { versionReport } from "../version";

/** `edf version`: the driver's version and what it runs on (`edf --version` prints the first line alone). */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            program
                .command("version")
                .description("print the versions of edf, Node, the Pulumi SDKs and the Pulumi CLI on PATH")
                .action(() => {
                    const ctx = context();
                    const v = versionReport();
                    const human = [
                        `edf ${v.edf}`,
                        `node ${v.node}`,
                        `@pulumi/pulumi ${v["@pulumi/pulumi"] ?? "(not installed)"}`,
                        `@pulumi/policy ${v["@pulumi/policy"] ?? "(not installed)"}`,
                        `pulumi CLI ${v.pulumiCli ?? "(not on PATH: `npm run toolchain`, then `source .tools/env.sh`)"}`,
                    ].join("\n");
                    ctx.reporter.result(v, human);
                    ctx.exit(EXIT_CODES.ok);
                });
        },
    },
];
