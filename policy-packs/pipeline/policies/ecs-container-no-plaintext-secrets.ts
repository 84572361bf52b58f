import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { containerName, containersOf } from "../support/containers";
import { looksLikeSecret } from "../support/secret-values";
import { T } from "../support/types";

/** Names that announce a secret. */
export const DEFAULT_SECRET_NAME_PATTERN = "(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?|AUTH)";

interface Config {
    secretNamePattern: string;
}

/** The message names the variable only: the value must never reach a log or report. */
export const ecsContainerNoPlaintextSecrets: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecs-container-no-plaintext-secrets",
    description: "Checks whether ECS containers keep secrets out of plain environment variables.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Move the value to Secrets Manager or SSM Parameter Store and reference it from the container's `secrets` list (`valueFrom`).",
    configSchema: { properties: { secretNamePattern: { type: "string", minLength: 1, default: DEFAULT_SECRET_NAME_PATTERN } } },
    // cdk-nag refuses every environment variable; ours only those that carry a secret.
    peerChecks: { partial: ["AwsSolutions-ECS2"] },
    resourceTypes: [T.taskDefinition],
    validateResource: forTypes([T.taskDefinition], (args, report) => {
        const nameRe = new RegExp(args.getConfig<Config>().secretNamePattern, "i");
        containersOf(args.props).forEach((c, i) => {
            for (const env of c.environment ?? []) {
                const name = String(env.name ?? "");
                const value = String(env.value ?? "");
                const byName = nameRe.test(name) && value.length > 0;
                const byValue = looksLikeSecret(value);
                if (byName || byValue) {
                    report(
                        `Container ${containerName(c, i)} of task definition \`${args.name}\` ` +
                            `must pass \`${name}\` through \`secrets\`, not a plain environment variable${byValue ? " (its value looks like a credential)" : ""}.`,
                    );
                }
            }
        });
    }),
};
