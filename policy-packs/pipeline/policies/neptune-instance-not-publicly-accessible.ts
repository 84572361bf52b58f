import { mustNotBeTrue, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const neptuneInstanceNotPubliclyAccessible = settingPolicy(
    {
        id: "neptune-instance-not-publicly-accessible",
        description: "Checks whether Neptune instances are not publicly accessible.",
        severity: "critical",
        enforcementLevel: "mandatory",
        waivable: false,
        remediationSteps: "Set `publiclyAccessible: false` (the default) and reach the graph from inside the VPC.",
        peerChecks: { full: ["CKV_AWS_102"] },
    },
    { [T.neptuneClusterInstance]: mustNotBeTrue("publiclyAccessible", "publicly accessible") },
);
