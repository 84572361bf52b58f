import type { UnitContext } from "../../unit/define";
import type { FieldKind, UnitInputs } from "../../unit/inputs";
import type { ServiceSecret } from "./container-secrets";
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

/** The variable a setting becomes: `maxRetries` → `CONFIG_MAX_RETRIES`. */
export function settingVariable(key: string): string {
    return `CONFIG_${key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}`;
}

/** Problems with settings, judged by name and kind only (so a secret's value is never read or quoted). */
function settingProblems(argument: string, kinds: Readonly<Record<string, FieldKind>>): string[] {
    const problems: string[] = [];
    for (const [key, kind] of Object.entries(kinds)) {
        if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) {
            problems.push(`\`${argument}.${key}\`: setting names must be camelCase letters and digits, e.g. \`logLevel\`.`);
        } else if (kind !== "string" && kind !== "number" && kind !== "boolean") {
            problems.push(
                `\`${argument}.${key}\` is ${kind === "array" ? "a list" : kind === "null" ? "null" : "an object"}: ` +
                    `settings must be strings, numbers or booleans.`,
            );
        }
    }
    return problems;
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
    const entries = Object.entries(config as Record<string, unknown>);
    throwIfProblems(`Input \`${argument}\``, settingProblems(argument, Object.fromEntries(entries.map(([k, v]) => [k, kindOf(v)]))));
    return Object.fromEntries(entries.map(([key, value]) => [settingVariable(key), String(value)]));
}

function kindOf(value: unknown): FieldKind {
    return value === null ? "null" : Array.isArray(value) ? "array" : (typeof value as FieldKind);
}

/** What a container receives from an input of settings: plain ones as environment variables, secret ones as ECS secrets. */
export interface ContainerSettings {
    readonly environmentVariables: Record<string, string>;
    readonly secrets: Record<string, ServiceSecret>;
}

/**
 * An injected input of settings (a Consul JSON document) as what a container receives. A plain
 * input becomes environment variables (`maxRetries` → `CONFIG_MAX_RETRIES`); an input injected as a
 * secret (`secret: true` in the spec) becomes the same variables delivered as ECS `secrets`, each
 * value a Pulumi secret stored in the landing zone's secret store: a secret never lands in a task
 * definition's `environment`. Nothing when the stack has no such input.
 */
export function containerSettings(inputs: UnitInputs, name: string): ContainerSettings {
    const kinds = inputs.fieldKinds(name);
    if (kinds === undefined) return { environmentVariables: {}, secrets: {} };
    throwIfProblems(`Input \`${name}\``, settingProblems(name, kinds));
    if (!inputs.isSecret(name)) return { environmentVariables: configEnvironment(inputs.get(name), name), secrets: {} };
    const fields = inputs.fields(name) ?? {};
    return {
        environmentVariables: {},
        secrets: Object.fromEntries(Object.entries(fields).map(([key, value]) => [settingVariable(key), { value: value.apply(String) }])),
    };
}
