import { atLeast, settingPolicy, unless } from "../support/data-settings";
import { T } from "../support/types";

const BACKTRACK_ENGINES = new Set(["aurora", "aurora-mysql"]);

export const rdsAuroraMysqlBacktrack = settingPolicy(
    {
        id: "rds-aurora-mysql-backtrack",
        description: "Checks whether Aurora MySQL clusters keep a Backtrack window to rewind a bad change in place.",
        severity: "low",
        enforcementLevel: "advisory",
        waivable: true,
        remediationSteps: "Set `backtrackWindow` (seconds, up to 259200) to at least the configured minimum, 24 hours by default.",
        configSchema: { properties: { minWindowSeconds: { type: "integer", minimum: 1, maximum: 259200, default: 86400 } } },
        peerChecks: { full: ["AwsSolutions-RDS14", "CKV_AWS_326"] },
    },
    {
        [T.rdsCluster]: unless(
            (args) =>
                BACKTRACK_ENGINES.has(String(args.props.engine ?? "aurora").toLowerCase())
                    ? undefined
                    : "Backtrack is an Aurora MySQL feature.",
            atLeast("backtrackWindow", "minWindowSeconds", 0, "seconds"),
        ),
    },
);
