import { Readable } from "stream";
import type { ReadableStream as WebReadableStream } from "stream/web";
import { ImageError } from "../errors";
import { parseChallenge } from "./challenge";
import type { CredentialSource, RegistryCredentials } from "./credentials";

/** How to reach one registry. */
export interface RegistryEndpoint {
    /** The registry as image references name it (`123456789012.dkr.ecr.eu-west-1.amazonaws.com`). */
    readonly registry: string;
    /** The API's base URL (`https://<registry>` unless configured: a mirror, an endpoint, a local registry). */
    readonly url: string;
    readonly credentials: CredentialSource;
}

export interface RegistryClientOptions {
    /** Every token and password met is handed here, so the run scrubs it from anything written. */
    readonly onSecret?: (value: string) => void;
    /** Attempts on throttling (429) and server errors (5xx). @default 3 */
    readonly attempts?: number;
    /** Milliseconds to wait for response headers. @default 60000 */
    readonly timeoutMs?: number;
}

/** A manifest or index as the registry served it. */
export interface FetchedManifest {
    readonly bytes: Buffer;
    readonly mediaType: string;
    /** The digest the registry claims (`Docker-Content-Digest`), when it sends one. */
    readonly claimedDigest?: string;
}

/** A blob being downloaded. */
export interface BlobStream {
    readonly stream: Readable;
    /** `Content-Length`, when the registry sends one. */
    readonly length?: number;
}

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const REDIRECTS = 5;

/**
 * A client of the OCI distribution API (`/v2/`), the part an inspector needs: manifests and
 * blobs of one registry, pulled with the registry's auth scheme — none, HTTP Basic, or the
 * Bearer token flow (`WWW-Authenticate: Bearer realm=…,service=…,scope=…`), which Docker Hub,
 * GHCR and the distribution registry with token auth use; ECR answers with Basic and takes its
 * `GetAuthorizationToken` credentials. Redirects to blob storage (S3 for ECR) are followed
 * without our `Authorization` header. Messages name the registry and the repository, never a
 * credential.
 */
export class RegistryClient {
    private readonly tokens = new Map<string, string>();
    private basic: string | undefined;

    constructor(
        readonly endpoint: RegistryEndpoint,
        private readonly options: RegistryClientOptions = {},
    ) {}

    /** Fetches a manifest or index by tag or digest (the bytes as served: the caller verifies the digest). */
    async manifest(repository: string, reference: string, accept: string, signal?: AbortSignal): Promise<FetchedManifest> {
        const response = await this.get(repository, `/v2/${repository}/manifests/${reference}`, { Accept: accept }, signal);
        const bytes = await readCapped(response, MAX_MANIFEST_BYTES, () => `the manifest ${repository}:${reference}`);
        const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
        const claimed = response.headers.get("docker-content-digest") ?? undefined;
        return { bytes, mediaType, ...(claimed ? { claimedDigest: claimed } : {}) };
    }

    /** Opens a blob for streaming. */
    async blob(repository: string, digest: string, signal?: AbortSignal): Promise<BlobStream> {
        const response = await this.get(repository, `/v2/${repository}/blobs/${digest}`, {}, signal);
        if (!response.body) throw this.error("EDF_REGISTRY_PROTOCOL", `sent no body for blob ${digest} of \`${repository}\``);
        const length = Number(response.headers.get("content-length"));
        return {
            stream: Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>),
            ...(Number.isFinite(length) && response.headers.has("content-length") ? { length } : {}),
        };
    }

    /** Reads a small blob (an image config) whole, refusing more than `maxBytes`. */
    async blobBytes(repository: string, digest: string, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
        const response = await this.get(repository, `/v2/${repository}/blobs/${digest}`, {}, signal);
        return readCapped(response, maxBytes, () => `blob ${digest} of \`${repository}\``);
    }

    private get name(): string {
        return `registry \`${this.endpoint.registry}\`${this.endpoint.url.includes(this.endpoint.registry) ? "" : ` (${this.endpoint.url})`}`;
    }

    private error(code: ConstructorParameters<typeof ImageError>[0], what: string, cause?: unknown): ImageError {
        return new ImageError(code, `${this.name} ${what}`, cause === undefined ? undefined : { cause });
    }

    /** GET with auth, retries and redirects; resolves with a 2xx response or throws an `ImageError`. */
    private async get(repository: string, path: string, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
        const attempts = this.options.attempts ?? 3;
        let authorized = false;
        for (let attempt = 1; ; attempt++) {
            const response = await this.send(new URL(path, this.endpoint.url), { ...headers, ...this.authHeader(repository) }, signal);
            if (response.status === 401 && !authorized) {
                await response.body?.cancel();
                await this.authorize(repository, response.headers.get("www-authenticate"), signal);
                authorized = true;
                attempt--;
                continue;
            }
            if (response.ok) return response;
            await response.body?.cancel();
            if ((response.status === 429 || response.status >= 500) && attempt < attempts) {
                await delay(250 * 2 ** attempt, signal);
                continue;
            }
            const what = path.includes("/manifests/") ? `the manifest ${path.split("/manifests/")[1]}` : `blob ${path.split("/blobs/")[1]}`;
            if (response.status === 401 || response.status === 403)
                throw this.error(
                    "EDF_REGISTRY_AUTH",
                    `refused access to \`${repository}\` (HTTP ${response.status}) with ${this.endpoint.credentials.description}: ` +
                        `check that these credentials may pull from this repository`,
                );
            if (response.status === 404)
                throw this.error("EDF_IMAGE_NOT_FOUND", `has no ${what} in \`${repository}\` (HTTP 404): was it deleted or never pushed?`);
            throw this.error("EDF_REGISTRY_PROTOCOL", `answered HTTP ${response.status} for ${what} of \`${repository}\``);
        }
    }

    /** One request, following redirects by hand so our `Authorization` never leaves for another host. */
    private async send(url: URL, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
        let current = url;
        let sent = headers;
        for (let hop = 0; hop <= REDIRECTS; hop++) {
            let response: Response;
            try {
                const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 60_000);
                response = await fetch(current, {
                    headers: sent,
                    redirect: "manual",
                    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
                });
            } catch (error) {
                if (signal?.aborted) throw error;
                const cause = (error as { cause?: { code?: string; message?: string } }).cause;
                const why = cause?.code ?? cause?.message ?? (error as Error).message;
                throw this.error(
                    "EDF_REGISTRY_UNREACHABLE",
                    `could not be reached at ${current.origin} (${why}): check the address, ` +
                        `the network path and \`inspect.registries\` in the spec`,
                    error,
                );
            }
            const location = response.headers.get("location");
            if (response.status >= 300 && response.status < 400 && location) {
                await response.body?.cancel();
                const next = new URL(location, current);
                if (next.origin !== current.origin) {
                    const { Authorization: _dropped, ...rest } = sent;
                    sent = rest;
                }
                current = next;
                continue;
            }
            return response;
        }
        throw this.error("EDF_REGISTRY_PROTOCOL", `redirected more than ${REDIRECTS} times for ${url.pathname}`);
    }

    private authHeader(repository: string): Record<string, string> {
        const token = this.tokens.get(repository);
        if (token) return { Authorization: `Bearer ${token}` };
        return this.basic ? { Authorization: `Basic ${this.basic}` } : {};
    }

    /** Answers a 401's challenge: Basic with our credentials, or a Bearer token from the realm. */
    private async authorize(repository: string, header: string | null, signal?: AbortSignal): Promise<void> {
        const challenge = parseChallenge(header);
        if (!challenge)
            throw this.error("EDF_REGISTRY_AUTH", `asked for authentication without a challenge we can answer (${header ?? "none"})`);
        let credentials: RegistryCredentials | undefined;
        try {
            credentials = await this.endpoint.credentials.get(signal);
        } catch (error) {
            throw this.error(
                "EDF_REGISTRY_AUTH",
                `needs credentials, and ${this.endpoint.credentials.description} gave none: ${(error as Error).message}`,
                error,
            );
        }
        const basic = credentials ? Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64") : undefined;
        if (basic) this.options.onSecret?.(basic);
        if (challenge.scheme === "basic") {
            if (!basic)
                throw this.error(
                    "EDF_REGISTRY_AUTH",
                    `needs credentials (HTTP Basic) for \`${repository}\`, and ${this.endpoint.credentials.description} has none: configure \`inspect.registries\``,
                );
            this.basic = basic;
            return;
        }
        const realm = challenge.params.realm;
        if (!realm) throw this.error("EDF_REGISTRY_AUTH", "sent a Bearer challenge without a realm");
        const tokenUrl = new URL(realm);
        if (challenge.params.service) tokenUrl.searchParams.set("service", challenge.params.service);
        tokenUrl.searchParams.set("scope", challenge.params.scope ?? `repository:${repository}:pull`);
        const response = await this.send(tokenUrl, basic ? { Authorization: `Basic ${basic}` } : {}, signal);
        if (!response.ok) {
            await response.body?.cancel();
            throw this.error(
                "EDF_REGISTRY_AUTH",
                `refused a pull token for \`${repository}\` (HTTP ${response.status} from ${tokenUrl.origin}) with ${this.endpoint.credentials.description}`,
            );
        }
        const body = (await response.json().catch(() => ({}))) as { token?: string; access_token?: string };
        const token = body.token ?? body.access_token;
        if (!token) throw this.error("EDF_REGISTRY_AUTH", `gave no token for \`${repository}\``);
        this.options.onSecret?.(token);
        this.tokens.set(repository, token);
    }
}

async function readCapped(response: Response, maxBytes: number, what: () => string): Promise<Buffer> {
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel();
        throw new ImageError("EDF_IMAGE_TOO_LARGE", `${what()} is ${declared} bytes, more than the ${maxBytes} allowed for it.`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
        size += chunk.length;
        if (size > maxBytes) throw new ImageError("EDF_IMAGE_TOO_LARGE", `${what()} is more than the ${maxBytes} bytes allowed for it.`);
        chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    });
}
