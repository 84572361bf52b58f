/**
 * What an engine command does to resources, as the report shows it: one step per resource
 * operation with its property diff, the dangerous ones (replaces and deletes of protected or
 * stateful resources) first; drift per resource and property; the unknown upstream outputs of
 * a preview before an environment's first deployment. Pure: built from engine events by the
 * engine executor, rendered by the report writers.
 */

/** How one property changes: `before` → `after` (either absent when the property appears or goes). */
export interface PropertyDiff {
    /** The property path: `value`, `tags.team`, `ingress[0].cidrBlocks[1]`. */
    readonly path: string;
    readonly before?: unknown;
    readonly after?: unknown;
    /** A secret: both sides show `[secret]`; the engine says it changed, never to what. */
    readonly secret?: boolean;
}

/** One resource operation of a stack. */
export interface ResourceStep {
    /** The engine's operation: `create`, `update`, `replace`, `delete`, `read`, `import`… */
    readonly op: string;
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** Protected (`protect: true`): deleting it needs `edf destroy --unprotect` or removing the flag. */
    readonly protect?: boolean;
    /** Kept in the cloud when deleted from the stack (`retainOnDelete`). */
    readonly retainOnDelete?: boolean;
    /** It holds data (a database, a bucket, a key…): a replace or delete loses it. */
    readonly stateful?: boolean;
    /** A replace or delete of a protected or stateful resource: listed first, everywhere. */
    readonly dangerous?: boolean;
    /** The properties whose change forces the replacement (replace only). */
    readonly replaceKeys?: readonly string[];
    readonly diff: readonly PropertyDiff[];
    /** The operation failed (`up`/`destroy`), or the engine refused it (a protected delete in a preview). */
    readonly failed?: boolean;
}

/** A resource whose real state differs from what the stack recorded (`edf drift`). */
export interface DriftedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** `update`: properties changed; `delete`: the resource is gone. */
    readonly op: string;
    /** `before` is what the state expects, `after` what the cloud holds. */
    readonly diff: readonly PropertyDiff[];
}

/** An upstream stack a preview read before its first deployment. */
export interface UnknownUpstream {
    readonly unit: string;
    readonly stack: string;
    /**
     * What this stack reads of it, all unknown: `input fromBase (output value)`,
     * `stackReferences.upstream`; empty for a bare `dependsOn`.
     */
    readonly reads: readonly string[];
}

/** Operations that count as changes in the plan a confirmation shows. */
export const CHANGE_KINDS = ["create", "update", "replace", "delete"] as const;

/** The engine's step kinds that are internal halves of a replacement. */
const REPLACEMENT_HALVES = new Set(["create-replacement", "delete-replaced", "discard-replaced", "import-replacement", "read-replacement"]);

/** Whether a step is one a person reads (not `same`, not half of a replacement already shown as `replace`). */
export function isShownStep(op: string): boolean {
    return op !== "same" && op !== "refresh" && !REPLACEMENT_HALVES.has(op);
}

/**
 * Resource types that hold data: replacing or deleting one loses what it holds. Matched on
 * the type token's module and resource (`aws:rds/instance:Instance`).
 */
const STATEFUL_TYPES: readonly RegExp[] = [
    /^aws:rds\/(instance|cluster|globalCluster):/,
    /^aws:dynamodb\/table:/,
    /^aws:s3\/bucket(V2)?:/,
    /^aws:efs\/fileSystem:/,
    /^aws:elasticache\/(cluster|replicationGroup|serverlessCache):/,
    /^aws:kms\/key:/,
    /^aws:secretsmanager\/secret:/,
    /^aws:ebs\/volume:/,
    /^aws:ecr\/repository:/,
    /^aws:sqs\/queue:/,
    /^aws:kinesis\/stream:/,
    /^aws:opensearch\/domain:/,
    /^aws:cloudwatch\/logGroup:/,
    /^aws:backup\/vault:/,
    /^consul:index\/keys:/,
    /^vault:kv\/secretV2:/,
    // The engine suites' stand-in for a data store: a dynamic resource backed by a file.
    /^pulumi-nodejs:dynamic\/edf-test:FileRecord$/,
];

export function isStateful(type: string): boolean {
    return STATEFUL_TYPES.some((pattern) => pattern.test(type));
}

/** Whether a step deserves to be read first: a replace or delete of something protected or stateful. */
export function isDangerous(step: Pick<ResourceStep, "op" | "protect" | "stateful">): boolean {
    return (step.op === "replace" || step.op === "delete") && Boolean(step.protect || step.stateful);
}

const OP_RANK: Readonly<Record<string, number>> = { delete: 0, replace: 1, update: 2, create: 3, import: 4, read: 5 };

/** The report's order: dangerous first, then deletes, replaces, updates, creates; then URN. */
export function compareSteps(a: ResourceStep, b: ResourceStep): number {
    return (
        Number(Boolean(b.dangerous)) - Number(Boolean(a.dangerous)) ||
        (OP_RANK[a.op] ?? 9) - (OP_RANK[b.op] ?? 9) ||
        (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0)
    );
}

const SECRET_TEXT = "[secret]";
/** Values longer than this are cut in a diff (a serialized provider, a policy document). */
const MAX_VALUE_CHARS = 300;

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shorten(value: unknown): unknown {
    if (typeof value === "string" && value.length > MAX_VALUE_CHARS) return `${value.slice(0, MAX_VALUE_CHARS - 1)}…`;
    if (value !== null && typeof value === "object") {
        const text = JSON.stringify(value);
        if (text.length > MAX_VALUE_CHARS) return `${text.slice(0, MAX_VALUE_CHARS - 1)}…`;
    }
    return value;
}

function childPath(parent: string, key: string | number): string {
    if (typeof key === "number") return `${parent}[${key}]`;
    return parent ? `${parent}.${key}` : key;
}

/**
 * The property diff between two property bags (inputs before and after, or recorded and real
 * outputs). Values must already be masked (`[secret]`); a secret that is `[secret]` on both
 * sides is listed when `changedSecrets` names it — the engine knows it changed, the report never
 * says to what. Internal properties (`__provider`, `__defaults`) are left out.
 */
export function propertyDiff(
    before: Readonly<Record<string, unknown>> | undefined,
    after: Readonly<Record<string, unknown>> | undefined,
    options: { readonly changedSecrets?: boolean } = {},
): PropertyDiff[] {
    const out: PropertyDiff[] = [];
    const walk = (path: string, a: unknown, b: unknown, hasA: boolean, hasB: boolean): void => {
        if (isPlainObject(a) && isPlainObject(b)) {
            const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !k.startsWith("__")).sort();
            for (const key of keys) walk(childPath(path, key), a[key], b[key], key in a, key in b);
            return;
        }
        if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
            a.forEach((item, i) => walk(childPath(path, i), item, b[i], true, true));
            return;
        }
        const secret = a === SECRET_TEXT || b === SECRET_TEXT;
        if (secret && a === b) {
            if (options.changedSecrets) out.push({ path, before: SECRET_TEXT, after: SECRET_TEXT, secret: true });
            return;
        }
        if (JSON.stringify(a) === JSON.stringify(b) && hasA === hasB) return;
        out.push({
            path,
            ...(hasA ? { before: shorten(a) } : {}),
            ...(hasB ? { after: shorten(b) } : {}),
            ...(secret ? { secret: true } : {}),
        });
    };
    walk("", before ?? {}, after ?? {}, true, true);
    return out;
}

/** `create 2, update 1`: the non-zero counts of changes, in the plan's order. */
export function formatChanges(changes: Readonly<Record<string, number>>): string {
    const order: readonly string[] = [...CHANGE_KINDS, "same"];
    const rank = (kind: string): number => (order.includes(kind) ? order.indexOf(kind) : order.length);
    return Object.entries(changes)
        .filter(([, n]) => n > 0)
        .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
        .map(([kind, n]) => `${kind} ${n}`)
        .join(", ");
}

/** A value as one short line for a terminal or a table cell. */
export function showValue(value: unknown): string {
    if (value === undefined) return "(none)";
    return typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
}
