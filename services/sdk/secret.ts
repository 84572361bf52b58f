import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { SecretReference } from "./container-secrets";
import { childName, dependencyProblems } from "./dependency";
import { throwIfProblems } from "./errors";
import { Function } from "./function";
import { resourceTags } from "./governance";
import { secretReadStatements, secretRotationStatements } from "./iam-documents";
import type { ServiceIdentity } from "./service-identity";

/** How a secret is rotated: by a function of the service, or by an existing rotation function. */
export type SecretRotation = (
    | {
          /** The service's rotation function (AWS's create/set/test/finish steps); it is granted exactly this secret. */
          readonly function: Function;
      }
    | {
          /** An existing rotation function's ARN (e.g. an AWS rotation template deployed by the platform). */
          readonly lambdaArn: pulumi.Input<string>;
          /** That function's execution role, which the secret's resource policy must admit. */
          readonly lambdaRoleArn: pulumi.Input<string>;
      }
) & {
    /** Days between rotations (1–90). @default 30 */
    readonly afterDays?: number;
    /** A `rate(N days)` / `rate(N hours)` schedule (at most 90 days) instead of `afterDays`. @default - `afterDays` */
    readonly scheduleExpression?: string;
};

/** Arguments of {@link Secret}. */
export interface SecretArgs {
    /** The service that owns the secret; only its roles may read the value. */
    readonly service: ServiceIdentity;
    /** What the secret is for. @default - "<name> of <service> (<environment>)" */
    readonly description?: string;
    /** The first value, as a secret Output (e.g. injected from Vault). @default - none: the rotation function creates it */
    readonly value?: pulumi.Output<string>;
    /** Automatic rotation; required in prod. @default - none (refused in prod) */
    readonly rotation?: SecretRotation;
    /**
     * Whether the service's tasks read the value with their task role (`none` when only the container's `secrets` need it). @default "read"
     */
    readonly taskAccess?: "read" | "none";
    /** Functions of the service that read the value. @default [] */
    readonly readers?: readonly Function[];
    /** Days a deleted secret stays restorable (7–30). @default - the environment's sizing (dev 7, prod 30) */
    readonly recoveryWindowDays?: number;
}

export const DEFAULT_ROTATION_DAYS = 30;
/** The longest rotation interval the peers accept (Checkov CKV_AWS_304). */
export const MAX_ROTATION_DAYS = 90;
const RATE = /^rate\((\d+) (day|days|hour|hours)\)$/;

/** Problems with a secret's arguments. Pure. */
export function secretProblems(name: string, args: SecretArgs): string[] {
    const problems = dependencyProblems(name, args.service);
    if (args.value !== undefined && !pulumi.Output.isInstance(args.value)) {
        problems.push("`value` is a plain value: pass it as a secret Output (`ctx.inputs.requireSecret(...)` or `pulumi.secret(...)`).");
    }
    const rotation = args.rotation as Record<string, unknown> | undefined;
    if (rotation === undefined) {
        if (args.service?.size === "prod") {
            problems.push(
                "`rotation` is missing in a prod environment: production secrets rotate automatically; pass " +
                    "`rotation: { function }` (a rotation `Function` of the service) or `{ lambdaArn, lambdaRoleArn }`.",
            );
        }
    } else {
        if (rotation.function !== undefined) {
            if (!(rotation.function instanceof Function)) {
                problems.push("`rotation.function` must be a `Function` of the service.");
            } else if (args.service && rotation.function.service.serviceName !== args.service.serviceName) {
                problems.push(
                    `\`rotation.function\` belongs to ` +
                        `\`${rotation.function.service.serviceName}\`: rotate with a function ` +
                        `of this service.`,
                );
            }
        } else if (rotation.lambdaArn === undefined || rotation.lambdaRoleArn === undefined) {
            problems.push(
                "`rotation` needs `function`, or both `lambdaArn` and `lambdaRoleArn` (the secret's policy admits that role only).",
            );
        }
        const days = rotation.afterDays;
        if (days !== undefined && (typeof days !== "number" || !Number.isInteger(days) || days < 1 || days > MAX_ROTATION_DAYS)) {
            problems.push(
                `\`rotation.afterDays\` is \`${String(days)}\`: rotate at least every ` +
                    `${MAX_ROTATION_DAYS} days (a whole number from 1 to ${MAX_ROTATION_DAYS}).`,
            );
        }
        const schedule = rotation.scheduleExpression;
        if (schedule !== undefined) {
            const match = typeof schedule === "string" ? RATE.exec(schedule) : null;
            const hours = match ? Number(match[1]) * (match[2]!.startsWith("day") ? 24 : 1) : NaN;
            if (!match || hours < 4 || hours > MAX_ROTATION_DAYS * 24) {
                problems.push(
                    `\`rotation.scheduleExpression\` is \`${String(schedule)}\`: give ` +
                        `\`rate(N days)\` or \`rate(N hours)\` between 4 hours and ` +
                        `${MAX_ROTATION_DAYS} days.`,
                );
            } else if (days !== undefined) {
                problems.push("`rotation` has both `afterDays` and `scheduleExpression`: keep one.");
            }
        }
    }
    const window = args.recoveryWindowDays;
    if (window !== undefined && (!Number.isInteger(window) || window < 7 || window > 30)) {
        problems.push(
            `\`recoveryWindowDays\` is \`${String(window)}\`: a deleted secret ` +
                `stays restorable for 7 to 30 days (0 would delete it at once, with no ` +
                `way back).`,
        );
    }
    if (args.taskAccess !== undefined && args.taskAccess !== "read" && args.taskAccess !== "none") {
        problems.push(`\`taskAccess\` is \`${String(args.taskAccess)}\`: use \`read\` or \`none\`.`);
    }
    (args.readers ?? []).forEach((reader, index) => {
        if (!(reader instanceof Function)) {
            problems.push(`\`readers[${index}]\` must be a \`Function\` of the service.`);
        } else if (args.service && reader.service.serviceName !== args.service.serviceName) {
            problems.push(`\`readers[${index}]\` belongs to \`${reader.service.serviceName}\`: a secret is read by its own service only.`);
        }
    });
    if (args.description !== undefined && (typeof args.description !== "string" || args.description.length > 2048)) {
        problems.push("`description` must be text of at most 2048 characters.");
    }
    return problems;
}

/**
 * A Secrets Manager secret a service owns: encrypted with the landing zone's secrets key
 * (a customer-managed key), rotated automatically (a rotation function of the service, or
 * an existing one; at most every 90 days; required in prod), a recovery window, and a
 * resource policy under which only the service's roles — its task role, its execution role
 * (for ECS `secrets`), its reader functions, the rotation function and, when this program
 * writes the first value, the identity that deploys it — can read the value (public
 * policies blocked). The task role and readers are granted read on this secret only.
 */
export class Secret extends pulumi.ComponentResource {
    readonly secret: aws.secretsmanager.Secret;
    readonly arn: pulumi.Output<string>;
    /** For `ContainerService` `secrets` (delivered as an ECS secret through the execution role). */
    readonly reference: SecretReference;

    constructor(name: string, args: SecretArgs, opts: pulumi.ComponentResourceOptions = {}) {
        throwIfProblems(`Secret \`${name}\``, secretProblems(name, args));
        super("edf:services:Secret", childName(args.service, name), {}, opts);
        const service = args.service;
        const { security } = service.landingZone;
        const child = (suffix?: string) => childName(service, name, suffix);
        const tags = (suffix?: string) => resourceTags(service.tags, child(suffix));
        const key = security.secretsKmsKeyArn;
        const rotation = args.rotation;

        this.secret = new aws.secretsmanager.Secret(
            child(),
            {
                name: `edf/${service.environment}/${service.serviceName}/${name}`,
                description: args.description ?? `${name} of ${service.serviceName} (${service.environment})`,
                kmsKeyId: key,
                recoveryWindowInDays: args.recoveryWindowDays ?? service.sizing.secretRecoveryWindowDays,
                tags: tags(),
            },
            { parent: this },
        );
        this.arn = this.secret.arn;
        this.reference = { secretArn: this.secret.arn };

        const readers = args.readers ?? [];
        const rotator = rotation && "function" in rotation ? rotation.function : undefined;
        const readerRoles: pulumi.Input<string>[] = [
            ...((args.taskAccess ?? "read") === "read" ? [service.taskRole.arn] : []),
            service.executionRole.arn,
            ...readers.map((r) => r.role.arn),
            ...(rotation ? [rotator ? rotator.role.arn : (rotation as { lambdaRoleArn: pulumi.Input<string> }).lambdaRoleArn] : []),
        ];
        if (args.value !== undefined) {
            // The provider reads the value back after writing it: the deploying identity must stay able to.
            const caller = aws.getCallerIdentityOutput({}, { parent: this });
            readerRoles.push(aws.iam.getSessionContextOutput({ arn: caller.arn }, { parent: this }).issuerArn);
        }
        new aws.secretsmanager.SecretPolicy(
            child("policy"),
            {
                secretArn: this.secret.arn,
                blockPublicPolicy: true,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "OnlyTheServiceReadsTheValue",
                            Effect: "Deny",
                            Principal: "*",
                            Action: "secretsmanager:GetSecretValue",
                            Resource: "*",
                            Condition: { StringNotEquals: { "aws:PrincipalArn": readerRoles } },
                        },
                    ],
                }),
            },
            { parent: this.secret },
        );
        if ((args.taskAccess ?? "read") === "read") {
            service.grantTask(child("read"), secretReadStatements(this.secret.arn, key), this);
        }
        for (const reader of readers) {
            reader.grant(child(`read-${reader.dependencyName}`), secretReadStatements(this.secret.arn, key), this);
        }

        if (args.value !== undefined) {
            new aws.secretsmanager.SecretVersion(
                child("value"),
                { secretId: this.secret.id, secretString: pulumi.secret(args.value) },
                // Once rotation runs, the rotated value is the truth: never write the first one back.
                { parent: this.secret, ...(rotation ? { ignoreChanges: ["secretString", "versionStages"] } : {}) },
            );
        }
        if (rotation) {
            const dependsOn: pulumi.Resource[] = [];
            let lambdaArn: pulumi.Input<string>;
            if (rotator) {
                dependsOn.push(
                    rotator.allowInvocation(
                        child("rotation-invoke"),
                        { principal: "secretsmanager.amazonaws.com", sourceArn: this.secret.arn },
                        this,
                    ),
                    rotator.grant(child("rotation"), secretRotationStatements(this.secret.arn, key), this),
                );
                lambdaArn = rotator.arn;
            } else {
                lambdaArn = (rotation as { lambdaArn: pulumi.Input<string> }).lambdaArn;
            }
            new aws.secretsmanager.SecretRotation(
                child("rotation"),
                {
                    secretId: this.secret.id,
                    rotationLambdaArn: lambdaArn,
                    rotationRules:
                        rotation.scheduleExpression !== undefined
                            ? { scheduleExpression: rotation.scheduleExpression }
                            : { automaticallyAfterDays: rotation.afterDays ?? DEFAULT_ROTATION_DAYS },
                },
                { parent: this.secret, dependsOn },
            );
        }
        this.registerOutputs({ arn: this.arn });
    }
}
