import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const cognitoIdentityPoolNoUnauthenticated: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cognito-identity-pool-no-unauthenticated",
    description: "Checks whether Cognito identity pools refuse AWS credentials to unauthenticated (guest) identities.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `allowUnauthenticatedIdentities: false`; give guests what they need through a public API instead of AWS credentials.",
    peerChecks: { full: ["AwsSolutions-COG7", "CKV_AWS_366"] },
    resourceTypes: [T.cognitoIdentityPool],
    validateResource: forTypes([T.cognitoIdentityPool], (args, report) => {
        if (args.props.allowUnauthenticatedIdentities === true)
            report(`Cognito identity pool \`${args.name}\` must not give credentials to unauthenticated identities.`);
    }),
};
