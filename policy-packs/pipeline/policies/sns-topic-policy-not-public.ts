import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { exposures, trustedAccounts } from "../support/resource-policies";
import { T } from "../support/types";

interface Config {
    trustedAccountIds: string[];
}

const TYPES = [T.snsTopic, T.snsTopicPolicy];

export const snsTopicPolicyNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sns-topic-policy-not-public",
    description: "Checks whether SNS topic policies grant access only to named principals of trusted accounts, never to everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Name the principals that may publish or subscribe (roles of this " +
        "account, or a service principal with an `aws:SourceArn` condition); " +
        "for " +
        "another account, add it to the policy's `trustedAccountIds` or add an `aws:PrincipalOrgID` condition.",
    configSchema: {
        properties: { trustedAccountIds: { type: "array", items: { type: "string", pattern: "^\\d{12}$" }, default: [] } },
    },
    // Checkov's cross-account check also rejects unconditioned grants to this account's own principals; this judges other accounts only.
    peerChecks: { full: ["CKV_AWS_169"], partial: ["CKV_AWS_385"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const policy = args.props.policy;
        if (policy === undefined) return args.notApplicable("The topic declares no inline policy.");
        const trusted = trustedAccounts(args.provider, args.getConfig<Config>().trustedAccountIds);
        for (const problem of exposures(policy, trusted))
            report(`SNS topic policy of \`${args.name}\` must not expose the topic: it ${problem}.`);
    }),
};
