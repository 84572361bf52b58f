import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { DEFAULT_SECRET_NAME_PATTERN, plaintextSecretNames } from "../support/plaintext-secrets";
import { asArray } from "../support/props";
import { T } from "../support/types";

interface Config {
    secretNamePattern: string;
}

/** The message names the variable only: the value must never reach a log or report. */
export const codebuildProjectNoPlaintextCredentials: ResourcePolicyDefinition = {
    kind: "resource",
    id: "codebuild-project-no-plaintext-credentials",
    description:
        "Checks whether CodeBuild projects keep credentials (AWS keys, passwords, tokens) out of plain-text environment variables.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        'Give the variable `type: "SECRETS_MANAGER"` or `"PARAMETER_STORE"` ' +
        "with the secret's name as `value`; never pass AWS access keys: the " +
        "project's service role provides credentials.",
    configSchema: { properties: { secretNamePattern: { type: "string", minLength: 1, default: DEFAULT_SECRET_NAME_PATTERN } } },
    peerChecks: { full: ["PCI.DSS.321-CodeBuildProjectEnvVarAwsCred"] },
    resourceTypes: [T.codebuildProject],
    validateResource: forTypes([T.codebuildProject], (args, report) => {
        const vars = asArray(
            (args.props.environment as { environmentVariables?: unknown } | undefined)?.environmentVariables as Record<string, unknown>[],
        );
        const plain: Record<string, unknown> = {};
        for (const v of vars) if (v.type === undefined || v.type === "PLAINTEXT") plain[String(v.name)] = v.value;
        for (const name of plaintextSecretNames(plain, args.getConfig<Config>().secretNamePattern))
            report(
                `CodeBuild project \`${args.name}\` must not pass \`${name}\` as a ` +
                    `plain-text environment variable; use Secrets Manager or Parameter Store.`,
            );
    }),
};
