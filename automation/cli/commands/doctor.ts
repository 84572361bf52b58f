import { Option } from "commander";
import { CliCommand, ENV_VARIABLE, EXIT_CODES } from "../context";

const MARK = { ok: "ok  ", warn: "warn", fail: "FAIL", skip: "skip" } as const;

/** `edf doctor`: Node, the Pulumi CLI, the backend, the passphrase file and Vault/Consul, each with the fix for a problem. */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            program
                .command("doctor")
                .description(
                    "check what edf needs (Node, the Pulumi CLI, backend, passphrase, Vault/Consul) and say how to fix each problem",
                )
                .addOption(new Option("-e, --env <name|file>", "also check this environment's backend and injectors").env(ENV_VARIABLE))
                .action(async (options: { env?: string }) => {
                    const ctx = context();
                    // Loaded when the command runs: every other command starts without the checks' clients.
                    const { runDoctor } = await import("../../doctor");
                    const checks = await runDoctor({
                        projectRoot: ctx.projectRoot,
                        edfHome: ctx.edfHome,
                        ...(options.env ? { env: options.env } : {}),
                    });
                    const failed = checks.filter((c) => c.status === "fail").length;
                    const warned = checks.filter((c) => c.status === "warn").length;
                    const lines = checks.flatMap((c) => [
                        `${MARK[c.status]}  ${c.name.padEnd(30)} ${c.detail}`,
                        ...(c.fix && (c.status === "fail" || c.status === "warn") ? [`      fix: ${c.fix}`] : []),
                    ]);
                    lines.push(
                        "",
                        failed ? `${failed} problem(s) to fix, ${warned} warning(s).` : `Ready${warned ? `, ${warned} warning(s)` : ""}.`,
                    );
                    ctx.reporter.result({ ok: failed === 0, checks }, lines.join("\n"));
                    ctx.exit(failed ? EXIT_CODES.failure : EXIT_CODES.ok);
                });
        },
    },
];
