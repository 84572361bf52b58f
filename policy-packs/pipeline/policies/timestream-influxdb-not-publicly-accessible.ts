import { mustNotBeTrue, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const timestreamInfluxdbNotPubliclyAccessible = settingPolicy(
    {
        id: "timestream-influxdb-not-publicly-accessible",
        description: "Checks whether Timestream for InfluxDB instances are not publicly accessible.",
        severity: "critical",
        enforcementLevel: "mandatory",
        waivable: false,
        remediationSteps: "Set `publiclyAccessible: false` (the default) and reach the instance from inside the VPC.",
    },
    { [T.timestreamInfluxDbInstance]: mustNotBeTrue("publiclyAccessible", "publicly accessible") },
);
