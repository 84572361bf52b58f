import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    minRetentionDays: number;
}

export const cloudwatchLogGroupRetention: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudwatch-log-group-retention",
    description: "Checks whether CloudWatch log groups keep logs for at least a year.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `retentionInDays` to 365 or more (or leave it unset to keep logs forever).",
    configSchema: { properties: { minRetentionDays: { type: "integer", minimum: 1, default: 365 } } },
    // Partial: an unset retention keeps logs forever and passes here; the peers want it set explicitly.
    peerChecks: { partial: ["CKV_AWS_66", "CKV_AWS_338", "PCI.DSS.321-CloudWatchLogGroupRetentionPeriod"] },
    resourceTypes: [T.logGroup],
    validateResource: forTypes([T.logGroup], (args, report) => {
        const { minRetentionDays } = args.getConfig<Config>();
        const days = args.props.retentionInDays;
        // 0 or unset: never expire, which satisfies any minimum.
        if (typeof days === "number" && days > 0 && days < minRetentionDays)
            report(`Log group \`${args.name}\` must keep logs for at least ${minRetentionDays} days (\`retentionInDays\` is ${days}).`);
    }),
};
