import { mustBeTrue, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const dmsAutoMinorVersionUpgrade = settingPolicy(
    {
        id: "dms-auto-minor-version-upgrade",
        description: "Checks whether DMS replication instances take minor engine upgrades automatically.",
        severity: "medium",
        controls: { "pci-dss-v4.0": ["6.3.3"] },
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps: "Set `autoMinorVersionUpgrade: true`.",
        peerChecks: { full: ["CKV_AWS_222"] },
    },
    { [T.dmsReplicationInstance]: mustBeTrue("autoMinorVersionUpgrade") },
);
