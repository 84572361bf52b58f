import * as pulumi from "@pulumi/pulumi";
import type { ContainerServiceArgs } from "./container-service";
import type { ServiceSizing } from "./sizing";
import { variableNameProblems } from "./container-definition";
import { fargateSizeProblems } from "./validation/fargate";
import { imageSelectionProblems } from "./validation/image";
import { containerPortProblems } from "./validation/port";
import { serviceNameProblems } from "./validation/service-name";

/** The listener-rule priorities AWS accepts. */
export const MAX_RULE_PRIORITY = 50000;
const USER = /^[1-9]\d{0,9}(:\d{1,10})?$/;

/** A container service's arguments without its identity: what can be checked before anything exists. */
export type ContainerShape = Omit<ContainerServiceArgs, "identity">;

/**
 * Every problem with a {@link ContainerService}'s name and arguments, each naming the
 * argument and the fix; empty when valid. Runs before anything is registered. Pure.
 */
export function containerServiceProblems(name: string, args: ContainerServiceArgs): string[] {
    const identity = args.identity;
    if (!identity || typeof identity.serviceName !== "string") {
        return [...serviceNameProblems(name), "`identity` is missing: create a `ServiceIdentity` for the service first and pass it."];
    }
    const problems = containerShapeProblems(name, args, identity.sizing);
    if (identity.serviceName !== name) {
        problems.push(
            `\`identity\` belongs to \`${identity.serviceName}\`, not \`${name}\`: ` +
                `name the ServiceIdentity and the ContainerService alike.`,
        );
    }
    return problems;
}

/**
 * The checks of {@link containerServiceProblems} that need no identity, only the
 * environment's sizing: unit programs call this first, so a bad cpu/memory pair, port,
 * image or name stops the program before the identity or any dependency exists. Pure.
 */
export function containerShapeProblems(name: string, args: ContainerShape, sizing: ServiceSizing): string[] {
    const problems = [...serviceNameProblems(name)];
    problems.push(...fargateSizeProblems(args.cpu ?? 256, args.memory ?? 512));
    problems.push(...containerPortProblems(args.containerPort ?? 8080));
    problems.push(...imageSelectionProblems(args.image, sizing.requireImageDigest));
    if (args.user !== undefined && (!USER.test(args.user) || args.user.split(":")[0] === "0")) {
        problems.push(`\`user\` is \`${args.user}\`: give a numeric non-root \`uid\` or \`uid:gid\`, e.g. \`1000:1000\`.`);
    }
    const secrets = args.secrets ?? {};
    for (const [variable, secret] of Object.entries(secrets)) {
        if (typeof secret !== "object" || secret === null) {
            problems.push(`\`secrets.${variable}\` must be \`{ value: <secret Output> }\` or a secret reference \`{ secretArn }\`.`);
        } else if ("value" in secret && !pulumi.Output.isInstance(secret.value)) {
            problems.push(
                `\`secrets.${variable}.value\` is a plain value: pass the Vault value as a secret Output ` +
                    "(`ctx.inputs.requireSecret(...)` or `pulumi.secret(...)`) so it is never stored in plain text.",
            );
        } else if (!("value" in secret) && secret.secretArn === undefined) {
            problems.push(`\`secrets.${variable}\` has neither \`value\` nor \`secretArn\`.`);
        }
    }
    problems.push(...variableNameProblems(Object.keys(args.environmentVariables ?? {}), Object.keys(secrets)));
    if (args.secretStore !== undefined && args.secretStore !== "secretsManager" && args.secretStore !== "ssm") {
        problems.push(`\`secretStore\` is \`${String(args.secretStore)}\`: use \`secretsManager\` or \`ssm\`.`);
    }
    if (args.http) {
        problems.push(...httpProblems(args.http));
    }
    problems.push(...scalingProblems(args, sizing.minTasks, sizing.maxTasks));
    return problems;
}

function httpProblems(http: NonNullable<ContainerShape["http"]>): string[] {
    const problems: string[] = [];
    if (!Number.isInteger(http.priority) || http.priority < 1 || http.priority > MAX_RULE_PRIORITY) {
        problems.push(
            `\`http.priority\` is \`${String(http.priority)}\`: use a whole number ` +
                `from 1 to ${MAX_RULE_PRIORITY}, unique on the shared listener.`,
        );
    }
    const patterns = Array.isArray(http.pathPatterns) ? http.pathPatterns : [];
    if (patterns.length < 1 || patterns.length > 5) {
        problems.push('`http.pathPatterns` must hold 1 to 5 patterns, e.g. `["/payments/*"]`.');
    }
    for (const pattern of patterns) {
        if (typeof pattern !== "string" || !pattern.startsWith("/") || pattern.length > 128) {
            problems.push(`\`http.pathPatterns\` entry \`${String(pattern)}\` must start with \`/\` and have at most 128 characters.`);
        }
    }
    const health = http.healthCheckPath;
    if (health !== undefined && (typeof health !== "string" || !health.startsWith("/"))) {
        problems.push(`\`http.healthCheckPath\` is \`${String(health)}\`: give a path starting with \`/\`, e.g. \`/health\`.`);
    }
    return problems;
}

function scalingProblems(args: ContainerShape, defaultMin: number, defaultMax: number): string[] {
    const scaling = args.scaling ?? {};
    const problems: string[] = [];
    const min = scaling.minTasks ?? defaultMin;
    const max = scaling.maxTasks ?? Math.max(defaultMax, min);
    if (!Number.isInteger(min) || min < 1) {
        problems.push(`\`scaling.minTasks\` is \`${String(min)}\`: run at least 1 task.`);
    }
    if (!Number.isInteger(max) || max < min) {
        problems.push(
            `\`scaling.maxTasks\` is \`${String(max)}\` but \`scaling.minTasks\` ` +
                `is \`${String(min)}\`: raise \`maxTasks\` to at least \`minTasks\`.`,
        );
    }
    const cpu = scaling.cpuTargetPercent;
    if (cpu !== undefined && (typeof cpu !== "number" || cpu < 10 || cpu > 90)) {
        problems.push(`\`scaling.cpuTargetPercent\` is \`${String(cpu)}\`: hold between 10 and 90 percent.`);
    }
    const requests = scaling.requestsPerTarget;
    if (requests !== undefined && (typeof requests !== "number" || requests < 1)) {
        problems.push(`\`scaling.requestsPerTarget\` is \`${String(requests)}\`: give a positive number of requests per task.`);
    } else if (requests !== undefined && !args.http) {
        problems.push("`scaling.requestsPerTarget` needs `http`: a worker without a target group cannot scale on ALB requests.");
    }
    return problems;
}
