import { mustBeTrue, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const neptuneCopyTagsToSnapshot = settingPolicy(
    {
        id: "neptune-copy-tags-to-snapshot",
        description: "Checks whether Neptune clusters copy their tags (owner, data classification) to their snapshots.",
        severity: "low",
        enforcementLevel: "advisory",
        waivable: true,
        remediationSteps: "Set `copyTagsToSnapshot: true`.",
        peerChecks: { full: ["CKV_AWS_362"] },
    },
    { [T.neptuneCluster]: mustBeTrue("copyTagsToSnapshot") },
);
