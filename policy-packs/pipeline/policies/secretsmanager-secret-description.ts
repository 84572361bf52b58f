import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

export const secretsmanagerSecretDescription: ResourcePolicyDefinition = {
    kind: "resource",
    id: "secretsmanager-secret-description",
    description: "Checks whether Secrets Manager secrets say what they hold and for whom in a description.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Set `description` to what the secret is, which service uses it and where its value comes from.",
    peerChecks: { full: ["aws-secretsmanager-secret-missing-description"] },
    resourceTypes: [T.secretsManagerSecret],
    validateResource: forTypes([T.secretsManagerSecret], (args, report) => {
        if (!isPresent(args.props.description)) report(`Secret \`${args.name}\` must have a \`description\`.`);
    }),
};
