import type { PolicyCustomTimeouts, PolicyProviderResource, PolicyResourceOptions } from "@pulumi/policy";

/**
 * One resource as the harness takes it: what a mocked program run registers, what a
 * `pulumi stack export` document holds, or what a test factory builds. Plain JSON only.
 */
export interface ResourceRecord {
    /** Pulumi type token, e.g. `aws:s3/bucket:Bucket`. */
    readonly type: string;
    /** Logical name. */
    readonly name: string;
    /** Full URN. */
    readonly urn: string;
    /** Resource inputs (preview) or outputs (stack analysis); unknowns as Pulumi's unknown sentinel. */
    readonly props: Readonly<Record<string, unknown>>;
    /** Physical id when known (state documents, mocks); used to resolve references between resources. */
    readonly id?: string;
    /** URN of the parent resource. */
    readonly parent?: string;
    /** Provider reference (`<urn>::<id>` as in state) or the provider itself. */
    readonly provider?: string | PolicyProviderResource;
    /** Resource options that the engine hands to policies. */
    readonly options?: Partial<Omit<PolicyResourceOptions, "customTimeouts">> & { readonly customTimeouts?: Partial<PolicyCustomTimeouts> };
    /** URNs this resource depends on. */
    readonly dependencies?: readonly string[];
    /** URNs each input property depends on. */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/** The engine's unknown-value sentinel (`@pulumi/pulumi/runtime/rpc` `unknownValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * Unwraps serialized secrets into plain values, as the analyzer's deserializer does: policies
 * see plain JSON. Everything else (assets, archives, unknown sentinels) passes through.
 */
export function plainProps(value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map(plainProps);
    const obj = value as Record<string, unknown>;
    if (obj[SIG_KEY] === SECRET_SIG) {
        if ("value" in obj) return plainProps(obj.value);
        if ("plaintext" in obj && typeof obj.plaintext === "string") return plainProps(JSON.parse(obj.plaintext));
        return UNKNOWN; // an encrypted secret the caller could not decrypt: as unknown as in preview
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
        if (v !== undefined) out[k] = plainProps(v);
    }
    return out;
}

/** The URN part of a provider reference `<urn>::<id>`. */
export function providerUrn(ref: string): string {
    // A URN has four `::`-separated parts; a provider reference appends `::<id>`.
    const parts = ref.split("::");
    return parts.length > 4 ? parts.slice(0, -1).join("::") : ref;
}

/** Checks a list of records, returning one message per problem (empty when sound). */
export function validateRecords(records: readonly ResourceRecord[]): string[] {
    const problems: string[] = [];
    const urns = new Set<string>();
    records.forEach((r, i) => {
        const where = `resources[${i}]`;
        if (typeof r !== "object" || r === null) {
            problems.push(`${where} must be an object with \`type\`, \`name\`, \`urn\` and \`props\`.`);
            return;
        }
        for (const key of ["type", "name", "urn"] as const) {
            if (typeof r[key] !== "string" || r[key].length === 0) problems.push(`${where}.${key} must be a non-empty string.`);
        }
        if (typeof r.props !== "object" || r.props === null || Array.isArray(r.props))
            problems.push(`${where}.props must be an object (use {} for none).`);
        if (typeof r.urn === "string") {
            if (urns.has(r.urn)) problems.push(`${where}.urn \`${r.urn}\` appears twice; URNs must be unique.`);
            urns.add(r.urn);
        }
    });
    return problems;
}
