import { mustNotBeFalse, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const qldbLedgerDeletionProtection = settingPolicy(
    {
        id: "qldb-ledger-deletion-protection",
        description: "Checks whether QLDB ledgers keep deletion protection on.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps: "Remove `deletionProtection: false` (the default is on); a ledger's journal is an audit record.",
        peerChecks: { full: ["CKV_AWS_172"] },
    },
    { [T.qldbLedger]: mustNotBeFalse("deletionProtection") },
);
