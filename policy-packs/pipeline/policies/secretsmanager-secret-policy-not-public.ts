import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { exposures, trustedAccounts } from "../support/resource-policies";
import { T } from "../support/types";

interface Config {
    trustedAccountIds: string[];
}

const TYPES = [T.secretsManagerSecret, T.secretsManagerPolicy];

export const secretsmanagerSecretPolicyNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "secretsmanager-secret-policy-not-public",
    description:
        "Checks whether Secrets Manager secret policies grant access only to named principals of trusted accounts, never to everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Name the roles that may read the secret; for another account, add it " +
        "to the policy's `trustedAccountIds`; keep `blockPublicPolicy: true` " +
        "on " +
        "the `aws.secretsmanager.SecretPolicy`.",
    configSchema: {
        properties: { trustedAccountIds: { type: "array", items: { type: "string", pattern: "^\\d{12}$" }, default: [] } },
    },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const policy = args.props.policy;
        if (policy === undefined) return args.notApplicable("The secret declares no inline policy.");
        const trusted = trustedAccounts(args.provider, args.getConfig<Config>().trustedAccountIds);
        for (const problem of exposures(policy, trusted))
            report(`Secret policy of \`${args.name}\` must not expose the secret: it ${problem}.`);
    }),
};
