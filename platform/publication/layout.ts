import type { ContractPartName } from "../contract";

/**
 * Where the landing zone publishes its facts (see docs/landing-zone.md):
 *
 * - Consul KV: `<root>/<environment>/landing-zone/<part>/<key>`, one key per contract
 *   output; strings as-is, lists as JSON arrays. Never a secret.
 * - Vault KV v2: mount `<mount>`, secret `<root>/<environment>/landing-zone/<part>`,
 *   holding every contract output of the part (lists as JSON) plus the part's secrets.
 */
export const DEFAULT_PUBLICATION_ROOT = "edf";
export const DEFAULT_VAULT_MOUNT = "secret";

/** Consul publication settings (config `edf:publication.consul`). */
export interface ConsulPublicationConfig {
    /** Publish to Consul KV. @default false */
    readonly enabled?: boolean;
    /** First segment of every key. @default "edf" */
    readonly root?: string;
    /** Consul datacenter. @default - the agent's */
    readonly datacenter?: string;
}

/** Vault publication settings (config `edf:publication.vault`). */
export interface VaultPublicationConfig {
    /** Publish to Vault KV v2. @default false */
    readonly enabled?: boolean;
    /** The KV v2 mount. @default "secret" */
    readonly mount?: string;
    /** First segment of every secret path. @default "edf" */
    readonly root?: string;
}

/** Publication settings of a unit (config `edf:publication`); both targets are opt-in. */
export interface PublicationConfig {
    readonly consul?: ConsulPublicationConfig;
    readonly vault?: VaultPublicationConfig;
}

const SEGMENTS = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/** Every problem with a publication config, naming the field and the fix. Pure. */
export function publicationProblems(publication: unknown): string[] {
    if (publication === undefined) {
        return [];
    }
    if (typeof publication !== "object" || publication === null || Array.isArray(publication)) {
        return ['`publication` must be an object such as `{"consul": {"enabled": true}}`.'];
    }
    const problems: string[] = [];
    const p = publication as Record<string, unknown>;
    for (const key of Object.keys(p)) {
        if (key !== "consul" && key !== "vault") {
            problems.push(`\`publication.${key}\` is not a publication target: use \`consul\` or \`vault\`.`);
        }
    }
    for (const target of ["consul", "vault"] as const) {
        const t = p[target];
        if (t === undefined) {
            continue;
        }
        if (typeof t !== "object" || t === null || Array.isArray(t)) {
            problems.push(`\`publication.${target}\` must be an object such as \`{"enabled": true}\`.`);
            continue;
        }
        const fields = t as Record<string, unknown>;
        if (fields.enabled !== undefined && typeof fields.enabled !== "boolean") {
            problems.push(`\`publication.${target}.enabled\` must be \`true\` or \`false\`.`);
        }
        for (const name of ["root", "mount", "datacenter"]) {
            const value = fields[name];
            if (value !== undefined && (typeof value !== "string" || !SEGMENTS.test(value))) {
                problems.push(
                    `\`publication.${target}.${name}\` must be path segments of letters, ` +
                        `digits, \`_.-\` joined by \`/\` (no leading or trailing \`/\`).`,
                );
            }
        }
    }
    return problems;
}

/** The Consul key prefix of a part, ending with `/`. */
export function consulPrefix(root: string, environment: string, part: ContractPartName): string {
    return `${root}/${environment}/landing-zone/${partSegment(part)}/`;
}

/** The Vault KV v2 secret name (path under the mount) of a part. */
export function vaultSecretName(root: string, environment: string, part: ContractPartName): string {
    return `${root}/${environment}/landing-zone/${partSegment(part)}`;
}

/** Path segment of a part: the unit folder's name (`shared-services`, not `sharedServices`). */
export function partSegment(part: ContractPartName): string {
    return part === "sharedServices" ? "shared-services" : part;
}

/** How a fact is stored as a KV string: strings as-is, anything else as JSON. */
export function encodeFact(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}
