import type { PolicyResource } from "@pulumi/policy";
import { UnknownValueError } from "../../lib/analyzer-internals";

/**
 * Reads a value that may be unknown during preview, giving `undefined` instead of stopping the
 * policy. Only for cross-resource lookups in stack policies, where one unknown name elsewhere
 * must not blind the whole check; a policy's own subject is read directly, as the engine wants.
 */
export function known<T>(read: () => T): T | undefined {
    try {
        return read();
    } catch (e) {
        if (e instanceof UnknownValueError) return undefined;
        throw e;
    }
}

/** A value that is JSON text in some providers' inputs (provider config, policy documents). */
export function parseMaybeJson(value: unknown): unknown {
    if (typeof value !== "string") return value;
    const t = value.trim();
    if (!(t.startsWith("{") || t.startsWith("["))) return value;
    try {
        return JSON.parse(t);
    } catch {
        return value;
    }
}

export function asArray<T>(value: T | readonly T[] | undefined | null): T[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? [...(value as T[])] : [value as T];
}

/** A resource's tags merged over its provider's `defaultTags`, as AWS would apply them. */
export function effectiveTags(props: Record<string, unknown>, providerProps?: Record<string, unknown>): Record<string, string> {
    const defaults = parseMaybeJson(providerProps?.defaultTags) as { tags?: unknown } | undefined;
    const fromProvider =
        defaults && typeof defaults === "object" ? (parseMaybeJson(defaults.tags) as Record<string, string> | undefined) : undefined;
    return { ...(fromProvider ?? {}), ...((props.tags as Record<string, string> | undefined) ?? {}) };
}

/** Whether a CIDR means "anyone on the internet". */
export function isWorldCidr(cidr: unknown): boolean {
    return cidr === "0.0.0.0/0" || cidr === "::/0";
}

/**
 * Whether `from` refers to `target` through property `prop`: by the engine's property
 * dependencies when present (exact), else by value against the target's identifying props
 * (state documents), else by a plain dependency.
 */
export function refersTo(from: PolicyResource, prop: string, target: PolicyResource, targetKeys: readonly string[]): boolean {
    const deps = from.propertyDependencies[prop];
    if (deps && deps.length > 0) return deps.some((d) => d.urn === target.urn);
    const value = known(() => from.props[prop]);
    if (typeof value === "string") {
        for (const key of ["id", ...targetKeys]) {
            const tv = known(() => target.props[key]);
            if (typeof tv === "string" && tv === value) return true;
        }
    }
    return from.dependencies.some((d) => d.urn === target.urn);
}

export function ofTypes(resources: readonly PolicyResource[], types: readonly string[]): PolicyResource[] {
    const set = new Set(types);
    return resources.filter((r) => set.has(r.type));
}

/** The resource's display name for messages. */
export function label(name: string): string {
    return `\`${name}\``;
}
