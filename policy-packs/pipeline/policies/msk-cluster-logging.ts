import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const mskClusterLogging: ResourcePolicyDefinition = {
    kind: "resource",
    id: "msk-cluster-logging",
    description: "Checks whether MSK clusters send broker logs to CloudWatch Logs, Firehose or S3.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `loggingInfo.brokerLogs.cloudwatchLogs: { enabled: true, logGroup }` (or `firehose` / `s3` with `enabled: true`).",
    peerChecks: { full: ["AwsSolutions-MSK6", "CKV_AWS_80"] },
    resourceTypes: [T.mskCluster],
    validateResource: forTypes([T.mskCluster], (args, report) => {
        const logs = ((args.props.loggingInfo as { brokerLogs?: Record<string, { enabled?: unknown } | undefined> } | undefined)
            ?.brokerLogs ?? {}) as Record<string, { enabled?: unknown } | undefined>;
        if (!["cloudwatchLogs", "firehose", "s3"].some((k) => logs[k]?.enabled === true))
            report(`MSK cluster \`${args.name}\` must send broker logs somewhere (\`loggingInfo.brokerLogs\`).`);
    }),
};
