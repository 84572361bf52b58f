import { EdfError } from "../../errors";
import { toDot, toMermaid, unitsPerAccount } from "../../graph/render";
import { deploymentTarget } from "../../spec/targets";
import { planEnvironment } from "../../plan";
import { isDeclared } from "../../graph/graph";
import { CliCommand, environmentOptions, EXIT_CODES, selectionOf } from "../context";

const FORMATS = ["mermaid", "dot"] as const;

/** `edf graph`: the stack graph as Mermaid or DOT. */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            environmentOptions(program.command("graph").description("print the stack graph (Mermaid or DOT)"))
                .option("-f, --format <format>", `output format: ${FORMATS.join(" | ")}`, "mermaid")
                .action(
                    (options: { env: string; format: string; only?: string[]; withDependencies?: boolean; withDependents?: boolean }) => {
                        const ctx = context();
                        if (!(FORMATS as readonly string[]).includes(options.format)) {
                            throw new EdfError(
                                "EDF_USAGE",
                                `\`--format\` must be one of ${FORMATS.join(", ")}, not \`${options.format}\`.`,
                                [
                                    {
                                        path: "--format",
                                        message: `unknown format \`${options.format}\``,
                                        fix: "use `--format mermaid` or `--format dot`.",
                                    },
                                ],
                            );
                        }
                        const plan = planEnvironment(options.env, ctx.projectRoot, selectionOf(options));
                        const selected = new Set(plan.selection);
                        const graph = {
                            units: plan.selection,
                            edges: plan.graph.edges.filter((e) => selected.has(e.from) && selected.has(e.to)),
                        };
                        const spec = plan.loaded.spec;
                        const paths = Object.fromEntries(plan.selection.map((u) => [u, spec.units[u]!.path]));
                        const targets = Object.fromEntries(plan.selection.map((u) => [u, deploymentTarget(spec, u)]));
                        const accounts = Object.fromEntries(Object.entries(targets).map(([u, t]) => [u, t.account]));
                        const labels = { paths, accounts };
                        const text = options.format === "dot" ? toDot(graph, labels) : toMermaid(graph, labels);
                        const { grouped } = unitsPerAccount(graph, accounts);
                        if (graph.edges.some((e) => !isDeclared(e))) {
                            ctx.reporter.info(
                                "Edges the spec states are solid; edges labelled `code: …` (dotted, or dashed in DOT) are stack " +
                                    "references the units' code reads, inferred from their config.",
                            );
                        }
                        ctx.reporter.result(
                            {
                                environment: spec.environment,
                                order: plan.selection,
                                edges: graph.edges,
                                // Which stacks exist in which account, and the role each assumes there.
                                accounts: [...grouped].map(([account, units]) => ({
                                    account,
                                    stacks: units.map((u) => ({ unit: u, role: targets[u]!.assumeRole?.roleArn ?? null })),
                                })),
                                [options.format]: text,
                            },
                            text,
                        );
                        ctx.exit(EXIT_CODES.ok);
                    },
                );
        },
    },
];
