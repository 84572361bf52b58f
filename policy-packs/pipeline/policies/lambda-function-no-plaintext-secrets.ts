import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { DEFAULT_SECRET_NAME_PATTERN, plaintextSecretNames } from "../support/plaintext-secrets";
import { T } from "../support/types";

interface Config {
    secretNamePattern: string;
}

/** The message names the variable only: the value must never reach a log or report. */
export const lambdaFunctionNoPlaintextSecrets: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-function-no-plaintext-secrets",
    description: "Checks whether Lambda functions keep secrets out of plain environment variables.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Store the value in Secrets Manager or SSM Parameter Store, pass its " +
        "ARN or name in the variable, and read it at start-up with the " +
        "function's " +
        "role (or the Parameters and Secrets extension).",
    configSchema: { properties: { secretNamePattern: { type: "string", minLength: 1, default: DEFAULT_SECRET_NAME_PATTERN } } },
    // Checkov matches credential-shaped values only; this also judges secret-announcing names, but with fewer value shapes.
    peerChecks: { partial: ["CKV_AWS_45"] },
    resourceTypes: [T.lambdaFunction],
    validateResource: forTypes([T.lambdaFunction], (args, report) => {
        const env = args.props.environment as { variables?: Record<string, unknown> } | undefined;
        if (!env?.variables) return args.notApplicable("The function sets no environment variables.");
        for (const name of plaintextSecretNames(env.variables, args.getConfig<Config>().secretNamePattern))
            report(
                `Lambda function \`${args.name}\` must not pass \`${name}\` as a plain environment variable; reference a secret instead.`,
            );
    }),
};
