import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { containerDefinition, ContainerSecretRef, DEFAULT_CONTAINER_USER, imageReference, SCRATCH_VOLUME } from "./container-definition";
import { attachToAlb, autoscaleService, HttpRouting, ServiceScaling } from "./container-routing";
import { SecretStore, ServiceSecret, storeServiceSecrets } from "./container-secrets";
import { ServiceArgumentError, throwIfProblems } from "./errors";
import { resourceTags } from "./governance";
import { executionRoleStatements } from "./iam-documents";
import { ServiceIdentity } from "./service-identity";
import { architectureOf, ServiceRuntime } from "./runtime-output";
import { containerServiceProblems } from "./container-service-validation";
import type { ImageSelection } from "./validation/image";

/** Arguments of {@link ContainerService}. */
export interface ContainerServiceArgs {
    /** The service's identity (roles, security group, landing zone, tags); its name must equal this component's. */
    readonly identity: ServiceIdentity;
    /**
     * Which image of the service's own repository to run; `digest` is required where the environment pins images. @default - tag `latest`
     */
    readonly image?: ImageSelection;
    /** Task CPU units (1024 = 1 vCPU); must pair with `memory` as Fargate allows. @default 256 */
    readonly cpu?: number;
    /** Task memory in MiB. @default 512 */
    readonly memory?: number;
    /** The port the container listens on (≥ 1024: the container is not root). @default 8080 */
    readonly containerPort?: number;
    /** Routing on the shared ALB; omit for a worker that serves no traffic. @default - no load balancing */
    readonly http?: HttpRouting;
    /** Plain configuration (e.g. from Consul). Never secrets: use `secrets`. @default {} */
    readonly environmentVariables?: Readonly<Record<string, pulumi.Input<string>>>;
    /** Secrets delivered as ECS `secrets`. @default {} */
    readonly secrets?: Readonly<Record<string, ServiceSecret>>;
    /** Where Vault values given in `secrets` are stored. @default "secretsManager" */
    readonly secretStore?: SecretStore;
    /** Autoscaling. @default - the environment's sizing, CPU 60 %, 1000 requests per task */
    readonly scaling?: ServiceScaling;
    /** The container's user (`uid:gid`), never root. @default "1000:1000" */
    readonly user?: string;
}

export const DEFAULT_CPU = 256;
export const DEFAULT_MEMORY = 512;
export const DEFAULT_CONTAINER_PORT = 8080;

/**
 * A container service on the landing zone's shared ECS cluster (Fargate), secure by
 * default: its own ECR repository (immutable tags, scan on push, KMS); a task definition
 * running as non-root with a read-only root filesystem, no privilege and all
 * capabilities dropped, logging to a KMS-encrypted log group with retention; secrets
 * only through ECS `secrets`; an execution role granted exactly its image, log group and
 * secrets; tasks in private subnets without public IPs; on the shared ALB through a
 * target group, health check and listener rule; autoscaling on CPU and request count.
 */
export class ContainerService extends pulumi.ComponentResource {
    readonly repository: aws.ecr.Repository;
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly taskDefinition: aws.ecs.TaskDefinition;
    readonly service: aws.ecs.Service;
    readonly targetGroup?: aws.lb.TargetGroup;
    /** The image reference the task runs. */
    readonly image: pulumi.Output<string>;
    /** What runs, for runtime inspection: export it in the stack output `runtime` (`runtimeOutput([service.runtime])`). */
    readonly runtime: pulumi.Output<ServiceRuntime>;

    constructor(name: string, args: ContainerServiceArgs, opts: pulumi.ComponentResourceOptions = {}) {
        throwIfProblems(`ContainerService \`${name}\``, containerServiceProblems(name, args));
        super("edf:services:ContainerService", name, {}, opts);

        const identity = args.identity;
        const { network, security, sharedServices } = identity.landingZone;
        const sizing = identity.sizing;
        const tags = (suffix: string) => resourceTags(identity.tags, `${name}-${suffix}`);
        const containerPort = args.containerPort ?? DEFAULT_CONTAINER_PORT;
        const child = { parent: this };

        this.repository = new aws.ecr.Repository(
            `${name}-images`,
            {
                name: `${identity.environment}/${name}`,
                imageTagMutability: "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: security.dataKmsKeyArn }],
                tags: tags("images"),
            },
            child,
        );
        new aws.ecr.LifecyclePolicy(
            `${name}-images-lifecycle`,
            { repository: this.repository.name, policy: JSON.stringify(untaggedImageExpiry()) },
            { parent: this.repository },
        );
        const region = aws.getRegionOutput({}, child).region;
        // The repository URI as ECR documents it (`<account>.dkr.ecr.<region>.<suffix>/<name>`),
        // built from the caller's account so the image is known before the repository exists.
        const account = aws.getCallerIdentityOutput({}, child).accountId;
        const dnsSuffix = aws.getPartitionOutput({}, child).dnsSuffix;
        this.image = pulumi
            .all([account, region, dnsSuffix, this.repository.name])
            .apply(([accountId, regionName, suffix, repositoryName]) =>
                imageReference(`${accountId}.dkr.ecr.${regionName}.${suffix}/${repositoryName}`, args.image ?? {}),
            );

        this.logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            {
                name: `/edf/${identity.environment}/services/${name}`,
                retentionInDays: sizing.logRetentionDays,
                kmsKeyId: security.logsKmsKeyArn,
                tags: tags("logs"),
            },
            child,
        );

        const secretRefs = storeServiceSecrets(this, name, identity, args.secrets ?? {}, args.secretStore ?? "secretsManager", tags);
        identity.grantExecution(
            `${name}-execution`,
            executionRoleStatements({
                repositoryArn: this.repository.arn,
                logGroupArn: this.logGroup.arn,
                secretArns: secretRefs.filter((s) => s.kind === "secretsManager").map((s) => s.arn),
                parameterArns: secretRefs.filter((s) => s.kind === "ssm").map((s) => s.arn),
                secretsKmsKeyArn: security.secretsKmsKeyArn,
            }),
            this,
        );

        const environment = plainEnvironment(name, args.environmentVariables ?? {});
        const containerSecrets = pulumi
            .all(secretRefs.map((s) => pulumi.all([s.name, s.valueFrom])))
            .apply((pairs) => pairs.map(([secretName, valueFrom]): ContainerSecretRef => ({ name: secretName, valueFrom })));
        const cpuArchitecture = "X86_64";
        const definitions = pulumi
            .all([this.image, environment, containerSecrets, this.logGroup.name, region])
            .apply(([image, env, secrets, logGroupName, regionName]) =>
                JSON.stringify([
                    containerDefinition({
                        name,
                        image,
                        user: args.user ?? DEFAULT_CONTAINER_USER,
                        containerPort: args.http ? containerPort : undefined,
                        environment: env,
                        secrets,
                        logGroupName,
                        region: regionName,
                    }),
                ]),
            );
        this.taskDefinition = new aws.ecs.TaskDefinition(
            `${name}-task`,
            {
                family: identity.physicalName("task"),
                cpu: String(args.cpu ?? DEFAULT_CPU),
                memory: String(args.memory ?? DEFAULT_MEMORY),
                networkMode: "awsvpc",
                requiresCompatibilities: ["FARGATE"],
                runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture },
                executionRoleArn: identity.executionRole.arn,
                taskRoleArn: identity.taskRole.arn,
                volumes: [{ name: SCRATCH_VOLUME }],
                containerDefinitions: definitions,
                tags: tags("task"),
            },
            child,
        );

        let loadBalancers: aws.types.input.ecs.ServiceLoadBalancer[] = [];
        if (args.http) {
            this.targetGroup = attachToAlb(this, name, identity, args.http, containerPort, tags);
            loadBalancers = [{ targetGroupArn: this.targetGroup.arn, containerName: name, containerPort }];
        }

        const minTasks = args.scaling?.minTasks ?? sizing.minTasks;
        const maxTasks = args.scaling?.maxTasks ?? Math.max(sizing.maxTasks, minTasks);
        this.service = new aws.ecs.Service(
            `${name}-service`,
            {
                name: identity.physicalName("service"),
                cluster: sharedServices.ecsClusterArn,
                taskDefinition: this.taskDefinition.arn,
                launchType: "FARGATE",
                // AWS patches the Fargate kernel and runtime under LATEST; a pinned version stays unpatched.
                platformVersion: "LATEST",
                desiredCount: minTasks,
                networkConfiguration: {
                    subnets: network.privateSubnetIds,
                    securityGroups: [identity.securityGroup.id],
                    assignPublicIp: false,
                },
                loadBalancers,
                healthCheckGracePeriodSeconds: args.http ? 60 : undefined,
                deploymentCircuitBreaker: { enable: true, rollback: true },
                deploymentMinimumHealthyPercent: 100,
                deploymentMaximumPercent: 200,
                enableEcsManagedTags: true,
                propagateTags: "SERVICE",
                tags: tags("service"),
            },
            // Autoscaling owns the running count once the service exists.
            { parent: this, ignoreChanges: ["desiredCount"] },
        );

        autoscaleService(this, name, identity, this.service, this.targetGroup, args.scaling, minTasks, maxTasks);
        const user = args.user ?? DEFAULT_CONTAINER_USER;
        this.runtime = pulumi
            .all([sharedServices.ecsClusterArn, this.service.name, this.taskDefinition.family, this.taskDefinition.arn, this.image, region])
            .apply(([cluster, serviceName, family, arn, image, regionName]): ServiceRuntime => ({
                kind: "ecs-service",
                name,
                cluster,
                service: serviceName,
                region: regionName,
                taskDefinition: { family, arn },
                platform: { os: "linux", architecture: architectureOf(cpuArchitecture) },
                containers: [{ name, image, ...(args.image?.digest ? { digest: args.image.digest } : {}), user }],
            }));
        this.registerOutputs({
            repositoryUrl: this.repository.repositoryUrl,
            image: this.image,
            serviceName: this.service.name,
            targetGroupArn: this.targetGroup?.arn,
            runtime: this.runtime,
        });
    }
}

/**
 * The container's environment variables as one output, refusing any value that is a Pulumi secret:
 * ECS keeps `environment` in plain text in the task definition (and so does the state), where
 * `secrets` keeps only a reference to the secret store. Secretness is only known once the values
 * settle, so a secret fails the task definition's inputs, and with them the program, naming the
 * variable and the fix.
 */
function plainEnvironment(
    component: string,
    variables: Readonly<Record<string, pulumi.Input<string>>>,
): pulumi.Output<Record<string, string>> {
    const refused = Promise.all(
        Object.entries(variables).map(async ([key, value]) =>
            pulumi.Output.isInstance(value) && (await pulumi.isSecret(value as pulumi.Output<string>)) ? key : undefined,
        ),
    ).then((keys) => {
        const secret = keys.filter((k): k is string => k !== undefined);
        if (secret.length > 0) {
            throw new ServiceArgumentError(
                `ContainerService \`${component}\``,
                secret.map(
                    (key) =>
                        `\`environmentVariables.${key}\` holds a secret, which ECS would keep in plain text: ` +
                        `pass it in \`secrets\` (\`${key}: { value: <the secret output> }\`), stored in the landing zone's secret store.`,
                ),
            );
        }
    });
    const checked: pulumi.Output<number> = pulumi.output(refused.then(() => 0));
    return checked.apply(() => pulumi.output(variables)) as unknown as pulumi.Output<Record<string, string>>;
}

// Untagged layers pile up with immutable tags and pushes by digest; tagged releases stay.
function untaggedImageExpiry(): Record<string, unknown> {
    return {
        rules: [
            {
                rulePriority: 1,
                description: "Expire untagged images after 14 days",
                selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 },
                action: { type: "expire" },
            },
        ],
    };
}
