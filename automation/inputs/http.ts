import * as http from "http";
import * as https from "https";
import { readCheckedBytes } from "../files/read";
import type { TlsSpec } from "../spec/types";

/** A small HTTP response: status, lower-cased headers, body text. */
export interface HttpResponse {
    readonly status: number;
    readonly headers: Readonly<Record<string, string | undefined>>;
    readonly body: string;
}

export interface HttpRequest {
    readonly method?: "GET" | "POST";
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: string;
    readonly tls?: TlsSpec;
    /** @default 10000 */
    readonly timeoutMs?: number;
}

/**
 * One HTTP(S) request. Uses node:https rather than the global fetch because Vault and
 * Consul deployments commonly need a private CA and mutual TLS, which fetch cannot
 * take without an extra dispatcher package.
 */
export function httpRequest(url: string, request: HttpRequest = {}): Promise<HttpResponse> {
    const target = new URL(url);
    const isHttps = target.protocol === "https:";
    const tlsOptions: https.RequestOptions = {};
    if (isHttps && request.tls) {
        // Machine configuration (a CA bundle may well be a link into /usr/share): read anywhere,
        // but as every file edf reads, a regular file within the size limit that never blocks.
        const read = (file: string, what: string): Buffer =>
            readCheckedBytes({ file, display: file, what, origin: { kind: "machine" }, code: "EDF_INPUT_UNRESOLVED" });
        if (request.tls.caFile) tlsOptions.ca = read(request.tls.caFile, "TLS CA file");
        if (request.tls.certFile) tlsOptions.cert = read(request.tls.certFile, "TLS certificate file");
        if (request.tls.keyFile) tlsOptions.key = read(request.tls.keyFile, "TLS key file");
    }
    const send = isHttps ? https.request : http.request;
    return new Promise<HttpResponse>((resolve, reject) => {
        const req = send(
            target,
            { method: request.method ?? "GET", headers: request.headers, timeout: request.timeoutMs ?? 10_000, ...tlsOptions },
            (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (chunk: Buffer) => chunks.push(chunk));
                res.on("error", reject);
                res.on("end", () => {
                    const headers: Record<string, string | undefined> = {};
                    for (const [key, value] of Object.entries(res.headers)) {
                        headers[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
                    }
                    resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString("utf8") });
                });
            },
        );
        req.on("timeout", () => req.destroy(new Error(`timed out after ${request.timeoutMs ?? 10_000} ms`)));
        req.on("error", reject);
        if (request.body !== undefined) {
            req.write(request.body);
        }
        req.end();
    });
}

/** A network error as a short reason without URLs' credentials (there are none in our URLs). */
export function describeNetworkError(error: unknown): string {
    const e = error as NodeJS.ErrnoException;
    return e.code ? `${e.code}${e.message && !e.message.includes(e.code) ? `: ${e.message}` : ""}` : String(e.message ?? e);
}
