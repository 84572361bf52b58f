import { asArray } from "../support/props";
import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { requiredRdsLogTypes } from "../support/database-engines";
import { T } from "../support/types";

const exportsLogs: SettingCheck = (args) => {
    const required = requiredRdsLogTypes(args.props.engine);
    if (required.length === 0) args.notApplicable(`No log types are known for engine \`${String(args.props.engine)}\`.`);
    const exported = new Set(asArray(args.props.enabledCloudwatchLogsExports as string[] | undefined).map(String));
    const missing = required.filter((t) => !exported.has(t));
    return missing.length === 0
        ? undefined
        : `${subject(args.type, args.name)} must export its ` +
              `${missing.map((m) => `\`${m}\``).join(", ")} logs to CloudWatch (\`enabledCloudwatchLogsExports\`).`;
};

export const rdsLogExports = settingPolicy(
    {
        id: "rds-log-exports",
        description: "Checks whether RDS instances and clusters export their engine's audit, error and activity logs to CloudWatch Logs.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Set `enabledCloudwatchLogsExports` to the engine's log types: " +
            "MySQL/MariaDB `audit`, `error`, `general`, `slowquery` (with the " +
            "audit plugin in the option or parameter group); PostgreSQL " +
            "`postgresql`, `upgrade` (Aurora: `postgresql`); Oracle `alert`, " +
            "`audit`, `listener`, `oemagent`, `trace`; SQL Server `agent`, `error`.",
        peerChecks: {
            full: ["AwsSolutions-RDS16", "PCI.DSS.321-RDSLoggingEnabled", "CKV_AWS_129", "CKV_AWS_324", "CKV_AWS_325"],
        },
    },
    { [T.rdsInstance]: exportsLogs, [T.rdsCluster]: exportsLogs },
);
