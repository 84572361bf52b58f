import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { exposures, trustedAccounts } from "../support/resource-policies";
import { T } from "../support/types";

interface Config {
    trustedAccountIds: string[];
}

const TYPES = [T.sqsQueue, T.sqsQueuePolicy];

export const sqsQueuePolicyNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sqs-queue-policy-not-public",
    description: "Checks whether SQS queue policies grant access only to named principals of trusted accounts, never to everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Name the principals that may use the queue (roles of this account, or " +
        "a service principal with an `aws:SourceArn` condition); for another " +
        "account, add it to the policy's `trustedAccountIds` or add an `aws:PrincipalOrgID` condition.",
    configSchema: {
        properties: { trustedAccountIds: { type: "array", items: { type: "string", pattern: "^\\d{12}$" }, default: [] } },
    },
    peerChecks: { full: ["CKV_AWS_168", "CKV_AWS_387"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const policy = args.props.policy;
        if (policy === undefined) return args.notApplicable("The queue declares no inline policy.");
        const trusted = trustedAccounts(args.provider, args.getConfig<Config>().trustedAccountIds);
        for (const problem of exposures(policy, trusted))
            report(`SQS queue policy of \`${args.name}\` must not expose the queue: it ${problem}.`);
    }),
};
