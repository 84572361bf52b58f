/**
 * The ECS container definition of a service, built from resolved values. Pure: every
 * security default lives here where a test can read it without a Pulumi runtime.
 */

/** The user tasks run as unless told otherwise: not root (uid/gid 1000). */
export const DEFAULT_CONTAINER_USER = "1000:1000";
/** The writable scratch volume mounted at `/tmp`, since the root filesystem is read-only. */
export const SCRATCH_VOLUME = "scratch";

/** One secret as ECS delivers it: the variable name and where ECS reads the value. */
export interface ContainerSecretRef {
    readonly name: string;
    /** A Secrets Manager ARN (optionally `:<json-key>::`) or an SSM parameter ARN. */
    readonly valueFrom: string;
}

export interface ContainerDefinitionSpec {
    readonly name: string;
    readonly image: string;
    readonly user: string;
    /** `undefined` for workers that serve no port. */
    readonly containerPort?: number;
    readonly environment: Readonly<Record<string, string>>;
    readonly secrets: readonly ContainerSecretRef[];
    readonly logGroupName: string;
    readonly region: string;
}

/** The container definition ECS receives (serialised to `containerDefinitions`). */
export function containerDefinition(spec: ContainerDefinitionSpec): Record<string, unknown> {
    return {
        name: spec.name,
        image: spec.image,
        essential: true,
        user: spec.user,
        privileged: false,
        readonlyRootFilesystem: true,
        linuxParameters: { initProcessEnabled: true, capabilities: { drop: ["ALL"] } },
        portMappings: spec.containerPort === undefined ? [] : [{ containerPort: spec.containerPort, protocol: "tcp" }],
        // Sorted so the JSON (and so the task definition) only changes when a value does.
        environment: Object.keys(spec.environment)
            .sort()
            .map((name) => ({ name, value: spec.environment[name] })),
        secrets: [...spec.secrets].sort((a, b) => a.name.localeCompare(b.name)).map((s) => ({ name: s.name, valueFrom: s.valueFrom })),
        mountPoints: [{ sourceVolume: SCRATCH_VOLUME, containerPath: "/tmp", readOnly: false }],
        logConfiguration: {
            logDriver: "awslogs",
            options: { "awslogs-group": spec.logGroupName, "awslogs-region": spec.region, "awslogs-stream-prefix": spec.name },
        },
    };
}

/** The image reference: by digest when one is given, else by tag. */
export function imageReference(repositoryUrl: string, selection: { digest?: string; tag?: string }): string {
    return selection.digest ? `${repositoryUrl}@${selection.digest}` : `${repositoryUrl}:${selection.tag ?? "latest"}`;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Problems with environment-variable and secret names: each must be a POSIX name, and a
 * name may not be both (ECS would pass one and silently drop the other). Pure.
 */
export function variableNameProblems(environment: readonly string[], secrets: readonly string[]): string[] {
    const problems: string[] = [];
    for (const [argument, names] of [
        ["environmentVariables", environment],
        ["secrets", secrets],
    ] as const) {
        for (const name of names) {
            if (!ENV_NAME.test(name)) {
                problems.push(
                    `\`${argument}.${name}\` is not a valid variable name: use letters, ` +
                        `digits and \`_\`, not starting with a digit (e.g. \`DB_HOST\`).`,
                );
            }
        }
    }
    for (const name of environment.filter((n) => secrets.includes(n))) {
        problems.push(`\`${name}\` is both in \`environmentVariables\` and \`secrets\`: keep it in \`secrets\` only.`);
    }
    return problems;
}

/** The ALB `app/<name>/<id>` part of a load balancer ARN, for request-count scaling. */
export function loadBalancerArnSuffix(albArn: string): string {
    const index = albArn.indexOf(":loadbalancer/");
    return index < 0 ? albArn : albArn.slice(index + ":loadbalancer/".length);
}
