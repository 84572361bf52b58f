import type { DataClassification, PciScope } from "../../../platform/common/governance";
import { scaffoldNewService } from "../../scaffold/scaffold";
import { EdfError } from "../../errors";
import { CliCommand, EXIT_CODES } from "../context";

interface NewServiceFlags {
    owner: string;
    kind: string;
    port?: string;
    priority?: string;
    dataClassification?: string;
    pciScope?: string;
    with?: string;
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) {
        throw new EdfError("EDF_USAGE", `\`${flag}\` must be a whole number, not \`${value}\`.`, [
            { path: flag, message: `invalid value \`${value}\``, fix: `pass e.g. \`${flag} 8080\`.` },
        ]);
    }
    return Number(value);
}

/** `edf new service <name>`: scaffolds a service unit, its test and its environment-spec entries (automation/scaffold). */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            const group = program.command("new").description("scaffold new parts of the project");
            group
                .command("service")
                .description("scaffold a service unit: services/<name>/program.ts, its test, and a unit in every environment spec")
                .argument("<name>", "service name: lowercase letters, digits and single hyphens (e.g. orders-api)")
                .requiredOption("--owner <team>", "the team that owns the service (the `owner` tag)")
                .option("--kind <kind>", "http (on the shared ALB) or worker", "http")
                .option("--port <port>", "container port of an HTTP service (≥ 1024)")
                .option("--priority <n>", "listener-rule priority on the shared ALB (default: derived from the name)")
                .option("--data-classification <class>", "public | internal | confidential | restricted (default: internal)")
                .option("--pci-scope <scope>", "in-scope | connected | out-of-scope (default: out-of-scope)")
                .option("--with <components>", "SDK components the service uses, comma-separated: function, cache, topic, secret, http-api")
                .action((name: string, flags: NewServiceFlags) => {
                    const ctx = context();
                    const files = scaffoldNewService(ctx.projectRoot, {
                        name,
                        owner: flags.owner,
                        kind: flags.kind as "http" | "worker",
                        port: wholeNumber(flags.port, "--port"),
                        priority: wholeNumber(flags.priority, "--priority"),
                        dataClassification: flags.dataClassification as DataClassification | undefined,
                        pciScope: flags.pciScope as PciScope | undefined,
                        with: (flags.with ?? "")
                            .split(",")
                            .map((c) => c.trim())
                            .filter((c) => c !== ""),
                    });
                    const lines = files.map((f) => `  ${f.edits ? "updated" : "created"} ${f.path}`);
                    // Only the new service's test: a mocha config with a `spec` would add the whole suite to it.
                    const next = files.some((f) => f.path.startsWith("test/"))
                        ? `npx mocha -r ts-node/register/transpile-only --timeout 120000 test/unit/services/${name}/program.test.ts`
                        : "edf synth --env <environment> (the service's program under mocks, inspected by the pipeline pack)";
                    ctx.reporter.result(
                        { service: name, files: files.map((f) => ({ path: f.path, edited: f.edits })), next },
                        `Scaffolded service \`${name}\`:\n${lines.join("\n")}\nNext: ${next}`,
                    );
                    ctx.exit(EXIT_CODES.ok);
                });
        },
    },
];
