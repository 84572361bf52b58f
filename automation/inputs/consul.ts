import type { Redactor } from "../redact";
import type { ConsulSpec } from "../spec/types";
import { describeNetworkError, httpRequest, HttpResponse } from "./http";
import { InputError } from "./types";

/** A value read from Consul KV, with the indexes that identify the read. */
export interface ConsulRead {
    readonly value: unknown;
    /** The entry's `ModifyIndex` (highest among entries for a recursive read). */
    readonly modifyIndex: number;
    /** The response's `X-Consul-Index`. */
    readonly index: number;
}

interface KvEntry {
    readonly Key: string;
    readonly Value: string | null;
    readonly ModifyIndex: number;
}

/**
 * Reads Consul KV over its HTTP API (`GET /v1/kv/<key>`, optionally `?recurse`). The
 * JSON form is used rather than `?raw` because it carries `ModifyIndex`, which the run
 * report records as provenance.
 */
export class ConsulClient {
    constructor(
        private readonly spec: ConsulSpec,
        private readonly redactor: Redactor,
        private readonly env: NodeJS.ProcessEnv = process.env,
    ) {}

    /** One key's value, or — with `recurse` — an object of every key under the prefix. */
    async read(key: string, options: { json?: boolean; recurse?: boolean } = {}): Promise<ConsulRead> {
        const query = new URLSearchParams();
        if (options.recurse) query.set("recurse", "true");
        if (this.spec.datacenter) query.set("dc", this.spec.datacenter);
        const suffix = query.toString() ? `?${query.toString()}` : "";
        const response = await this.get(`/v1/kv/${key.split("/").map(encodeURIComponent).join("/")}${suffix}`);
        const what = `Consul key${options.recurse ? " prefix" : ""} \`${key}\``;
        if (response.status === 404) {
            throw new InputError(`${what} does not exist`, `write it (\`consul kv put ${key} …\`) or fix \`key\`.`);
        }
        if (response.status === 403) {
            throw new InputError(
                `Consul denied reading ${what} (403: ACL not found or permission denied)`,
                `give the token in \`${this.tokenVariable()}\` a policy with \`key_prefix "${key}" { policy = "read" }\`.`,
            );
        }
        if (response.status !== 200) {
            throw new InputError(
                `Consul answered ${response.status} reading ${what}`,
                "check `injectors.consul.address` and `datacenter`.",
            );
        }
        const index = Number(response.headers["x-consul-index"] ?? 0);
        const entries = JSON.parse(response.body) as KvEntry[];
        const decode = (entry: KvEntry): unknown => {
            const text = entry.Value === null ? "" : Buffer.from(entry.Value, "base64").toString("utf8");
            if (!options.json) {
                return text;
            }
            try {
                return JSON.parse(text);
            } catch {
                throw new InputError(`${what}: entry \`${entry.Key}\` is not valid JSON`, "store JSON there or drop `json: true`.");
            }
        };
        if (options.recurse) {
            const prefix = key.endsWith("/") ? key : `${key}/`;
            const value: Record<string, unknown> = {};
            for (const entry of entries.filter((e) => !e.Key.endsWith("/"))) {
                value[entry.Key.startsWith(prefix) ? entry.Key.slice(prefix.length) : entry.Key] = decode(entry);
            }
            return { value, modifyIndex: Math.max(0, ...entries.map((e) => e.ModifyIndex)), index };
        }
        const entry = entries.find((e) => e.Key === key) ?? entries[0];
        if (!entry) {
            throw new InputError(`${what} does not exist`, `write it (\`consul kv put ${key} …\`) or fix \`key\`.`);
        }
        return { value: decode(entry), modifyIndex: entry.ModifyIndex, index };
    }

    private tokenVariable(): string {
        return this.spec.tokenEnv ?? "CONSUL_HTTP_TOKEN";
    }

    private async get(path: string): Promise<HttpResponse> {
        const headers: Record<string, string> = {};
        const token = this.env[this.tokenVariable()];
        if (token) {
            this.redactor.add(token);
            headers["X-Consul-Token"] = token;
        }
        try {
            return await httpRequest(`${this.spec.address.replace(/\/$/, "")}${path}`, { headers, tls: this.spec.tls });
        } catch (error) {
            throw new InputError(
                `cannot reach Consul at \`${this.spec.address}\` (${describeNetworkError(error)})`,
                "check `injectors.consul.address`, the network and the TLS settings.",
            );
        }
    }
}
