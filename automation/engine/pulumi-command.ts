import { AsyncLocalStorage } from "async_hooks";
import { spawn } from "child_process";
import * as os from "os";
import * as path from "path";
import { PulumiCommand } from "@pulumi/pulumi/automation";
import type { CliProcesses } from "./cli-processes";
import { CommandRun, commandResults, withCommandRun } from "../../unit/sdk-internals";
import { residentAnalyzerEnv } from "./policy-host/resident-analyzer";
import { programHostAddress } from "./program-host/pool";

export { CliProcesses } from "./cli-processes";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain JavaScript loader module (no typings)
const { pluginEnv } = require("../loader/compile-cache") as { pluginEnv(env: NodeJS.ProcessEnv): Record<string, string> };

const { CommandResult, createCommandError } = commandResults;

/** The niceness of CLI processes started for work done ahead (ahead.ts): below the run's own. */
export const AHEAD_NICENESS = 5;
const aheadWork = new AsyncLocalStorage<true>();

/** Runs `work` with every CLI process it starts at a lower priority ({@link AHEAD_NICENESS}). */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
    return aheadWork.run(true, work);
}

/** Whether the current async context is work done ahead (`inBackground`). */
export function isInBackground(): boolean {
    return aheadWork.getStore() === true;
}

/**
 * Settings the CLI gets unless the user's environment sets them. The update check is a network
 * call in every CLI process (its message would land in a stack's log, unread). Go's collector
 * runs at GOGC=400: a CLI process lives seconds and holds tens of MB, and the default (100)
 * spends ≈ 0.03 CPU-s of every process's start on collections (measured: 10 × `pulumi version`
 * 1.4 → 1.1 CPU-s).
 */
const CLI_DEFAULTS: Readonly<Record<string, string>> = { PULUMI_SKIP_UPDATE_CHECK: "true", GOGC: "400" };

/**
 * A `PulumiCommand` whose CLI processes run in their own process group.
 *
 * Why: a Ctrl-C in a terminal signals the whole foreground process group. If the CLI
 * and its plugins were in ours, they would receive SIGINT from the terminal *and* a
 * second one from the driver's cancellation — and a second SIGINT makes the CLI stop
 * immediately, leaving a lock and pending operations. In their own group, the driver
 * alone decides: exactly one SIGINT on cancel (graceful: in-flight resource operations
 * finish and are recorded), SIGKILL only on a second interrupt of the driver itself.
 *
 * It also sends the engine to the program host lent to the operation (program-host/pool.ts):
 * for an inline program the SDK starts a language server in this process and passes
 * `--client=127.0.0.1:<port>`; inside `ProgramHosts.withHost` that address is swapped
 * for the host's, so the program runs in its worker thread and the SDK's own server,
 * never called, only listens. Inside `ResidentAnalyzer.use` the CLI finds the run's
 * resident policy analyzer first on PATH (policy-host/resident-analyzer.ts).
 *
 * Replaces the command's `run` (internal to the SDK; through unit/sdk-internals.ts): same
 * arguments, same result and error types as the built-in implementation.
 */
export async function isolatedPulumiCommand(processes: CliProcesses, base?: PulumiCommand): Promise<PulumiCommand> {
    const command = base ?? (await PulumiCommand.get({ skipVersionCheck: true }));
    const run: CommandRun = (args, cwd, additionalEnv, onOutput, onError, signal) => {
        if (!args.includes("--non-interactive")) {
            args.push("--non-interactive");
        }
        const host = programHostAddress();
        if (host) {
            if (!args.some((arg) => arg.startsWith("--client="))) {
                // Never fall back silently to running the program in this thread: that is the
                // cross-stack error leak the hosts exist to prevent.
                return Promise.reject(
                    new Error(
                        `edf: \`pulumi ${args[0]}\` runs for a program host but has no ` +
                            `--client argument; @pulumi/pulumi changed how inline programs reach ` +
                            `the engine (see automation/engine/program-host/).`,
                    ),
                );
            }
            args = args.map((arg) => (arg.startsWith("--client=") ? `--client=${host}` : arg));
        }
        const env: NodeJS.ProcessEnv = { ...CLI_DEFAULTS, ...process.env, ...additionalEnv, PULUMI_AUTOMATION_API: "true" };
        if (path.isAbsolute(command.command)) {
            env.PATH = `${path.dirname(command.command)}${path.delimiter}${additionalEnv.PATH ?? process.env.PATH ?? ""}`;
        }
        // The Node plugins the CLI starts (dynamic providers, policy analyzers) share Node's compile cache.
        Object.assign(env, pluginEnv(env));
        const analyzer = residentAnalyzerEnv();
        if (analyzer) {
            // First on PATH, before the CLI's own folder: the engine takes the analyzer plugin it
            // finds there, which hands it the run's resident analyzer (policy-host/).
            env.PATH = `${analyzer.binDir}${path.delimiter}${env.PATH ?? ""}`;
            env.EDF_POLICY_ANALYZER_PORT = analyzer.port;
            env.EDF_POLICY_ANALYZER_PID = analyzer.pid;
        }
        return new Promise((resolve, reject) => {
            const child = spawn(command.command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
            const stdout: string[] = [];
            const stderr: string[] = [];
            if (child.pid !== undefined) {
                processes.add(child.pid);
                if (aheadWork.getStore()) lowerPriority(child.pid);
            }
            child.stdout.setEncoding("utf8").on("data", (data: string) => {
                stdout.push(data);
                onOutput?.(data);
            });
            child.stderr.setEncoding("utf8").on("data", (data: string) => {
                stderr.push(data);
                onError?.(data);
            });
            const abort = (): void => {
                if (child.exitCode === null && child.pid !== undefined) {
                    child.kill("SIGINT");
                }
            };
            signal?.addEventListener("abort", abort, { once: true });
            if (signal?.aborted) {
                abort();
            }
            child.on("error", (error) => {
                if (child.pid !== undefined) processes.delete(child.pid);
                reject(createCommandError(new CommandResult("", error.message, -2, error)));
            });
            child.on("close", (code, killedBy) => {
                if (child.pid !== undefined) processes.delete(child.pid);
                signal?.removeEventListener("abort", abort);
                const exitCode = code ?? (killedBy ? 128 : -2);
                const result = new CommandResult(stdout.join(""), stderr.join(""), exitCode);
                if (exitCode !== 0) {
                    reject(createCommandError(result));
                } else {
                    resolve(result);
                }
            });
        });
    };
    return withCommandRun(command, run);
}

function lowerPriority(pid: number): void {
    try {
        os.setPriority(pid, AHEAD_NICENESS);
    } catch {
        // Already gone, or not allowed here: it runs at the run's priority.
    }
}
