import type { Redactor } from "../redact";
import type { VaultSpec } from "../spec/types";
import { describeNetworkError, httpRequest, HttpResponse } from "./http";
import { InputError } from "./types";

/** The KV v2 mount when neither the input nor the injector names one. */
export const DEFAULT_VAULT_MOUNT = "secret";

/** A field read from a KV v2 secret, with the version it came from. */
export interface VaultField {
    readonly value: unknown;
    readonly version: number;
    /** The KV v2 mount read from. */
    readonly mount: string;
}

/**
 * Reads KV v2 secret fields over Vault's HTTP API (works with OpenBao, which speaks the
 * same API). Logs in once per run (token or AppRole); the token is registered with the
 * redactor and never appears in a message.
 */
export class VaultClient {
    private token: Promise<string> | undefined;

    constructor(
        private readonly spec: VaultSpec,
        private readonly redactor: Redactor,
        private readonly env: NodeJS.ProcessEnv = process.env,
    ) {}

    /** Reads `field` of `<mount>/<path>` (latest or pinned `version`). */
    async readField(path: string, field: string, version?: number, mount?: string): Promise<VaultField> {
        const kvMount = mount ?? this.spec.mount ?? DEFAULT_VAULT_MOUNT;
        const where = `\`${kvMount}/${path}\`${version ? ` version ${version}` : ""}`;
        const token = await this.login();
        const query = version ? `?version=${version}` : "";
        const response = await this.call(`/v1/${kvMount}/data/${encodePath(path)}${query}`, { "X-Vault-Token": token });
        if (response.status === 404) {
            const deleted = parseJson(response.body)?.data?.metadata;
            if (deleted?.destroyed || deleted?.deletion_time) {
                throw new InputError(
                    `Vault secret ${where} is deleted or destroyed`,
                    "read another version (`version:`) or write the secret again.",
                );
            }
            throw new InputError(
                `Vault has no secret at ${where}`,
                `write it (\`bao kv put -mount=${kvMount} ${path} ${field}=…\`) or fix \`path\`/\`version\`.`,
            );
        }
        if (response.status === 403) {
            throw new InputError(
                `Vault denied reading ${where} (403 permission denied)`,
                "give the driver's token or AppRole a policy with `read` on this path, or fix the token.",
            );
        }
        if (response.status !== 200) {
            throw new InputError(
                `Vault answered ${response.status} reading ${where}: ${vaultErrors(response)}`,
                "check the Vault address, namespace and mount.",
            );
        }
        const body = parseJson(response.body);
        const data = body?.data?.data as Record<string, unknown> | undefined;
        const readVersion = Number(body?.data?.metadata?.version);
        if (!data || typeof data !== "object") {
            throw new InputError(`Vault returned no KV v2 data for ${where}`, `check that \`${kvMount}\` is a KV version 2 mount.`);
        }
        if (!(field in data)) {
            const fields = Object.keys(data);
            throw new InputError(
                `Vault secret ${where} has no field \`${field}\``,
                fields.length
                    ? `use one of its fields: ${fields.map((f) => `\`${f}\``).join(", ")}.`
                    : "the secret is empty: write the field.",
            );
        }
        this.redactor.add(data[field]);
        return { value: data[field], version: readVersion, mount: kvMount };
    }

    private login(): Promise<string> {
        this.token ??= this.authenticate();
        return this.token;
    }

    private async authenticate(): Promise<string> {
        const auth = this.spec.auth;
        if (auth.method === "token") {
            const variable = auth.tokenEnv ?? "VAULT_TOKEN";
            const token = this.env[variable];
            if (!token) {
                throw new InputError(
                    `Vault token variable \`${variable}\` is not set`,
                    `export \`${variable}\` with a token that can read the inputs' paths.`,
                );
            }
            this.redactor.add(token);
            return token;
        }
        const roleVar = auth.roleIdEnv ?? "VAULT_ROLE_ID";
        const secretVar = auth.secretIdEnv ?? "VAULT_SECRET_ID";
        const roleId = this.env[roleVar];
        const secretId = this.env[secretVar];
        const missing = [roleId ? undefined : roleVar, secretId ? undefined : secretVar].filter(Boolean);
        if (missing.length > 0) {
            throw new InputError(
                `Vault AppRole login needs ${missing.map((m) => `\`${m}\``).join(" and ")}`,
                "export the AppRole role id and secret id.",
            );
        }
        this.redactor.add(secretId);
        const mount = auth.mount ?? "approle";
        const response = await this.call(`/v1/auth/${mount}/login`, {}, JSON.stringify({ role_id: roleId, secret_id: secretId }));
        const token = parseJson(response.body)?.auth?.client_token;
        if (response.status !== 200 || typeof token !== "string") {
            throw new InputError(
                `Vault AppRole login at \`auth/${mount}\` failed (${response.status}: ${vaultErrors(response)})`,
                "check the role id, the secret id (it may be expired or used up) and the auth mount.",
            );
        }
        this.redactor.add(token);
        return token;
    }

    private async call(path: string, headers: Record<string, string>, body?: string): Promise<HttpResponse> {
        const allHeaders: Record<string, string> = { ...headers };
        if (this.spec.namespace) {
            allHeaders["X-Vault-Namespace"] = this.spec.namespace;
        }
        if (body !== undefined) {
            allHeaders["Content-Type"] = "application/json";
        }
        try {
            return await httpRequest(`${this.spec.address.replace(/\/$/, "")}${path}`, {
                method: body === undefined ? "GET" : "POST",
                headers: allHeaders,
                body,
                tls: this.spec.tls,
            });
        } catch (error) {
            throw new InputError(
                `cannot reach Vault at \`${this.spec.address}\` (${describeNetworkError(error)})`,
                "check `injectors.vault.address`, the network and the TLS settings.",
            );
        }
    }
}

function encodePath(path: string): string {
    return path.split("/").map(encodeURIComponent).join("/");
}

/** What the driver reads of Vault's JSON answers; any field may be missing, so every one is optional. */
interface VaultAnswer {
    readonly data?: {
        readonly data?: unknown;
        readonly metadata?: { readonly version?: unknown; readonly destroyed?: unknown; readonly deletion_time?: unknown };
    };
    readonly auth?: { readonly client_token?: unknown };
    readonly errors?: unknown;
}

function parseJson(text: string): VaultAnswer | undefined {
    try {
        const parsed: unknown = JSON.parse(text);
        return typeof parsed === "object" && parsed !== null ? (parsed as VaultAnswer) : undefined;
    } catch {
        return undefined;
    }
}

/** Vault's `errors` array, which never holds secret values. */
function vaultErrors(response: HttpResponse): string {
    const errors = parseJson(response.body)?.errors;
    return Array.isArray(errors) && errors.length ? errors.join("; ") : "no detail";
}
