import { allOf, mustBeTrue, SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

interface Config {
    maxMonitoringIntervalSeconds: number;
}

// Enhanced Monitoring: OS metrics every N seconds (0 turns it off), published with a monitoring role.
const enhanced: SettingCheck = (args) => {
    const { maxMonitoringIntervalSeconds } = args.getConfig<Config>();
    const interval = Number(args.props.monitoringInterval ?? 0);
    if (interval > 0 && interval <= maxMonitoringIntervalSeconds) return undefined;
    return (
        `${subject(args.type, args.name)} must turn on Enhanced Monitoring ` +
        `(\`monitoringInterval\` between 1 and ${maxMonitoringIntervalSeconds} ` +
        `seconds, with \`monitoringRoleArn\`; it is ${interval}).`
    );
};

// Performance Insights is unavailable on the smallest MySQL/MariaDB classes and on Db2.
const SMALL_CLASSES = new Set(["db.t2.micro", "db.t2.small", "db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"]);
const insights: SettingCheck = (args) => {
    const engine = String(args.props.engine ?? "").toLowerCase();
    if (engine.startsWith("db2")) return undefined;
    if ((engine === "mysql" || engine === "mariadb") && SMALL_CLASSES.has(String(args.props.instanceClass))) return undefined;
    return mustBeTrue("performanceInsightsEnabled")(args);
};

const monitored = allOf(enhanced, insights);

export const rdsInstanceMonitoring = settingPolicy(
    {
        id: "rds-instance-monitoring",
        description: "Checks whether RDS instances and cluster instances have Enhanced Monitoring and Performance Insights turned on.",
        severity: "low",
        enforcementLevel: "advisory",
        waivable: true,
        remediationSteps:
            "Set `monitoringInterval` (e.g. 60) with a `monitoringRoleArn` that " +
            "has `AmazonRDSEnhancedMonitoringRole`, and " +
            "`performanceInsightsEnabled: true` with a customer managed `performanceInsightsKmsKeyId`.",
        configSchema: { properties: { maxMonitoringIntervalSeconds: { type: "integer", enum: [1, 5, 10, 15, 30, 60], default: 60 } } },
        peerChecks: {
            full: ["CKV_AWS_118", "CKV_AWS_353", "aws-rds-clusterinstance-enable-performance-insights"],
            // Partial: the smallest MySQL/MariaDB classes, which cannot run Performance Insights, are not asked for it.
            partial: ["aws-rds-instance-enable-performance-insights"],
        },
    },
    { [T.rdsInstance]: monitored, [T.rdsClusterInstance]: monitored },
);
