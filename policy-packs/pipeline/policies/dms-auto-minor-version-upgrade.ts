import { mustBeTrue, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const dmsAutoMinorVersionUpgrade = settingPolicy(
    {
        id: "dms-auto-minor-version-upgrade",
        description: "Checks whether DMS replication instances take minor engine upgrades automatically.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps: "Set `autoMinorVersionUpgrade: true`.",
        peerChecks: { full: ["CKV_AWS_222"] },
    },
    { [T.dmsReplicationInstance]: mustBeTrue("autoMinorVersionUpgrade") },
);
