import type * as pulumi from "@pulumi/pulumi";
import type { EnvironmentSize } from "../../platform/common/unit-config";
import { defineUnit, UnitContext, UnitProgram } from "../../unit/define";
import type { ServiceSecret } from "./container-secrets";
import { ContainerService } from "./container-service";
import type { ContainerShape } from "./container-service-validation";
import { resolveLandingZone, ServiceLandingZoneOutputs } from "./landing-zone";
import { RuntimeOutput, runtimeOutput } from "./runtime-output";
import { ServiceIdentity } from "./service-identity";
import { assertContainerShape, containerSettings, readServiceSettings, ServiceUnitSettings, TaskSize, taskSize } from "./settings";

/**
 * The injected input whose JSON object of settings reaches the container as `CONFIG_*` variables:
 * environment variables, or ECS secrets when the spec injects the input as a secret.
 */
export const SETTINGS_INPUT = "config";

/** The container of a service unit, but for what the unit's settings decide (image, size) and what its dependencies hand it. */
export type ServiceContainer = Omit<ContainerShape, "image" | "cpu" | "memory" | "environmentVariables" | "secrets">;

/** What a service unit's build step has to work with. */
export interface ServiceBuild<TInputs> {
    /** The service's identity: every dependency grants it what the service needs. */
    readonly identity: ServiceIdentity;
    /** The landing zone the service runs on, validated. */
    readonly landingZone: ServiceLandingZoneOutputs;
    /** What the stack config says about the service (environment, size, governance, image, task). */
    readonly settings: ServiceUnitSettings;
    /** What `inputs` read. */
    readonly inputs: TInputs;
    /** The unit's context, for anything else. */
    readonly ctx: UnitContext;
}

/** What a service's own dependencies hand its container, and the stack outputs they add. */
export interface ServiceDependencies<TOutputs extends Record<string, unknown>> {
    /** Plain configuration for the container (endpoints, names), after the `config` input's settings. Never secrets. @default {} */
    readonly environmentVariables?: Readonly<Record<string, pulumi.Input<string>>>;
    /** Secrets for the container, delivered as ECS `secrets`. @default {} */
    readonly secrets?: Readonly<Record<string, ServiceSecret>>;
    /** Stack outputs besides those every service exports. @default {} */
    readonly outputs?: TOutputs;
}

/** What every service unit exports (a type, not an interface: stack outputs are a record). */
export type ServiceUnitOutputs = {
    readonly serviceName: pulumi.Output<string>;
    readonly image: pulumi.Output<string>;
    readonly repositoryUrl: pulumi.Output<string>;
    /** What runs, for `edf inspect`: cluster, service, task definition, declared images (runtime-output.ts). */
    readonly runtime: pulumi.Output<RuntimeOutput>;
    /** The landing-zone contract version the service consumed. */
    readonly contractVersion: string;
};

/** Arguments of {@link serviceUnit}. */
export interface ServiceUnitArgs<TInputs, TOutputs extends Record<string, unknown>> {
    /** The service's name (`payments-api`): its identity, repository, log group and ECS service are named after it. */
    readonly name: string;
    /** The task size for each environment size; the stack config `edf:task` overrides either field. */
    readonly taskSizes: Readonly<Record<EnvironmentSize, Required<TaskSize>>>;
    /** The container's port, HTTP routing, scaling and user. @default - a worker: no port, no routing, the environment's scaling */
    readonly container?: ServiceContainer;
    /**
     * Reads the unit's own injected inputs (Vault secrets, Consul values), before anything is
     * created: a missing input then fails the run with nothing registered.
     * @default - none
     */
    readonly inputs?: (ctx: UnitContext) => TInputs;
    /**
     * Creates the service's own dependencies on its identity (databases, queues, functions…) and
     * says what the container gets from them and what the stack exports besides the usual.
     * @default - none: the service is its container alone
     */
    readonly dependencies?: (build: ServiceBuild<TInputs>) => ServiceDependencies<TOutputs> | Promise<ServiceDependencies<TOutputs>>;
}

/**
 * A service unit's program: the preamble every service shares, then the service's own
 * dependencies, then its container. In order, so that every check comes before anything is
 * created: the stack config's settings and the container's shape for this environment, the
 * `config` input's settings, the unit's own inputs, the landing zone (only read-only stack
 * references may exist by then); then the identity, the dependencies and the
 * {@link ContainerService}. The stack exports the service's name, image, repository, what runs
 * (`runtime`, read by `edf inspect`) and the landing-zone contract version it consumed, plus what the dependencies add.
 *
 * ```ts
 * export default serviceUnit({
 *     name: "ledger-worker",
 *     taskSizes: { dev: { cpu: 256, memory: 512 }, prod: { cpu: 512, memory: 1024 } },
 *     dependencies: ({ identity }) => {
 *         const jobs = new Queue("jobs", { service: identity, access: "consume" });
 *         return { environmentVariables: { JOBS_QUEUE_URL: jobs.url }, outputs: { jobsQueueUrl: jobs.url } };
 *     },
 * });
 * ```
 */
export function serviceUnit<TInputs = Record<string, never>, TOutputs extends Record<string, unknown> = Record<string, never>>(
    args: ServiceUnitArgs<TInputs, TOutputs>,
): UnitProgram<ServiceUnitOutputs & TOutputs> {
    return defineUnit(async (ctx) => {
        const settings = readServiceSettings(ctx);
        const shape: ContainerShape = { ...args.container, image: settings.image, ...taskSize(settings, args.taskSizes) };
        assertContainerShape(ctx, settings, args.name, shape);
        // A settings input the spec marks `secret: true` reaches the container only as ECS secrets.
        const settingsInput = containerSettings(ctx.inputs, SETTINGS_INPUT);
        const inputs = args.inputs ? args.inputs(ctx) : ({} as TInputs);
        const landingZone = await resolveLandingZone(ctx);

        const identity = new ServiceIdentity(args.name, {
            landingZone,
            environment: ctx.environment,
            size: settings.size,
            governance: settings.governance,
        });
        const dependencies = (await args.dependencies?.({ identity, landingZone, settings, inputs, ctx })) ?? {};
        const service = new ContainerService(args.name, {
            ...shape,
            identity,
            environmentVariables: { ...settingsInput.environmentVariables, ...dependencies.environmentVariables },
            secrets: { ...settingsInput.secrets, ...dependencies.secrets },
        });

        return {
            serviceName: service.service.name,
            image: service.image,
            repositoryUrl: service.repository.repositoryUrl,
            runtime: service.runtime.apply((r) => runtimeOutput([r])),
            ...(dependencies.outputs ?? ({} as TOutputs)),
            contractVersion: landingZone.sharedServices.contractVersion,
        };
    });
}
