import { dependencyProblems } from "./dependency";
import { Function } from "./function";
import type { HttpApiArgs } from "./http-api";
import { routeProblems } from "./http-api-routes";

/** API Gateway's default account quota: a stage limit above it would not be a limit. */
export const MAX_API_RATE_LIMIT = 10000;
export const MAX_API_BURST_LIMIT = 5000;

const AUTHORIZER_NAME = /^[a-z][a-z0-9-]{0,30}$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const ownerOf = (fn: Function) => fn.service.serviceName;

/** Problems with an API's arguments. Pure. */
export function httpApiProblems(name: string, args: HttpApiArgs): string[] {
    const problems = dependencyProblems(name, args.service);
    const service = args.service?.serviceName;
    const authorizers = (args.authorizers ?? {}) as Record<string, Record<string, unknown>>;
    for (const [authorizerName, authorizer] of Object.entries(authorizers)) {
        const at = `\`authorizers.${authorizerName}\``;
        if (!AUTHORIZER_NAME.test(authorizerName)) {
            problems.push(`${at}: authoriser names are 1–31 lowercase letters, digits and \`-\`, starting with a letter.`);
        }
        if (authorizer?.kind === "lambda") {
            const fn = authorizer.function;
            if (!(fn instanceof Function)) problems.push(`${at}.function must be a \`Function\` of the service.`);
            else if (ownerOf(fn) !== service)
                problems.push(`${at}.function belongs to \`${ownerOf(fn)}\`: authorise with a function of this service.`);
            const ttl = authorizer.resultTtlSeconds;
            if (ttl !== undefined && (typeof ttl !== "number" || !Number.isInteger(ttl) || ttl < 0 || ttl > 3600)) {
                problems.push(`${at}.resultTtlSeconds is \`${String(ttl)}\`: use a whole number of seconds from 0 to 3600.`);
            }
        } else if (authorizer?.kind === "cognito") {
            if (!Array.isArray(authorizer.userPoolArns) || authorizer.userPoolArns.length === 0) {
                problems.push(`${at}.userPoolArns is empty: name the Cognito user pools whose tokens are accepted.`);
            }
        } else if (authorizer?.kind !== "iam") {
            problems.push(
                `${at}.kind is \`${String(authorizer?.kind)}\`: use \`lambda\`, \`cognito\` (JWTs from a user pool) or \`iam\` — ` +
                    "there is no unauthenticated kind.",
            );
        }
    }
    problems.push(...routeProblems(args.routes, Object.keys(authorizers)));
    (args.routes ?? []).forEach((route, index) => {
        const fn = (route?.target as { function?: unknown } | undefined)?.function;
        if (fn !== undefined && !(fn instanceof Function)) {
            problems.push(`\`routes[${index}].target.function\` must be a \`Function\` of the service.`);
        } else if (fn instanceof Function && ownerOf(fn) !== service) {
            problems.push(
                `\`routes[${index}].target.function\` belongs to \`${ownerOf(fn)}\`: an API routes to its own service's functions.`,
            );
        }
    });
    const rate = args.throttling?.rateLimit;
    if (rate !== undefined && (typeof rate !== "number" || !(rate > 0) || rate > MAX_API_RATE_LIMIT)) {
        problems.push(
            `\`throttling.rateLimit\` is \`${String(rate)}\`: the stage keeps a ` +
                `limit; use more than 0 and at most ${MAX_API_RATE_LIMIT} requests per second.`,
        );
    }
    const burst = args.throttling?.burstLimit;
    if (burst !== undefined && (!Number.isInteger(burst) || burst < 1 || burst > MAX_API_BURST_LIMIT)) {
        problems.push(
            `\`throttling.burstLimit\` is \`${String(burst)}\`: the stage keeps a ` +
                `limit; use a whole number from 1 to ${MAX_API_BURST_LIMIT}.`,
        );
    }
    if (args.loggingLevel !== undefined && args.loggingLevel !== "INFO" && args.loggingLevel !== "ERROR") {
        problems.push(
            `\`loggingLevel\` is \`${String(args.loggingLevel)}\`: every stage writes execution logs; use \`INFO\` or \`ERROR\`.`,
        );
    }
    if (args.stageName !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(args.stageName)) {
        problems.push(`\`stageName\` is \`${args.stageName}\`: use 1–64 letters, digits, \`_\` or \`-\`.`);
    }
    const domain = args.customDomain;
    if (domain !== undefined) {
        if (typeof domain.domainName !== "string" || !DOMAIN.test(domain.domainName)) {
            problems.push(
                `\`customDomain.domainName\` is \`${String(domain.domainName)}\`: give ` +
                    `a lowercase DNS name such as \`orders.example.com\`.`,
            );
        }
        if (domain.securityPolicy !== undefined && domain.securityPolicy !== "TLS_1_2") {
            problems.push(
                `\`customDomain.securityPolicy\` is ` +
                    `\`${String(domain.securityPolicy)}\`: the domain accepts TLS 1.2 or ` +
                    `later only (\`TLS_1_2\`).`,
            );
        }
        if (domain.certificateArn === undefined) {
            problems.push("`customDomain.certificateArn` is missing: give the ACM certificate of the domain (in the API's region).");
        }
        if (domain.basePath !== undefined && !/^[A-Za-z0-9._-]+$/.test(domain.basePath)) {
            problems.push(`\`customDomain.basePath\` is \`${domain.basePath}\`: one path segment of letters, digits, \`._-\`.`);
        }
    }
    return problems;
}
