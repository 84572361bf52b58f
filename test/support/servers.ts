import { ChildProcess, spawn } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { toolchain } from "./toolchain";

/** A test server started by this module, bound to 127.0.0.1 only. */
export interface RunningServer {
    /** Base URL, e.g. `http://127.0.0.1:41234`. */
    readonly url: string;
    readonly port: number;
    /** What the server printed so far (for failure messages). */
    output(): string;
    /** Stops the server and waits for it to exit. Safe to call twice. */
    stop(): Promise<void>;
}

/** An OpenBao dev server: in-memory, unsealed, KV v2 mounted at `secret/`. */
export interface RunningOpenBao extends RunningServer {
    /** The dev root token. Tests must never let it reach a log or report. */
    readonly rootToken: string;
}

const running = new Set<ChildProcess>();

// A test run that dies (uncaught error, Ctrl-C) must not leave servers behind.
process.once("exit", () => {
    for (const child of running) {
        child.kill("SIGKILL");
    }
});

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.unref();
        server.on("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const address = server.address();
            server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
        });
    });
}

interface StartOptions {
    readonly name: string;
    readonly command: string;
    readonly args: (port: number) => string[];
    readonly healthPath: string;
    readonly env?: Record<string, string>;
    readonly timeoutMs?: number;
    /**
     * Write the server's output to this file instead of a pipe: for a server that logs per request
     * while the suite blocks its event loop (a synchronous skopeo push), so nothing could drain a pipe.
     * @default - a pipe, kept in memory
     */
    readonly logFile?: string;
}

async function isHealthy(url: string): Promise<boolean> {
    try {
        const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
        return response.status < 500;
    } catch {
        return false;
    }
}

async function startServer(options: StartOptions): Promise<RunningServer> {
    if (!fs.existsSync(options.command)) {
        throw new Error(`${options.name} is not installed at ${options.command}: run \`npm run toolchain\`.`);
    }
    const port = await freePort();
    let piped = "";
    const log = options.logFile ? fs.openSync(options.logFile, "a") : undefined;
    const child = spawn(options.command, options.args(port), {
        env: { ...process.env, ...options.env },
        stdio: log === undefined ? ["ignore", "pipe", "pipe"] : ["ignore", log, log],
    });
    if (log !== undefined) fs.closeSync(log);
    running.add(child);
    const collect = (chunk: Buffer): void => {
        piped = (piped + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    const output = (): string =>
        options.logFile && fs.existsSync(options.logFile) ? fs.readFileSync(options.logFile, "utf8").slice(-20_000) : piped;
    let exited = false;
    const exitedPromise = new Promise<void>((resolve) =>
        child.once("exit", () => {
            exited = true;
            running.delete(child);
            resolve();
        }),
    );

    const url = `http://127.0.0.1:${port}`;
    const stop = async (): Promise<void> => {
        if (exited) {
            return;
        }
        child.kill("SIGTERM");
        const killTimer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exitedPromise;
        clearTimeout(killTimer);
    };

    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    while (!(await isHealthy(url + options.healthPath))) {
        if (exited || Date.now() > deadline) {
            await stop();
            throw new Error(
                `${options.name} did not become healthy on ${url}${options.healthPath} ` +
                    `(${exited ? `exited with ${child.exitCode}` : "timed out"}). Its output:\n${output()}`,
            );
        }
        await new Promise((r) => setTimeout(r, 150));
    }
    return { url, port, output, stop };
}

/** Starts an OpenBao dev server on a free 127.0.0.1 port with a random root token. */
export async function startOpenBao(): Promise<RunningOpenBao> {
    const rootToken = `edf-test-${crypto.randomBytes(12).toString("hex")}`;
    // Dev mode would write the token to ~/.vault-token; a private HOME keeps it out of the user's.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-openbao-"));
    const server = await startServer({
        name: "OpenBao",
        command: toolchain().openbao.path,
        args: (port) => [
            "server",
            "-dev",
            `-dev-root-token-id=${rootToken}`,
            `-dev-listen-address=127.0.0.1:${port}`,
            "-dev-no-store-token",
        ],
        healthPath: "/v1/sys/health",
        env: { HOME: home, BAO_ADDR: "", VAULT_ADDR: "" },
    });
    return {
        ...server,
        rootToken,
        stop: async () => {
            await server.stop();
            fs.rmSync(home, { recursive: true, force: true });
        },
    };
}

/** Starts a moto server (AWS API emulator) on a free 127.0.0.1 port. */
export async function startMoto(): Promise<RunningServer> {
    return startServer({
        name: "moto",
        command: toolchain().moto.path,
        args: (port) => ["-H", "127.0.0.1", "-p", String(port)],
        healthPath: "/moto-api/",
        timeoutMs: 60_000,
    });
}

/** A distribution registry (Debian's docker-registry) with its storage folder, for tests that tamper with blobs. */
export interface RunningRegistry extends RunningServer {
    /** `127.0.0.1:<port>`: the host part of image references. */
    readonly host: string;
    /** The filesystem storage root (`<root>/docker/registry/v2/blobs/sha256/<2>/<hex>/data`). */
    readonly storage: string;
    /** The path of a blob's bytes in the storage (to tamper with them, as a compromised store would). */
    blobPath(digest: string): string;
}

/**
 * Starts the CNCF distribution registry (Debian's `docker-registry`) on a free 127.0.0.1 port,
 * plain HTTP, storage in a temporary folder removed on stop. `htpasswd` (a bcrypt line per user)
 * turns on HTTP Basic auth, as ECR and most private registries answer.
 */
export async function startRegistry(options: { readonly htpasswd?: string } = {}): Promise<RunningRegistry> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-registry-"));
    const storage = path.join(dir, "storage");
    const config = path.join(dir, "config.yml");
    let port = 0;
    const server = await startServer({
        name: "docker-registry",
        command: toolchain().registry.path,
        args: (p) => {
            port = p;
            const auth = options.htpasswd ? `auth:\n  htpasswd:\n    realm: edf-test\n    path: ${path.join(dir, "htpasswd")}\n` : "";
            if (options.htpasswd) fs.writeFileSync(path.join(dir, "htpasswd"), options.htpasswd);
            fs.writeFileSync(
                config,
                `version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${storage}\n  delete:\n    enabled: true\n` +
                    `http:\n  addr: 127.0.0.1:${p}\n${auth}`,
            );
            return ["serve", config];
        },
        healthPath: "/v2/",
        env: { OTEL_TRACES_EXPORTER: "none" },
        // The suites push with skopeo synchronously (execFileSync): nothing drains a pipe meanwhile, and the
        // registry logs every blob a client asks for and it lacks (at error level, which cannot be turned
        // off), so a pipe filled and the registry stopped answering mid-push. Its log goes to a file.
        logFile: path.join(dir, "registry.log"),
    });
    return {
        ...server,
        host: `127.0.0.1:${port}`,
        storage,
        blobPath: (digest) => {
            const hex = digest.split(":")[1]!;
            return path.join(storage, "docker", "registry", "v2", "blobs", "sha256", hex.slice(0, 2), hex, "data");
        },
        stop: async () => {
            await server.stop();
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}

/**
 * Mocha helper: starts a server before the suite and always stops it after, also when
 * a test fails. Returns a getter for the running server.
 *
 *     const bao = useServer(startOpenBao);
 *     it("reads a secret", async () => { await fetch(`${bao().url}/v1/...`); });
 */
export function useServer<T extends RunningServer>(start: () => Promise<T>): () => T {
    let server: T | undefined;
    before(async function () {
        this.timeout(90_000);
        server = await start();
    });
    after(async () => {
        await server?.stop();
        server = undefined;
    });
    return () => {
        if (!server) {
            throw new Error("The test server is not running (is this called outside a test?).");
        }
        return server;
    };
}
