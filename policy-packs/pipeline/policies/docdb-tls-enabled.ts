import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { asArray } from "../support/props";
import { T } from "../support/types";

// DocumentDB's `tls` parameter: `enabled`, `tls1.2+`, `tls1.3+` encrypt; `disabled` accepts plaintext.
const tls: SettingCheck = (args) => {
    const p = asArray(args.props.parameters as Record<string, unknown>[] | undefined).find((x) => String(x.name).toLowerCase() === "tls");
    return p && String(p.value).toLowerCase() === "disabled"
        ? `${subject(args.type, args.name)} must not turn TLS off (\`tls\` is \`disabled\`).`
        : undefined;
};

export const docdbTlsEnabled = settingPolicy(
    {
        id: "docdb-tls-enabled",
        description: "Checks whether DocumentDB cluster parameter groups keep TLS on.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps: "Set the `tls` parameter to `enabled` (or `tls1.2+`), or leave it out: the default group requires TLS.",
        peerChecks: { full: ["CKV_AWS_90"] },
    },
    { [T.docdbClusterParameterGroup]: tls },
);
