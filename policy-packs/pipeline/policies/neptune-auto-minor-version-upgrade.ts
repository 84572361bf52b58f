import { mustNotBeFalse, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const neptuneAutoMinorVersionUpgrade = settingPolicy(
    {
        id: "neptune-auto-minor-version-upgrade",
        description: "Checks whether Neptune instances take minor engine upgrades automatically.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps: "Remove `autoMinorVersionUpgrade: false` (the default is on).",
        // The provider's default is on, so unset is as upgraded as the peer's explicit true.
        peerChecks: { full: ["AwsSolutions-N2"] },
    },
    { [T.neptuneClusterInstance]: mustNotBeFalse("autoMinorVersionUpgrade") },
);
