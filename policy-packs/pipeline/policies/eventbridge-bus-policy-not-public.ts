import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { exposures, trustedAccounts } from "../support/resource-policies";
import { T } from "../support/types";

interface Config {
    trustedAccountIds: string[];
}

const TYPES = [T.eventBusPolicy, T.eventPermission];

export const eventbridgeBusPolicyNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "eventbridge-bus-policy-not-public",
    description: "Checks whether EventBridge event bus policies let only trusted accounts or the organisation put events, never everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Grant `events:PutEvents` to named accounts (listed in the policy's " +
        "`trustedAccountIds`) or to `*` with an `aws:PrincipalOrgID` condition " +
        '(`aws.cloudwatch.EventPermission`: `condition { key: "aws:PrincipalOrgID", type: "StringEquals", value }`).',
    configSchema: {
        properties: { trustedAccountIds: { type: "array", items: { type: "string", pattern: "^\\d{12}$" }, default: [] } },
    },
    peerChecks: { full: ["AwsSolutions-EVB1"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const trusted = trustedAccounts(args.provider, args.getConfig<Config>().trustedAccountIds);
        if (args.type === T.eventBusPolicy) {
            for (const problem of exposures(args.props.policy, trusted))
                report(`Event bus policy \`${args.name}\` must not expose the bus: it ${problem}.`);
            return;
        }
        const principal = String(args.props.principal);
        const condition = args.props.condition as { key?: unknown; value?: unknown } | undefined;
        const conditioned =
            !!condition && typeof condition.key === "string" && typeof condition.value === "string" && condition.value !== "*";
        if (principal === "*" && !conditioned)
            report(
                `Event permission \`${args.name}\` must not let everyone put events: ` +
                    `name an account or add an \`aws:PrincipalOrgID\` condition.`,
            );
        else if (principal !== "*" && trusted.length > 0 && !trusted.includes(principal))
            report(
                `Event permission \`${args.name}\` must not grant untrusted account ` +
                    `${principal}; add it to \`trustedAccountIds\` if intended.`,
            );
    }),
};
