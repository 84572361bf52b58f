import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const cognitoUserPoolMfaRequired: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cognito-user-pool-mfa-required",
    description: "Checks whether Cognito user pools require multi-factor authentication for every user.",
    severity: "high",
    enforcementLevel: "advisory",
    enforceAfter: "2027-03-01",
    waivable: true,
    remediationSteps:
        'Set `mfaConfiguration: "ON"` with `softwareTokenMfaConfiguration: { ' +
        "enabled: true }` (TOTP; or passkeys/email on the Essentials tier and above).",
    peerChecks: { full: ["AwsSolutions-COG2"] },
    resourceTypes: [T.cognitoUserPool],
    validateResource: forTypes([T.cognitoUserPool], (args, report) => {
        const mfa = args.props.mfaConfiguration;
        if (mfa !== "ON")
            report(`Cognito user pool \`${args.name}\` must require MFA (\`mfaConfiguration: "ON"\`, not \`${String(mfa ?? "OFF")}\`).`);
    }),
};
