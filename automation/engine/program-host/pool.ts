import { AsyncLocalStorage } from "async_hooks";
import * as path from "path";
import { Worker } from "worker_threads";
import type { HostMessage } from "./protocol";

const ENTRY = path.join(__dirname, "entry.js");

/** The program host the CLI commands of the current async context must talk to. */
const currentAddress = new AsyncLocalStorage<string>();

/**
 * The address (`127.0.0.1:<port>`) of the program host lent to the operation running in
 * this async context, if any. The driver's CLI runner (pulumi-command.ts) points the
 * engine's `--client` there instead of at the SDK's in-process server.
 */
export function programHostAddress(): string | undefined {
    return currentAddress.getStore();
}

interface Host {
    readonly worker: Worker;
    readonly address: string;
    /** Where the program's console output goes while the host is lent. */
    sink?: (text: string) => void;
    dead?: string;
}

/**
 * Program hosts (host.ts) lent one operation at a time: a stack's program runs in a
 * worker thread of its own while it runs, so concurrent stacks share no process-level
 * error handlers.
 *
 * Starting a host loads the SDK and the unit programs (≈ 0.6 CPU-s, 0.5 s), so a host goes back
 * to the pool after an operation that succeeded and serves the next stack (each run of
 * the SDK's server gets a fresh runtime store). After an operation that failed or was
 * cancelled the host is stopped instead: a failing run may leave rejections behind that
 * would land in the next run's handlers.
 */
export class ProgramHosts {
    private readonly idle: Host[] = [];
    private readonly lent = new Set<Host>();
    private closed = false;
    /** Hosts being started by `warm`. */
    private starting = 0;

    /** Runs `work` with a host of its own; CLI commands inside it reach that host. */
    async withHost<T>(sink: (text: string) => void, work: () => Promise<T>): Promise<T> {
        const host = this.idle.pop() ?? (await this.start());
        if (this.closed) {
            // Closed while this host was starting: nobody else will stop it.
            void host.worker.terminate();
            throw new Error("the program hosts of this run are closed");
        }
        host.sink = sink;
        this.lent.add(host);
        let healthy = false;
        try {
            const result = await currentAddress.run(host.address, work);
            healthy = true;
            return result;
        } finally {
            this.lent.delete(host);
            host.sink = undefined;
            if (healthy && !host.dead && !this.closed) {
                this.idle.push(host);
            } else {
                void host.worker.terminate();
            }
        }
    }

    /**
     * Starts a host ahead of need (ahead.ts), so a stack that starts later finds one loaded,
     * unless `wanted` hosts are already started, lent or idle. The host is idle until lent.
     */
    async warm(wanted: number): Promise<void> {
        if (this.closed || this.idle.length + this.lent.size + this.starting >= wanted) return;
        this.starting++;
        try {
            const host = await this.start();
            if (this.closed || host.dead) void host.worker.terminate();
            else this.idle.push(host);
        } finally {
            this.starting--;
        }
    }

    /** Stops every host (lent hosts too: their operations are over or being cancelled). */
    async close(): Promise<void> {
        this.closed = true;
        const hosts = [...this.idle.splice(0), ...this.lent];
        await Promise.all(hosts.map((h) => h.worker.terminate()));
    }

    private start(): Promise<Host> {
        if (this.closed) {
            return Promise.reject(new Error("the program hosts of this run are closed"));
        }
        // A program's console output is captured and written to its stack's log, not the terminal.
        // `edf --debug` maps stack traces to the TypeScript sources; a thread has its own switch.
        const worker = new Worker(ENTRY, { stdout: true, stderr: true, workerData: { sourceMaps: process.sourceMapsEnabled === true } });
        return new Promise<Host>((resolve, reject) => {
            let host: Host | undefined;
            const forward = (data: Buffer | string): void => host?.sink?.(String(data));
            worker.stdout.on("data", forward);
            worker.stderr.on("data", forward);
            worker.on("message", (message: HostMessage) => {
                if (message.kind === "listening") {
                    host = { worker, address: `127.0.0.1:${message.port}` };
                    resolve(host);
                } else {
                    reject(new Error(`the program host could not start: ${message.message}`));
                    void worker.terminate();
                }
            });
            worker.on("error", (error) => {
                if (!host) {
                    reject(new Error(`the program host could not start: ${error.message}`));
                    return;
                }
                // The running operation fails on its own (the engine loses its language host); its log says why.
                host.dead = error.message;
                host.sink?.(`\n=== edf: the program host stopped: ${error.stack ?? error.message}\n`);
                this.drop(host);
            });
            worker.on("exit", (code) => {
                if (!host) {
                    reject(new Error(`the program host exited with code ${code} before it started`));
                } else {
                    host.dead ??= `exited with code ${code}`;
                    this.drop(host);
                }
            });
        });
    }

    private drop(host: Host): void {
        const index = this.idle.indexOf(host);
        if (index >= 0) {
            this.idle.splice(index, 1);
        }
    }
}
