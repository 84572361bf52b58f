import { asArray } from "../support/props";
import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

const audit: SettingCheck = (args) =>
    asArray(args.props.enableCloudwatchLogsExports as string[] | undefined).includes("audit")
        ? undefined
        : `${subject(args.type, args.name)} must export its \`audit\` log to CloudWatch (\`enableCloudwatchLogsExports\`).`;

export const neptuneAuditLogExport = settingPolicy(
    {
        id: "neptune-audit-log-export",
        description: "Checks whether Neptune clusters export their audit log to CloudWatch Logs.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Add `audit` to `enableCloudwatchLogsExports` and set " +
            "`neptune_enable_audit_log` to 1 in the cluster parameter group, so " +
            "the log has content.",
        peerChecks: { full: ["CKV_AWS_101"] },
    },
    { [T.neptuneCluster]: audit },
);
