/**
 * What a service stack tells `edf inspect` about what it runs: the stack output `runtime`, a
 * typed, versioned document (as the landing zone's contract is). Pure data and a validator, no
 * Pulumi import: the driver reads it from stack outputs without loading the service SDK.
 */

/** The stack output's name. */
export const RUNTIME_OUTPUT = "runtime";
/** Raised when a field changes meaning; readers refuse versions they do not know. */
export const RUNTIME_OUTPUT_VERSION = 1;

/** One container of a service's task, as the task definition declares it. */
export interface RuntimeContainer {
    readonly name: string;
    /** The image reference (`<registry>/<repository>:<tag>` or `…@sha256:<digest>`). */
    readonly image: string;
    /** The digest it is pinned to, when it is. */
    readonly digest?: string;
    /** The container's `user`, when the task definition sets one. */
    readonly user?: string;
}

/** One ECS service of the stack. */
export interface ServiceRuntime {
    readonly kind: "ecs-service";
    /** The service's name in the stack (the component's name). */
    readonly name: string;
    /** The ECS cluster (ARN or name). */
    readonly cluster: string;
    /** The ECS service name. */
    readonly service: string;
    readonly region: string;
    readonly taskDefinition: { readonly family: string; readonly arn: string };
    /** The platform the tasks run on: an image index is resolved to it. */
    readonly platform: { readonly os: "linux"; readonly architecture: "amd64" | "arm64" };
    readonly containers: readonly RuntimeContainer[];
}

/** The `runtime` stack output. */
export interface RuntimeOutput {
    readonly version: typeof RUNTIME_OUTPUT_VERSION;
    readonly services: readonly ServiceRuntime[];
}

/** The output of a stack whose services are `services`. */
export function runtimeOutput(services: readonly ServiceRuntime[]): RuntimeOutput {
    return { version: RUNTIME_OUTPUT_VERSION, services: [...services] };
}

/** ECS's `cpuArchitecture` (`X86_64`, `ARM64`) as image indexes name it. */
export function architectureOf(cpuArchitecture: string | undefined): "amd64" | "arm64" {
    return cpuArchitecture === "ARM64" ? "arm64" : "amd64";
}

const text = (v: unknown): v is string => typeof v === "string" && v.length > 0;

/** Why `value` is not a `runtime` output this reader understands; empty when it is one. Messages name the field. */
export function runtimeOutputProblems(value: unknown): string[] {
    const doc = value as Partial<RuntimeOutput> | undefined;
    if (!doc || typeof doc !== "object") return ["`runtime` is not an object"];
    if (doc.version !== RUNTIME_OUTPUT_VERSION)
        return [
            `\`runtime.version\` is ${JSON.stringify(doc.version)}; this edf reads version ${RUNTIME_OUTPUT_VERSION}: upgrade edf or the service SDK`,
        ];
    if (!Array.isArray(doc.services)) return ["`runtime.services` is not a list"];
    const problems: string[] = [];
    doc.services.forEach((s: Partial<ServiceRuntime>, i) => {
        const at = `runtime.services[${i}]`;
        if (s?.kind !== "ecs-service") problems.push(`\`${at}.kind\` must be \`ecs-service\``);
        for (const key of ["name", "cluster", "service", "region"] as const)
            if (!text(s?.[key])) problems.push(`\`${at}.${key}\` is missing`);
        if (!text(s?.taskDefinition?.family) || !text(s?.taskDefinition?.arn))
            problems.push(`\`${at}.taskDefinition\` needs \`family\` and \`arn\``);
        if (s?.platform?.os !== "linux" || !["amd64", "arm64"].includes(String(s?.platform?.architecture)))
            problems.push(`\`${at}.platform\` must be linux/amd64 or linux/arm64`);
        if (!Array.isArray(s?.containers) || s.containers.length === 0) problems.push(`\`${at}.containers\` is empty`);
        else
            s.containers.forEach((c, j) => {
                if (!text(c?.name) || !text(c?.image)) problems.push(`\`${at}.containers[${j}]\` needs \`name\` and \`image\``);
            });
    });
    return problems;
}
