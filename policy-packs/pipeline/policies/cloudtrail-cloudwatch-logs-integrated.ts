import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const set = (v: unknown) => typeof v === "string" && v.trim() !== "";

export const cloudtrailCloudwatchLogsIntegrated: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudtrail-cloudwatch-logs-integrated",
    description:
        "Checks whether CloudTrail trails also deliver to a CloudWatch Logs " +
        "group, where metric filters and alarms can act on events as they happen.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `cloudWatchLogsGroupArn` (the log group's ARN followed by `:*`) and `cloudWatchLogsRoleArn` (a role " +
        "CloudTrail assumes, allowed `logs:CreateLogStream` and `logs:PutLogEvents` on that group).",
    resourceTypes: [T.trail],
    // Checkov also wants the log group declared in the same configuration; an ARN of another stack's group passes here.
    peerChecks: { full: ["PCI.DSS.321-CloudTrailCloudWatchLogsEnabled"], partial: ["CKV2_AWS_10"] },
    validateResource: forTypes([T.trail], (args, report) => {
        const missing = [
            set(args.props.cloudWatchLogsGroupArn) ? undefined : "`cloudWatchLogsGroupArn`",
            set(args.props.cloudWatchLogsRoleArn) ? undefined : "`cloudWatchLogsRoleArn`",
        ].filter((m): m is string => m !== undefined);
        if (missing.length > 0) report(`CloudTrail trail \`${args.name}\` must deliver to CloudWatch Logs: set ${missing.join(" and ")}.`);
    }),
};
