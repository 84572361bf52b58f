import * as path from "path";
import type { bundlePolicyPacks as BundlePolicyPacks } from "../../policy/bundle";
import { CliCommand, EXIT_CODES } from "../context";

/** `edf policy bundle`: each policy pack as a folder `pulumi policy publish` can upload. */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            program
                .command("policy")
                .description("policy packs: bundle them for publishing")
                .command("bundle")
                .description("bundle each policy pack, with every environment's settings, into a folder `pulumi policy publish` uploads")
                .argument("[packs...]", "pack folders under policy-packs/ (default: every pack)")
                .option("--out <dir>", "folder the <pack>/ bundles are written into (default: dist/bundles)")
                .option(
                    "--environments <specs...>",
                    "environment specs whose policy settings the bundles carry (default: environments/*.yaml)",
                )
                .action((packs: string[], options: { out?: string; environments?: string[] }) => {
                    const ctx = context();
                    // Loaded when the command runs: the bundler (and the TypeScript compiler it walks imports with) is
                    // no cost of every other command's start-up.
                    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
                    const { bundlePolicyPacks } = require("../../policy/bundle") as { bundlePolicyPacks: typeof BundlePolicyPacks };
                    const bundled = bundlePolicyPacks({
                        projectRoot: ctx.projectRoot,
                        packs,
                        ...(options.out ? { outDir: options.out } : {}),
                        ...(options.environments ? { specFiles: options.environments } : {}),
                    });
                    const shown = (dir: string) => path.relative(process.cwd(), dir) || ".";
                    const lines = bundled.map(
                        (b) =>
                            `${b.pack}: ${b.files} source files → ${shown(b.outDir)} (dependencies: ` +
                            `${Object.entries(b.dependencies)
                                .map(([n, v]) => `${n}@${v}`)
                                .join(", ")}; environments: ${b.environments.join(", ") || "none"})`,
                    );
                    const out = bundled[0] ? path.dirname(bundled[0].outDir) : ctx.projectRoot;
                    ctx.reporter.result(
                        { bundled },
                        [...lines, `Publish with: cd ${shown(out)}/<pack> && pulumi policy publish <org>`].join("\n"),
                    );
                    ctx.exit(EXIT_CODES.ok);
                });
        },
    },
];
