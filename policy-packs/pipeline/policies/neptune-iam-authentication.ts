import { mustBeTrue, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const neptuneIamAuthentication = settingPolicy(
    {
        id: "neptune-iam-authentication",
        description: "Checks whether Neptune clusters require IAM database authentication.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Set `iamDatabaseAuthenticationEnabled: true` and grant callers `neptune-db:*` actions on the cluster's resource id only.",
        peerChecks: { full: ["AwsSolutions-N5", "CKV_AWS_359"] },
    },
    { [T.neptuneCluster]: mustBeTrue("iamDatabaseAuthenticationEnabled") },
);
