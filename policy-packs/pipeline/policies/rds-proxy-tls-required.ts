import { mustBeTrue, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const rdsProxyTlsRequired = settingPolicy(
    {
        id: "rds-proxy-tls-required",
        description: "Checks whether RDS proxies refuse connections without TLS.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps: "Set `requireTls: true` on the proxy; clients connect with TLS to the proxy endpoint.",
    },
    { [T.rdsProxy]: mustBeTrue("requireTls") },
);
