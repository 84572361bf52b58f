/**
 * Image references as registries and ECS write them: `[registry/]repository[:tag][@digest]`.
 * Parsing follows the distribution project's reference grammar: the first path component is a
 * registry when it holds a `.` or a `:`, or is `localhost`; otherwise the image is on Docker Hub,
 * whose one-component names live under `library/`.
 */
export interface ImageReference {
    /** Registry host (and port), as written: `123456789012.dkr.ecr.eu-west-1.amazonaws.com`, `docker.io`. */
    readonly registry: string;
    /** Repository path inside the registry: `payments`, `library/alpine`. */
    readonly repository: string;
    readonly tag?: string;
    /** `sha256:<64 hex>` when the reference is pinned. */
    readonly digest?: string;
}

/** Docker Hub, as references name it (the API host differs: see `registryApiHost`). */
export const DOCKER_HUB = "docker.io";

const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** Why `text` is not an image reference; `undefined` when it is one. */
export function referenceProblem(text: string): string | undefined {
    try {
        parseImageReference(text);
        return undefined;
    } catch (error) {
        return (error as Error).message;
    }
}

/** Parses an image reference; throws an `Error` that names the reference and what is wrong with it. */
export function parseImageReference(text: string): ImageReference {
    const fail = (why: string): never => {
        throw new Error(`\`${text}\` is not an image reference: ${why}.`);
    };
    if (!text || /\s/.test(text)) fail("it is empty or contains white space");
    let rest = text;
    let digest: string | undefined;
    const at = rest.indexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest)) fail(`\`${digest}\` is not a digest (expected e.g. sha256:<64 hex digits>)`);
    }
    let tag: string | undefined;
    const slash = rest.lastIndexOf("/");
    const colon = rest.lastIndexOf(":");
    if (colon > slash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag)) fail(`\`${tag}\` is not a tag`);
    }
    const parts = rest.split("/");
    let registry = DOCKER_HUB;
    if (parts.length > 1 && (parts[0]!.includes(".") || parts[0]!.includes(":") || parts[0] === "localhost")) {
        registry = parts.shift()!;
    }
    if (registry === "index.docker.io" || registry === "registry-1.docker.io") registry = DOCKER_HUB;
    if (registry === DOCKER_HUB && parts.length === 1) parts.unshift("library");
    for (const part of parts)
        if (!COMPONENT.test(part)) fail(`the path component \`${part}\` is not lowercase letters, digits and separators`);
    return { registry, repository: parts.join("/"), ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** The reference as text; a digest wins over a tag when `pinned`. */
export function formatImageReference(ref: ImageReference, pinned = false): string {
    const base = `${ref.registry}/${ref.repository}`;
    if (ref.digest && (pinned || !ref.tag)) return `${base}@${ref.digest}`;
    return `${base}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`;
}

/** The host that serves a registry's API (Docker Hub's differs from its name). */
export function registryApiHost(registry: string): string {
    return registry === DOCKER_HUB ? "registry-1.docker.io" : registry;
}

const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.(amazonaws\.com(?:\.cn)?|[a-z0-9.-]+)$/;

/** The account and region of an Amazon ECR private registry host; `undefined` for other registries. */
export function ecrRegistryOf(registry: string): { readonly accountId: string; readonly region: string } | undefined {
    const m = ECR_HOST.exec(registry);
    return m ? { accountId: m[1]!, region: m[2]! } : undefined;
}
