import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

// ALLOW_ALL lets anyone with ledger API access run every PartiQL command on every table.
const standard: SettingCheck = (args) =>
    args.props.permissionsMode === "STANDARD"
        ? undefined
        : `${subject(args.type, args.name)} must use \`permissionsMode: ` +
          `"STANDARD"\` so IAM policies grant table-level PartiQL permissions.`;

export const qldbLedgerStandardPermissions = settingPolicy(
    {
        id: "qldb-ledger-standard-permissions",
        description: "Checks whether QLDB ledgers use the STANDARD permissions mode (table-level IAM permissions) rather than ALLOW_ALL.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps: 'Set `permissionsMode: "STANDARD"` and grant `qldb:PartiQL*` actions per table in IAM.',
        peerChecks: { full: ["CKV_AWS_170"] },
    },
    { [T.qldbLedger]: standard },
);
