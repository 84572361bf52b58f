/**
 * The pure part of an `HttpApi`: route paths as API Gateway REST resources, the
 * execute-api ARNs that scope invoke permissions, and the checks on routes and
 * authorisers. No Pulumi here, so it is tested on its own.
 */

/** HTTP methods a route answers; `ANY` is every method. */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A path segment: a literal, a `{parameter}`, or a final greedy `{name+}`. */
const LITERAL = /^[A-Za-z0-9._~-]+$/;
const PARAMETER = /^\{[A-Za-z][A-Za-z0-9_]*\+?\}$/;

/** One REST resource to create: its full path, its parent's path and its own path part. */
export interface ResourceNode {
    readonly path: string;
    readonly parentPath: string;
    readonly part: string;
}

/** Problems with a route path (`/orders/{id}`), naming `argument`; empty when valid. Pure. */
export function routePathProblems(path: unknown, argument: string): string[] {
    if (typeof path !== "string" || !path.startsWith("/")) {
        return [`\`${argument}\` is \`${String(path)}\`: a path starts with \`/\`, e.g. \`/orders/{id}\`.`];
    }
    if (path === "/") {
        return [];
    }
    const parts = path.slice(1).split("/");
    const problems: string[] = [];
    parts.forEach((part, index) => {
        if (!LITERAL.test(part) && !PARAMETER.test(part)) {
            problems.push(`\`${argument}\` has the segment \`${part}\`: use letters, digits, \`._~-\` or a \`{parameter}\`.`);
        } else if (part.endsWith("+}") && index !== parts.length - 1) {
            problems.push(`\`${argument}\`: the greedy parameter \`${part}\` must be the last segment.`);
        }
    });
    return problems;
}

/** The REST resources a set of paths needs, parents first, each once. Pure. */
export function resourceTree(paths: readonly string[]): ResourceNode[] {
    const nodes = new Map<string, ResourceNode>();
    for (const path of paths) {
        if (path === "/") continue;
        let parentPath = "/";
        for (const part of path.slice(1).split("/")) {
            const full = parentPath === "/" ? `/${part}` : `${parentPath}/${part}`;
            if (!nodes.has(full)) nodes.set(full, { path: full, parentPath, part });
            parentPath = full;
        }
    }
    return [...nodes.values()].sort((a, b) => a.path.split("/").length - b.path.split("/").length || a.path.localeCompare(b.path));
}

/** `/orders/{id}` → `orders-id`: a readable, name-safe slug for logical names (`root` for `/`). Pure. */
export function pathSlug(path: string): string {
    const slug = path
        .replace(/\+\}/g, "-greedy}")
        .replace(/[{}]/g, "")
        .replace(/[^A-Za-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .toLowerCase();
    return slug === "" ? "root" : slug;
}

/** The path parameters of a route (`/orders/{id}/{rest+}` → `id`, `rest`). Pure. */
export function pathParameters(path: string): string[] {
    return [...path.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\+?\}/g)].map((m) => m[1]!);
}

/**
 * The part after the API's execution ARN that one route's invoke permission is scoped
 * to: `<stage>/<METHOD>/<path>`, parameters as `*` (`ANY` is `*` too). Pure.
 */
export function invokeScope(stageName: string, method: HttpMethod, path: string): string {
    const resource = path === "/" ? "/" : path.replace(/\{[^}]+\}/g, "*");
    return `${stageName}/${method === "ANY" ? "*" : method}${resource}`;
}

/** What the route checks need to know about a route. */
export interface RouteShape {
    readonly method: unknown;
    readonly path: unknown;
    readonly authorizer?: unknown;
    readonly target?: unknown;
}

/**
 * Problems with routes and authorisers: at least one route; valid methods and paths; no
 * route declared twice; every route names an authoriser the API declares (or the API
 * declares exactly one) — never none; HTTP backends over HTTPS only. Pure.
 */
export function routeProblems(routes: readonly RouteShape[] | undefined, authorizerNames: readonly string[]): string[] {
    const problems: string[] = [];
    if (!Array.isArray(routes) || routes.length === 0) {
        return ['`routes` is empty: give at least one route, e.g. `{ method: "GET", path: "/orders", target: { function } }`.'];
    }
    if (authorizerNames.length === 0) {
        problems.push(
            "`authorizers` is empty: every route needs an authoriser — declare one " +
                "(`lambda`, `cognito` for JWTs from a user pool, or `iam`).",
        );
    }
    const seen = new Set<string>();
    const slugs = new Map<string, string>();
    routes.forEach((route, index) => {
        const at = (field: string) => `routes[${index}].${field}`;
        if (!HTTP_METHODS.includes(route.method as HttpMethod)) {
            problems.push(`\`${at("method")}\` is \`${String(route.method)}\`: use one of ${HTTP_METHODS.join(", ")}.`);
        }
        const pathIssues = routePathProblems(route.path, at("path"));
        problems.push(...pathIssues);
        if (pathIssues.length === 0) {
            const path = route.path as string;
            const key = `${String(route.method)} ${path}`;
            if (seen.has(key)) problems.push(`\`${at("path")}\`: \`${key}\` is declared twice; keep one route per method and path.`);
            seen.add(key);
            const slug = pathSlug(path);
            const other = slugs.get(slug);
            if (other !== undefined && other !== path) {
                problems.push(`\`${at("path")}\` \`${path}\` and \`${other}\` are too alike to name apart; rename one.`);
            }
            slugs.set(slug, path);
        }
        const authorizer = route.authorizer;
        if (authorizer === undefined) {
            if (authorizerNames.length > 1) {
                problems.push(
                    `\`${at("authorizer")}\` is missing and the API declares ${authorizerNames.length} authorisers: name one of ` +
                        `${authorizerNames.map((n) => `\`${n}\``).join(", ")} — every route is authorised.`,
                );
            }
        } else if (typeof authorizer !== "string" || /^none$/i.test(authorizer)) {
            problems.push(
                `\`${at("authorizer")}\` is \`${String(authorizer)}\`: every route is ` +
                    `authorised (a route without one is open to the internet); ` +
                    "name one of the API's authorisers.",
            );
        } else if (!authorizerNames.includes(authorizer)) {
            problems.push(
                `\`${at("authorizer")}\` is \`${authorizer}\`, which \`authorizers\` does not declare: ` +
                    `use ${authorizerNames.length > 0 ? authorizerNames.map((n) => `\`${n}\``).join(", ") : "an authoriser you declare"}.`,
            );
        }
        const target = route.target as { baseUrl?: unknown; function?: unknown } | undefined;
        if (target === undefined || (target.baseUrl === undefined && target.function === undefined)) {
            problems.push(`\`${at("target")}\` is missing: give \`{ function }\` or \`{ baseUrl: "https://…" }\`.`);
        } else if (
            target.baseUrl !== undefined &&
            (typeof target.baseUrl !== "string" || !/^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(target.baseUrl))
        ) {
            problems.push(
                `\`${at("target.baseUrl")}\` is \`${String(target.baseUrl)}\`: the API ` +
                    `reaches HTTP backends over HTTPS only (\`https://…\`).`,
            );
        }
    });
    return problems;
}
