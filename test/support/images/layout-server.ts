import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

/** A registry's read side served from OCI image layouts, in process, on 127.0.0.1. */
export interface LayoutServer {
    /** `127.0.0.1:<port>`, as image references name the registry. */
    readonly host: string;
    readonly url: string;
    /** Every request path, in order (what the client fetched). */
    readonly requests: string[];
    close(): Promise<void>;
}

/**
 * The part of the OCI distribution API an inspector reads (`/v2/`, manifests and blobs by
 * digest), answered from the blobs of OCI image layouts: `layouts[repository]` is the layout's
 * folder. The unit suites use it to drive the real registry client over real HTTP without
 * starting a registry; bytes are served as they are on disk, so overwriting a blob in the layout
 * is a tampered registry. (The engine suites use Debian's docker-registry, test/support/servers.ts.)
 */
export async function serveLayouts(layouts: Readonly<Record<string, string>>): Promise<LayoutServer> {
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
        requests.push(req.url ?? "");
        const m = /^\/v2\/(.+)\/(manifests|blobs)\/(sha256:[0-9a-f]{64})$/.exec(req.url ?? "");
        if (req.url === "/v2/") return void res.writeHead(200).end("{}");
        const layout = m ? layouts[m[1]!] : undefined;
        const file = m && layout ? path.join(layout, "blobs", "sha256", m[3]!.slice(7)) : undefined;
        if (!m || !file || !fs.existsSync(file))
            return void res.writeHead(404, { "content-type": "application/json" }).end('{"errors":[]}');
        const bytes = fs.readFileSync(file);
        const type =
            m[2] === "manifests"
                ? ((JSON.parse(bytes.toString("utf8")) as { mediaType?: string }).mediaType ?? "")
                : "application/octet-stream";
        res.writeHead(200, { "content-type": type, "content-length": bytes.length }).end(bytes);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
        host,
        url: `http://${host}`,
        requests,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
}
