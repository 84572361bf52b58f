import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    minimumLength: number;
}

const CLASSES = ["requireUppercase", "requireLowercase", "requireNumbers", "requireSymbols"] as const;

export const cognitoUserPoolPasswordPolicy: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cognito-user-pool-password-policy",
    description: "Checks whether Cognito user pools require long passwords mixing upper and lower case letters, numbers and symbols.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `passwordPolicy` with `minimumLength` of at least 12 (PCI DSS 4.0 " +
        "8.3.6) and `requireUppercase`, `requireLowercase`, `requireNumbers` " +
        "and " +
        "`requireSymbols` all true.",
    configSchema: { properties: { minimumLength: { type: "integer", minimum: 8, maximum: 99, default: 12 } } },
    peerChecks: { full: ["AwsSolutions-COG1"] },
    resourceTypes: [T.cognitoUserPool],
    validateResource: forTypes([T.cognitoUserPool], (args, report) => {
        const policy = (args.props.passwordPolicy ?? {}) as Record<string, unknown>;
        const { minimumLength } = args.getConfig<Config>();
        const missing: string[] = [];
        // Unset, Cognito's default is 8 characters.
        const length = typeof policy.minimumLength === "number" ? policy.minimumLength : 8;
        if (length < minimumLength) missing.push(`\`minimumLength\` ≥ ${minimumLength}`);
        // A declared policy leaves an unset class off, as the Cognito API does.
        for (const c of CLASSES) if (policy[c] !== true) missing.push(`\`${c}: true\``);
        if (missing.length > 0) report(`Cognito user pool \`${args.name}\` must require strong passwords: ${missing.join(", ")}.`);
    }),
};
