import type { RunningOpenBao } from "../../../support/servers";

/** Calls the OpenBao (Vault) HTTP API as the root token; fails with the response on a non-2xx. */
export async function bao(server: RunningOpenBao, method: string, path: string, body?: unknown, namespace?: string): Promise<any> {
    const headers: Record<string, string> = { "X-Vault-Token": server.rootToken };
    if (namespace) headers["X-Vault-Namespace"] = namespace;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) {
        throw new Error(`${method} ${path}: ${response.status} ${text}`);
    }
    return text ? JSON.parse(text) : undefined;
}

/** Writes a KV v2 secret under the dev server's `secret/` mount; returns the new version. */
export async function kvPut(server: RunningOpenBao, path: string, data: Record<string, unknown>, namespace?: string): Promise<number> {
    const result = await bao(server, "POST", `/v1/secret/data/${path}`, { data }, namespace);
    return result.data.version as number;
}

/** Enables AppRole and creates a role that may read `secret/data/<prefix>*`; returns its credentials. */
export async function appRole(server: RunningOpenBao, prefix: string): Promise<{ roleId: string; secretId: string }> {
    await bao(server, "POST", "/v1/sys/auth/approle", { type: "approle" });
    await bao(server, "PUT", "/v1/sys/policies/acl/edf-reader", { policy: `path "secret/data/${prefix}*" { capabilities = ["read"] }` });
    await bao(server, "POST", "/v1/auth/approle/role/edf-driver", { token_policies: ["edf-reader"], token_ttl: "10m" });
    const roleId = (await bao(server, "GET", "/v1/auth/approle/role/edf-driver/role-id")).data.role_id as string;
    const secretId = (await bao(server, "POST", "/v1/auth/approle/role/edf-driver/secret-id", {})).data.secret_id as string;
    return { roleId, secretId };
}
