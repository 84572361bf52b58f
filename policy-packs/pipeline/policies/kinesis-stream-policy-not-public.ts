import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { exposures, trustedAccounts } from "../support/resource-policies";
import { T } from "../support/types";

interface Config {
    trustedAccountIds: string[];
}

export const kinesisStreamPolicyNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kinesis-stream-policy-not-public",
    description:
        "Checks whether Kinesis data stream resource policies grant access " +
        "only to named principals of trusted accounts, never to everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Name the consumer or producer roles in the policy; for another account, add it to the policy's `trustedAccountIds` or add an " +
        "`aws:PrincipalOrgID` condition.",
    configSchema: {
        properties: { trustedAccountIds: { type: "array", items: { type: "string", pattern: "^\\d{12}$" }, default: [] } },
    },
    resourceTypes: [T.kinesisResourcePolicy],
    validateResource: forTypes([T.kinesisResourcePolicy], (args, report) => {
        const trusted = trustedAccounts(args.provider, args.getConfig<Config>().trustedAccountIds);
        for (const problem of exposures(args.props.policy, trusted))
            report(`Kinesis resource policy \`${args.name}\` must not expose the stream: it ${problem}.`);
    }),
};
