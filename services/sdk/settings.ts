import type { UnitContext } from "../../unit/define";
import { GovernanceConfig } from "../../platform/common/governance";
import { ConfigReader, DEFAULT_ENVIRONMENT_SIZE, EnvironmentSize, ENVIRONMENT_SIZES } from "../../platform/common/unit-config";
import { ServiceArgumentError, throwIfProblems } from "./errors";
import { containerShapeProblems, ContainerShape } from "./container-service-validation";
import { sizingFor } from "./sizing";
import { ImageSelection } from "./validation/image";

/** The injected input carrying the image digest a pipeline pushed. */
export const IMAGE_DIGEST_INPUT = "image-digest";

/** What every service unit reads from its stack config, whatever it builds. */
export interface ServiceUnitSettings {
    /** The environment (`edf:environment`). */
    readonly environment: string;
    /** How the environment is sized (`edf:environmentSize`). @default "prod" */
    readonly size: EnvironmentSize;
    /** Who owns the service and how sensitive its data is (`edf:governance`). */
    readonly governance: GovernanceConfig;
    /**
     * Which image to run (`edf:image`, `{"digest": "sha256:…"}` or `{"tag": "…"}`; input `image-digest` overrides the digest). @default {}
     */
    readonly image: ImageSelection;
    /** Task size override (`edf:task`, `{"cpu": 512, "memory": 1024}`). @default - the program's size for the environment */
    readonly task: TaskSize;
}

/** A Fargate task size; either field may be left to the program. */
export interface TaskSize {
    /** CPU units (1024 = 1 vCPU). @default - the program's choice */
    readonly cpu?: number;
    /** Memory in MiB. @default - the program's choice */
    readonly memory?: number;
}

/** The task size for this environment: the program's default for its size, with `edf:task` winning per field. */
export function taskSize(
    settings: ServiceUnitSettings,
    defaults: Readonly<Record<EnvironmentSize, Required<TaskSize>>>,
): Required<TaskSize> {
    const fallback = defaults[settings.size];
    return { cpu: settings.task.cpu ?? fallback.cpu, memory: settings.task.memory ?? fallback.memory };
}

/**
 * Reads a service unit's settings, collecting every problem; throws a
 * {@link ServiceArgumentError} listing all of them before anything is created.
 * Validation of the values themselves (governance rules, image digest) happens in the
 * components, which name the argument.
 */
export function readServiceSettings(ctx: UnitContext): ServiceUnitSettings {
    const reader = new ConfigReader(ctx.config);
    const size = reader.enumValue("environmentSize", ENVIRONMENT_SIZES) ?? DEFAULT_ENVIRONMENT_SIZE;
    const governance = reader.json("governance");
    if (governance === undefined && reader.string("governance") === undefined) {
        reader.add([
            `\`governance\` is not set: set config ` +
                `\`${reader.qualified("governance")}\` to \`{"owner": "<team>", ` +
                `"dataClassification": "…", "pciScope": "…"}\`.`,
        ]);
    }
    let image = reader.json("image") ?? {};
    if (typeof image !== "object" || image === null || Array.isArray(image)) {
        reader.add([
            `\`image\` must be an object: set \`${reader.qualified("image")}\` to \`{"digest": "sha256:…"}\` or \`{"tag": "…"}\`.`,
        ]);
    }
    // A pipeline hands over the digest it pushed as the input `image-digest` (e.g. from an
    // environment variable); it wins over the config, which holds the environment's default.
    const injectedDigest = ctx.inputs.get<unknown>(IMAGE_DIGEST_INPUT);
    if (injectedDigest !== undefined) {
        image = { ...(image as object), digest: injectedDigest };
    }
    const task = reader.json("task") ?? {};
    if (typeof task !== "object" || task === null || Array.isArray(task)) {
        reader.add([`\`task\` must be an object: set \`${reader.qualified("task")}\` to \`{"cpu": 512, "memory": 1024}\`.`]);
    }
    if (reader.problems.length > 0) {
        throw new ServiceArgumentError(`Unit \`${ctx.unit}\``, reader.problems);
    }
    return {
        environment: ctx.environment,
        size,
        governance: governance as GovernanceConfig,
        image: image as ImageSelection,
        task: task as TaskSize,
    };
}

/**
 * Checks a container service's shape for this unit's environment and throws every
 * problem at once. Unit programs call it first, so a bad cpu/memory pair, port, image
 * or name stops the run before the identity or any dependency is registered.
 */
export function assertContainerShape(ctx: UnitContext, settings: ServiceUnitSettings, name: string, shape: ContainerShape): void {
    throwIfProblems(`Unit \`${ctx.unit}\``, containerShapeProblems(name, shape, sizingFor(settings.size)));
}

/** Plain configuration (e.g. a Consul JSON object) as environment variables: `maxRetries` → `CONFIG_MAX_RETRIES`. */
export function configEnvironment(config: unknown, argument: string): Record<string, string> {
    if (config === undefined) {
        return {};
    }
    if (typeof config !== "object" || config === null || Array.isArray(config)) {
        throw new ServiceArgumentError(`Input \`${argument}\``, [
            `\`${argument}\` must be a JSON object of settings, e.g. \`{"logLevel": "info"}\`.`,
        ]);
    }
    const problems: string[] = [];
    const variables: Record<string, string> = {};
    for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
        if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) {
            problems.push(`\`${argument}.${key}\`: setting names must be camelCase letters and digits, e.g. \`logLevel\`.`);
        } else if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
            problems.push(
                `\`${argument}.${key}\` is ` +
                    `${Array.isArray(value) ? "a list" : value === null ? "null" : "an object"}: ` +
                    `settings must be strings, numbers or booleans.`,
            );
        } else {
            variables[`CONFIG_${key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}`] = String(value);
        }
    }
    throwIfProblems(`Input \`${argument}\``, problems);
    return variables;
}
