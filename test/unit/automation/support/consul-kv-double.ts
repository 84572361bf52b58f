import * as http from "http";
import * as https from "https";
import type { AddressInfo } from "net";

/**
 * A contract double of Consul's KV HTTP API (`/v1/kv/<key>`), bound to 127.0.0.1.
 *
 * Why a double: no openly licensed Consul server can be installed on this machine (Consul
 * is under the Business Source License and no registry here ships it), so the injector is
 * tested against this double, which follows the documented API:
 * - `GET /v1/kv/<key>` → 200 with a JSON array of `{ Key, Value (base64 | null), Flags,
 *   CreateIndex, ModifyIndex, LockIndex }`, or 404 with an empty body when nothing matches;
 * - `?recurse` → every entry under the prefix; `?raw` → the value's bytes only;
 * - `?dc=<name>` → another datacenter (an unknown one answers 500 "No path to datacenter");
 * - every response carries `X-Consul-Index` (the highest ModifyIndex of the store);
 * - with ACLs on, a request without a token allowed to read the key answers
 *   403 "ACL not found" (unknown token) or "Permission denied";
 * - `PUT /v1/kv/<key>` stores the body and answers `true`.
 */
export class ConsulKvDouble {
    private readonly entries = new Map<string, { value: Buffer | null; createIndex: number; modifyIndex: number }>();
    private index = 1;
    private server: http.Server | undefined;
    /** ACL tokens and the key prefixes each may read; empty = ACLs off. */
    readonly tokens = new Map<string, string[]>();
    /** Requests seen (method, path, token header) for assertions. */
    readonly requests: { method: string; url: string; token?: string }[] = [];
    readonly datacenter = "dc1";

    put(key: string, value: string | null): number {
        this.index++;
        const existing = this.entries.get(key);
        this.entries.set(key, {
            value: value === null ? null : Buffer.from(value),
            createIndex: existing?.createIndex ?? this.index,
            modifyIndex: this.index,
        });
        return this.index;
    }

    /** Starts on a free 127.0.0.1 port; with `tls`, serves HTTPS (and asks for a client certificate when `ca` is given). */
    async start(tls?: { key: Buffer; cert: Buffer; ca?: Buffer }): Promise<string> {
        const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => this.handle(req, res);
        this.server = tls
            ? https.createServer(
                  { key: tls.key, cert: tls.cert, ...(tls.ca ? { ca: tls.ca, requestCert: true, rejectUnauthorized: true } : {}) },
                  handler,
              )
            : http.createServer(handler);
        await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
        return `${tls ? "https" : "http"}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    }

    async stop(): Promise<void> {
        await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        const token = (req.headers["x-consul-token"] as string | undefined) ?? url.searchParams.get("token") ?? undefined;
        this.requests.push({ method: req.method ?? "GET", url: req.url ?? "", token });
        res.setHeader("X-Consul-Index", String(this.index));
        res.setHeader("X-Consul-Knownleader", "true");
        if (!url.pathname.startsWith("/v1/kv/")) {
            res.writeHead(404).end();
            return;
        }
        const key = decodeURIComponent(url.pathname.slice("/v1/kv/".length));
        const dc = url.searchParams.get("dc");
        if (dc && dc !== this.datacenter) {
            res.writeHead(500, { "Content-Type": "text/plain" }).end("No path to datacenter");
            return;
        }
        if (this.tokens.size > 0) {
            const prefixes = token ? this.tokens.get(token) : undefined;
            if (!prefixes) {
                res.writeHead(403, { "Content-Type": "text/plain" }).end("ACL not found");
                return;
            }
            if (!prefixes.some((p) => key.startsWith(p))) {
                res.writeHead(403, { "Content-Type": "text/plain" }).end("Permission denied");
                return;
            }
        }
        if (req.method === "PUT") {
            const chunks: Buffer[] = [];
            req.on("data", (c: Buffer) => chunks.push(c));
            req.on("end", () => {
                this.put(key, Buffer.concat(chunks).toString());
                res.writeHead(200, { "Content-Type": "application/json" }).end("true");
            });
            return;
        }
        const recurse = url.searchParams.has("recurse");
        const matches = [...this.entries.entries()]
            .filter(([k]) => (recurse ? k.startsWith(key) : k === key))
            .sort(([a], [b]) => a.localeCompare(b));
        if (matches.length === 0) {
            res.writeHead(404).end();
            return;
        }
        if (url.searchParams.has("raw")) {
            res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" }).end(matches[0]![1].value ?? "");
            return;
        }
        const body = matches.map(([k, e]) => ({
            Key: k,
            Value: e.value === null ? null : e.value.toString("base64"),
            Flags: 0,
            CreateIndex: e.createIndex,
            ModifyIndex: e.modifyIndex,
            LockIndex: 0,
        }));
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    }
}
