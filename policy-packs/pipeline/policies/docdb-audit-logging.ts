import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { asArray } from "../support/props";
import { T } from "../support/types";

// Values that audit at least schema changes and sign-ins (DML auditing alone misses both).
const AUDIT_ON = new Set(["enabled", "ddl", "all"]);

// The cluster exports the audit log, and from a parameter group of its own (the default group audits nothing).
const cluster: SettingCheck = (args) => {
    const problems: string[] = [];
    if (!asArray(args.props.enabledCloudwatchLogsExports as string[] | undefined).includes("audit"))
        problems.push(`${subject(args.type, args.name)} must export its \`audit\` log to CloudWatch (\`enabledCloudwatchLogsExports\`).`);
    const group = args.props.dbClusterParameterGroupName;
    if (typeof group !== "string" || group === "" || group.startsWith("default."))
        problems.push(
            `${subject(args.type, args.name)} must use a cluster parameter group ` +
                `that turns \`audit_logs\` on (\`dbClusterParameterGroupName\`).`,
        );
    return problems.length > 0 ? problems : undefined;
};

const group: SettingCheck = (args) => {
    const values = asArray(args.props.parameters as Record<string, unknown>[] | undefined)
        .filter((x) => String(x.name).toLowerCase() === "audit_logs")
        .flatMap((x) => String(x.value).toLowerCase().split(","));
    return values.some((v) => AUDIT_ON.has(v.trim()))
        ? undefined
        : `${subject(args.type, args.name)} must turn \`audit_logs\` on (\`ddl\`, \`all\` or \`enabled\`).`;
};

export const docdbAuditLogging = settingPolicy(
    {
        id: "docdb-audit-logging",
        description: "Checks whether DocumentDB clusters record audit events (`audit_logs`) and export them to CloudWatch Logs.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Give the cluster an `aws.docdb.ClusterParameterGroup` with " +
            "`audit_logs` set to `ddl` (or `all`) and add `audit` to `enabledCloudwatchLogsExports`.",
        peerChecks: { full: ["CKV_AWS_85", "CKV_AWS_104"], partial: ["AwsSolutions-DOC5"] },
    },
    { [T.docdbCluster]: cluster, [T.docdbClusterParameterGroup]: group },
);
