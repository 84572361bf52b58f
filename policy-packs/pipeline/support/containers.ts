import { asArray, parseMaybeJson } from "./props";

/** The parts of an ECS container definition the policies read. */
export interface ContainerDefinition {
    readonly name?: string;
    readonly image?: string;
    readonly privileged?: boolean;
    readonly readonlyRootFilesystem?: boolean;
    readonly user?: string;
    readonly environment?: { name?: string; value?: string }[];
    readonly secrets?: { name?: string; valueFrom?: string }[];
    readonly logConfiguration?: { logDriver?: string; options?: Record<string, string> };
}

/**
 * The container definitions of a task definition (`containerDefinitions` is JSON text in
 * @pulumi/aws). Throws a clear error if the text is not a JSON array: a broken task definition
 * must not pass a policy by accident.
 */
export function containersOf(props: Record<string, unknown>): ContainerDefinition[] {
    const raw = props.containerDefinitions;
    const parsed = parseMaybeJson(raw);
    if (parsed === undefined) return [];
    if (!Array.isArray(parsed)) throw new Error("`containerDefinitions` is not a JSON array of container definitions.");
    return asArray(parsed as ContainerDefinition[]);
}

export function containerName(c: ContainerDefinition, index: number): string {
    return c.name ? `\`${c.name}\`` : `#${index}`;
}

/** Registry host of an image reference (`docker.io` for bare names, as Docker resolves them). */
export function registryOf(image: string): string {
    const first = image.split("/")[0];
    if (!image.includes("/") || !(first.includes(".") || first.includes(":") || first === "localhost")) return "docker.io";
    return first;
}

/** Whether an image reference is pinned by content digest (`@sha256:<64 hex>`). */
export function isPinnedByDigest(image: string): boolean {
    return /@sha256:[a-f0-9]{64}$/.test(image);
}
