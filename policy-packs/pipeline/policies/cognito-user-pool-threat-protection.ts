import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const cognitoUserPoolThreatProtection: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cognito-user-pool-threat-protection",
    description:
        "Checks whether Cognito user pools are on the Plus tier with threat " +
        "protection enforced (compromised credentials, adaptive authentication).",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: 'Set `userPoolTier: "PLUS"` and `userPoolAddOns: { advancedSecurityMode: "ENFORCED" }`.',
    peerChecks: { full: ["AwsSolutions-COG8"] },
    resourceTypes: [T.cognitoUserPool],
    validateResource: forTypes([T.cognitoUserPool], (args, report) => {
        if (args.props.userPoolTier !== "PLUS")
            report(`Cognito user pool \`${args.name}\` must be on the Plus tier (\`userPoolTier: "PLUS"\`).`);
        else if ((args.props.userPoolAddOns as { advancedSecurityMode?: unknown } | undefined)?.advancedSecurityMode !== "ENFORCED")
            report(
                `Cognito user pool \`${args.name}\` must enforce threat protection (\`userPoolAddOns.advancedSecurityMode: "ENFORCED"\`).`,
            );
    }),
};
