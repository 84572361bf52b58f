import { mustBeTrue, settingPolicy, unless } from "../support/data-settings";
import { isAurora } from "../support/database-engines";
import { T } from "../support/types";

const copyTags = mustBeTrue("copyTagsToSnapshot");

export const rdsCopyTagsToSnapshot = settingPolicy(
    {
        id: "rds-copy-tags-to-snapshot",
        description: "Checks whether RDS instances and clusters copy their tags (owner, data classification) to their snapshots.",
        severity: "low",
        enforcementLevel: "advisory",
        waivable: true,
        remediationSteps: "Set `copyTagsToSnapshot: true` so snapshots keep the owner and data-classification tags their database has.",
        peerChecks: { full: ["CKV2_AWS_60", "CKV_AWS_313"] },
    },
    {
        // Aurora instances take the setting from their cluster.
        [T.rdsInstance]: unless(
            (args) => (isAurora(args.props.engine) ? "Aurora instances copy tags as their cluster says." : undefined),
            copyTags,
        ),
        [T.rdsCluster]: copyTags,
    },
);
