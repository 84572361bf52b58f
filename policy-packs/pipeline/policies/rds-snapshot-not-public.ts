import { asArray } from "../support/props";
import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

// `sharedAccounts: ["all"]` makes a snapshot restorable by every AWS account.
const notPublic: SettingCheck = (args) =>
    asArray(args.props.sharedAccounts as string[] | undefined).some((a) => String(a).toLowerCase() === "all")
        ? `${subject(args.type, args.name)} must not be shared with all AWS accounts (\`sharedAccounts\` contains \`all\`).`
        : undefined;

export const rdsSnapshotNotPublic = settingPolicy(
    {
        id: "rds-snapshot-not-public",
        description: "Checks whether RDS snapshots and snapshot copies are not shared publicly.",
        severity: "critical",
        enforcementLevel: "mandatory",
        waivable: false,
        remediationSteps: "Remove `all` from `sharedAccounts`; share a snapshot only with named account ids that need it.",
        peerChecks: { full: ["CKV_AWS_302"] },
    },
    {
        [T.rdsSnapshot]: notPublic,
        [T.rdsClusterSnapshot]: notPublic,
        [T.rdsSnapshotCopy]: notPublic,
        [T.rdsClusterSnapshotCopy]: notPublic,
    },
);
