import { AsyncLocalStorage } from "async_hooks";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Redactor } from "../../redact";
import { findOnPath } from "../tools";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain JavaScript loader module (no typings)
const { pluginEnv } = require("../../loader/compile-cache") as { pluginEnv(env: NodeJS.ProcessEnv): Record<string, string> };

/** The preload that makes the pack's Analyzer service multi-tenant (entry.js → serve-many.ts). */
const ENTRY = path.join(__dirname, "entry.js");
/** The name under which the CLI looks for a Node policy pack's analyzer plugin on PATH. */
export const ANALYZER_PLUGIN = "pulumi-analyzer-policy-nodejs";
/** How long the analyzer may take to load the pack (a loaded machine: seconds; a cold transpile cache: more). */
const START_TIMEOUT_MS = 120_000;

/**
 * The plugin the CLI starts for a Node policy pack, while the resident analyzer serves the run:
 * it starts no Node, it only tells the engine the resident analyzer's port (the plugin protocol:
 * the port on stdout, then the engine dials 127.0.0.1:<port>) and stays until the engine
 * interrupts it or its CLI goes (GNU `tail --pid` waits without waking; elsewhere a 1 s poll).
 * When the resident analyzer is not running, it says so and fails, and the engine fails the
 * stack: never a stack judged by nothing.
 */
const SHIM = `#!/bin/sh
# Written by edf (automation/engine/policy-host/resident-analyzer.ts): the stacks of an edf run
# share one policy analyzer; this plugin hands the engine its port instead of starting a new one.
if [ -z "$EDF_POLICY_ANALYZER_PORT" ] || [ -z "$EDF_POLICY_ANALYZER_PID" ]; then
  echo "${ANALYZER_PLUGIN} (edf): started outside an edf run (no EDF_POLICY_ANALYZER_PORT)" >&2
  exit 1
fi
if ! kill -0 "$EDF_POLICY_ANALYZER_PID" 2>/dev/null; then
  echo "edf: the run's policy analyzer (pid $EDF_POLICY_ANALYZER_PID) is not running: the stack cannot be judged; see policy-analyzer.log in the run folder" >&2
  exit 1
fi
echo "$EDF_POLICY_ANALYZER_PORT"
# Stay until the engine stops the plugin (SIGINT to its process group) or its CLI is gone.
if tail --pid="$$" -n 0 /dev/null >/dev/null 2>&1; then
  exec tail --pid="$PPID" -f /dev/null
fi
trap 'exit 0' INT TERM
while kill -0 "$PPID" 2>/dev/null; do sleep 1; done
`;

/** What the CLI of an operation judged by the resident analyzer needs in its environment. */
export interface ResidentAnalyzerEnv {
    readonly binDir: string;
    readonly port: string;
    readonly pid: string;
}

const current = new AsyncLocalStorage<ResidentAnalyzerEnv>();

/** The resident analyzer the CLI commands of the current async context must use, if any (pulumi-command.ts). */
export function residentAnalyzerEnv(): ResidentAnalyzerEnv | undefined {
    return current.getStore();
}

/** The runner @pulumi/pulumi ships for policy packs, from the pack's own dependencies (as the plugin finds it). */
function policyPackRunner(packDir: string): string | undefined {
    for (let dir = packDir; ; dir = path.dirname(dir)) {
        const runner = path.join(dir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack", "index.js");
        if (fs.existsSync(runner)) return runner;
        if (path.dirname(dir) === dir) return undefined;
    }
}

/**
 * Whether the CLI would hand a Node pack to a Node language host (`RunPlugin`) rather than to the
 * `pulumi-analyzer-policy-nodejs` plugin: it does when it finds `pulumi-language-nodejs` — on its
 * PATH, next to itself, or among PULUMI_HOME's plugins (the SDK's plugin lookup, v3.260). Then the
 * shim is never asked, so no resident analyzer is started and each stack gets its own, as before.
 */
export function cliHasNodeLanguageHost(pulumiPath: string, env: NodeJS.ProcessEnv = process.env): boolean {
    const name = "pulumi-language-nodejs";
    // The automation API may name the CLI by name only (found on PATH).
    const cli = path.isAbsolute(pulumiPath) ? pulumiPath : (findOnPath(pulumiPath, env) ?? pulumiPath);
    const cliPath = { ...env, PATH: `${path.dirname(cli)}${path.delimiter}${env.PATH ?? ""}` };
    if (!env.PULUMI_IGNORE_AMBIENT_PLUGINS && findOnPath(name, cliPath)) return true;
    try {
        if (fs.existsSync(path.join(path.dirname(fs.realpathSync(cli)), name))) return true;
    } catch {
        // No CLI at that path: the run fails on its own, with its own message.
    }
    const plugins = path.join(env.PULUMI_HOME ?? path.join(os.homedir(), ".pulumi"), "plugins");
    return fs.existsSync(plugins) && fs.readdirSync(plugins).some((entry) => entry.startsWith("language-nodejs-"));
}

function writeShim(binDir: string): void {
    fs.mkdirSync(binDir, { recursive: true });
    const file = path.join(binDir, ANALYZER_PLUGIN);
    if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === SHIM) return;
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(temporary, SHIM, { mode: 0o755 });
    fs.renameSync(temporary, file);
}

export interface ResidentAnalyzerOptions {
    /** The (prebuilt) pack folder, as the engine would get it with `--policy-pack`. */
    readonly packDir: string;
    /** The Pulumi CLI the run uses (whether it would use the shim: `cliHasNodeLanguageHost`). */
    readonly pulumiPath: string;
    readonly edfHome: string;
    readonly projectRoot: string;
    /** Where the analyzer's own output goes (secrets scrubbed): `policy-analyzer.log` of the run folder. */
    readonly logFile: string;
    readonly redactor: Redactor;
    /** Told when the analyzer stops before the run stops it (the stacks judged from then on fail). */
    readonly onCrash?: (reason: string) => void;
}

/**
 * One policy analyzer for every stack of a run, instead of one Node process per stack loading
 * @pulumi/pulumi, @pulumi/policy and the pack again (≈ 1.2 CPU-s a stack, most of a stack's CPU).
 *
 * Started on first use, on 127.0.0.1, by @pulumi/pulumi's own policy-pack runner in the pack's
 * folder — the very code a per-stack analyzer runs — with the Analyzer service made safe for
 * stacks at once (tenancy.ts). The engine reaches it through the plugin it looks for on PATH
 * (the shim above, first on the CLI's PATH while an operation runs under `use`). Stopped by
 * `stop` at the end of the run, and by itself when the driver's end of its stdin closes.
 *
 * A crash fails the stacks, never skips their policies: the engines judging at the time lose
 * their connection and fail; later stacks get a shim that refuses to start; `use` throws.
 */
export class ResidentAnalyzer {
    private child: ChildProcess | undefined;
    private starting: Promise<ResidentAnalyzerEnv | undefined> | undefined;
    private stopped: string | undefined;
    private stopping = false;

    constructor(private readonly options: ResidentAnalyzerOptions) {}

    /** Runs `work` (a preview or up of one stack) with its CLI pointed at the resident analyzer. */
    async use<T>(work: () => Promise<T>): Promise<T> {
        const env = await this.start();
        if (!env) return work();
        return current.run(env, work);
    }

    /** Starts the analyzer ahead of its first stack (ahead.ts); a failure is the first stack's to report, through `use`. */
    async prepare(): Promise<void> {
        await this.start().catch(() => undefined);
    }

    /** Why the analyzer stopped before the run stopped it, if it did (a stack that failed then says so). */
    get failure(): string | undefined {
        return this.stopping ? undefined : this.stopped;
    }

    /** Stops the analyzer (idempotent): closes its stdin, then SIGKILL after 5 s. */
    async stop(): Promise<void> {
        this.stopping = true;
        const child = this.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
        child.stdin?.end();
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
    }

    private start(): Promise<ResidentAnalyzerEnv | undefined> {
        if (this.stopped) return Promise.reject(new Error(this.stopped));
        this.starting ??= this.launch();
        return this.starting;
    }

    private async launch(): Promise<ResidentAnalyzerEnv | undefined> {
        const { packDir, edfHome, projectRoot, logFile, redactor } = this.options;
        const runner = policyPackRunner(packDir);
        // Without @pulumi/pulumi beside the pack the per-stack plugin fails with its own message: leave it to it.
        if (!runner || cliHasNodeLanguageHost(this.options.pulumiPath)) return undefined;
        const binDir = path.join(edfHome, "cache", "bin");
        writeShim(binDir);
        const log = fs.createWriteStream(logFile, { flags: "a" });
        const child = spawn(process.execPath, ["-r", ENTRY, runner, "127.0.0.1:0", "."], {
            cwd: packDir,
            env: {
                ...process.env,
                ...pluginEnv(process.env),
                EDF_TS_CACHE: process.env.EDF_TS_CACHE ?? path.join(projectRoot, ".edf", "cache", "ts"),
            },
            // Its own process group: a Ctrl-C in the terminal reaches the driver, which stops the
            // CLIs gracefully — they may still need the analyzer until they have stopped.
            detached: true,
            stdio: ["pipe", "pipe", "pipe"],
        });
        this.child = child;
        child.stderr!.setEncoding("utf8").on("data", (text: string) => log.write(redactor.scrub(text)));
        return new Promise((resolve, reject) => {
            let stdout = "";
            let port: string | undefined;
            const fail = (reason: string): void => {
                this.stopped = `edf: the run's policy analyzer ${reason}; see ${logFile}`;
                clearTimeout(timer);
                if (port === undefined) reject(new Error(this.stopped));
                else if (!this.stopping) this.options.onCrash?.(this.stopped);
            };
            const timer = setTimeout(() => {
                child.kill("SIGKILL");
                fail(`did not start within ${START_TIMEOUT_MS / 1000} s`);
            }, START_TIMEOUT_MS);
            child.stdout!.setEncoding("utf8").on("data", (text: string) => {
                if (port !== undefined) {
                    log.write(redactor.scrub(text));
                    return;
                }
                stdout += text;
                const newline = stdout.indexOf("\n");
                if (newline < 0) return;
                const first = stdout.slice(0, newline).trim();
                log.write(redactor.scrub(stdout.slice(newline + 1)));
                if (!/^\d+$/.test(first)) {
                    child.kill("SIGKILL");
                    fail(`wrote no port but "${first.slice(0, 200)}"`);
                    return;
                }
                port = first;
                clearTimeout(timer);
                resolve({ binDir, port, pid: String(child.pid) });
            });
            child.on("error", (error) => fail(`could not start (${error.message})`));
            child.on("close", (code, signal) => {
                log.end();
                if (this.stopping && port !== undefined) return;
                const how = signal ? `killed by ${signal}` : `exit code ${code}`;
                fail(port === undefined ? `exited before serving (${how})` : `stopped (${how})`);
            });
        });
    }
}
