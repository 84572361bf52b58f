import * as pulumi from "@pulumi/pulumi";
import { dependencyProblems } from "./dependency";
import { grantProblems } from "./function-documents";
import type { FunctionArgs, FunctionInvoker } from "./function";
import { functionRuntimeProblems } from "./validation/lambda-runtime";

const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Variable names that say the value is a secret (checked on plain values only). */
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)$/i;
/** Values that are secrets whatever their name: AWS access key ids, PEM private keys. */
const SECRET_VALUE = /(^|[^A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}([^A-Z0-9]|$)|-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const HANDLER = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

/**
 * Problems with environment variables of a function: names Lambda accepts (not `AWS_…`,
 * which Lambda reserves) and no secret in plain text — Lambda shows environment values to
 * anyone who may read the function's configuration (Checkov CKV_AWS_45). Pure.
 */
export function functionEnvironmentProblems(variables: Readonly<Record<string, unknown>> | undefined): string[] {
    const problems: string[] = [];
    for (const [name, value] of Object.entries(variables ?? {})) {
        if (!VARIABLE_NAME.test(name)) {
            problems.push(
                `\`environmentVariables.${name}\` is not a valid variable name: use letters, digits and \`_\`, starting with a letter.`,
            );
        } else if (name.startsWith("AWS_")) {
            problems.push(`\`environmentVariables.${name}\`: Lambda reserves \`AWS_…\` names; choose another name.`);
        }
        if (typeof value === "string" && (SECRET_VALUE.test(value) || (SECRET_NAME.test(name) && !value.startsWith("arn:")))) {
            problems.push(
                `\`environmentVariables.${name}\` holds a secret in plain text: keep it in a \`Secret\` (or Secrets Manager) ` +
                    `and pass its ARN instead, e.g. \`${name}_SECRET_ARN\`, granting the function read access.`,
            );
        }
    }
    return problems;
}

/**
 * Problems with who may invoke a function: never `*`, and an AWS service only for one
 * source resource (`sourceArn`), so another account's resource of that service cannot
 * (Checkov CKV_AWS_364, CKV_AWS_301; cdk-nag PCI.DSS.321-LambdaFunctionPublicAccessProhibited). Pure.
 */
export function invokerProblems(invokers: readonly FunctionInvoker[] | undefined, argument = "invokers"): string[] {
    const problems: string[] = [];
    (invokers ?? []).forEach((invoker, index) => {
        const at = (field = "") => `\`${argument}[${index}]${field}\``;
        const principal = invoker?.principal;
        if (typeof principal !== "string" || principal === "" || principal.includes("*")) {
            problems.push(
                `${at(".principal")} is \`${String(principal)}\`: a function is never invocable by anyone; name the AWS service ` +
                    "(e.g. `events.amazonaws.com`) or the IAM role ARN that invokes it.",
            );
        } else if (principal.endsWith(".amazonaws.com") && invoker.sourceArn === undefined) {
            problems.push(
                `${at()} lets \`${principal}\` invoke without \`sourceArn\`: name the one resource of that service that may ` +
                    "(any account's resource could otherwise).",
            );
        }
    });
    return problems;
}

/** Every problem with a {@link Function}'s name and arguments, each naming the argument and the fix. Pure. */
export function functionProblems(name: string, args: FunctionArgs): string[] {
    const problems = dependencyProblems(name, args.service);
    if (args.code === undefined || args.code === null) {
        problems.push('`code` is missing: pass the deployment package, e.g. `new pulumi.asset.FileArchive("./handler")`.');
    }
    if (args.handler !== undefined && (typeof args.handler !== "string" || !HANDLER.test(args.handler))) {
        problems.push(`\`handler\` is \`${String(args.handler)}\`: give \`<file>.<export>\`, e.g. \`index.handler\`.`);
    }
    if (args.runtime !== undefined) {
        problems.push(...functionRuntimeProblems(args.runtime));
    }
    if (args.architecture !== undefined && args.architecture !== "arm64" && args.architecture !== "x86_64") {
        problems.push(`\`architecture\` is \`${String(args.architecture)}\`: use \`arm64\` or \`x86_64\`.`);
    }
    const memory = args.memoryMb;
    if (memory !== undefined && (!Number.isInteger(memory) || memory < 128 || memory > 10240)) {
        problems.push(`\`memoryMb\` is \`${String(memory)}\`: use a whole number of MiB from 128 to 10240.`);
    }
    const timeout = args.timeoutSeconds;
    if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 1 || timeout > 900)) {
        problems.push(`\`timeoutSeconds\` is \`${String(timeout)}\`: use a whole number of seconds from 1 to 900.`);
    }
    const concurrency = args.reservedConcurrency;
    if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
        problems.push(
            `\`reservedConcurrency\` is \`${String(concurrency)}\`: a function keeps a concurrency limit (so one function cannot ` +
                "exhaust the account's pool, nor run unbounded); use a whole number of " +
                "at least 1, or remove it for the environment's default.",
        );
    }
    problems.push(...functionEnvironmentProblems(args.environmentVariables));
    problems.push(...grantProblems(args.grants));
    problems.push(...invokerProblems(args.invokers));
    const url = args.publicUrl as { authType?: unknown; allowedOrigins?: unknown } | undefined;
    if (url !== undefined) {
        if (url.authType !== undefined && url.authType !== "AWS_IAM") {
            problems.push(
                `\`publicUrl.authType\` is \`${String(url.authType)}\`: a function URL must require IAM-signed requests ` +
                    "(`AWS_IAM`); for a public endpoint use an `HttpApi` with an authoriser behind the landing zone's WAF.",
            );
        }
        const origins = Array.isArray(url.allowedOrigins) ? (url.allowedOrigins as unknown[]) : [];
        if (origins.some((o) => typeof o !== "string" || o.includes("*"))) {
            problems.push("`publicUrl.allowedOrigins` contains `*`: list the exact browser origins, e.g. `https://app.example.com`.");
        }
    }
    const signing = args.codeSigning as { signingProfileVersionArns?: unknown; untrustedArtifactOnDeployment?: unknown } | undefined;
    if (signing !== undefined) {
        if (!Array.isArray(signing.signingProfileVersionArns) || signing.signingProfileVersionArns.length === 0) {
            problems.push(
                "`codeSigning.signingProfileVersionArns` is empty: name the AWS Signer profile versions allowed to sign the code.",
            );
        }
        if (signing.untrustedArtifactOnDeployment !== undefined && signing.untrustedArtifactOnDeployment !== "Enforce") {
            problems.push(
                `\`codeSigning.untrustedArtifactOnDeployment\` is \`${String(signing.untrustedArtifactOnDeployment)}\`: ` +
                    "unsigned or tampered code must be refused (`Enforce`), not deployed with a warning.",
            );
        }
    }
    if (args.description !== undefined && (typeof args.description !== "string" || args.description.length > 256)) {
        problems.push("`description` must be text of at most 256 characters.");
    }
    for (const [key, value] of Object.entries(args.environmentVariables ?? {})) {
        if (value !== undefined && typeof value !== "string" && !pulumi.Output.isInstance(value) && !(value instanceof Promise)) {
            problems.push(`\`environmentVariables.${key}\` must be a string or an Output of one.`);
        }
    }
    return problems;
}
