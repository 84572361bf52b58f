import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

interface Config {
    allowedCertificateAuthorities: string[];
}

// Unset takes the region's current default CA; a pinned old one expires and breaks clients that verify.
const currentCa =
    (prop: string): SettingCheck =>
    (args) => {
        const ca = args.props[prop];
        if (ca === undefined || ca === null) return undefined;
        const { allowedCertificateAuthorities } = args.getConfig<Config>();
        return allowedCertificateAuthorities.includes(String(ca))
            ? undefined
            : `${subject(args.type, args.name)} must use a current certificate ` +
                  `authority (\`${prop}\` is \`${String(ca)}\`; allowed: ${allowedCertificateAuthorities.join(", ")}).`;
    };

export const rdsCaCertificateCurrent = settingPolicy(
    {
        id: "rds-ca-certificate-current",
        description: "Checks whether RDS instances and clusters that name a server certificate authority name a current one.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Set `caCertIdentifier` (clusters: `caCertificateIdentifier`) to " +
            "`rds-ca-rsa2048-g1`, `rds-ca-rsa4096-g1` or `rds-ca-ecc384-g1`, or " +
            "leave it unset for the region's default, and give clients the new CA bundle.",
        configSchema: {
            properties: {
                allowedCertificateAuthorities: {
                    type: "array",
                    items: { type: "string" },
                    default: ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"],
                },
            },
        },
        peerChecks: { full: ["CKV_AWS_211"] },
    },
    {
        [T.rdsInstance]: currentCa("caCertIdentifier"),
        [T.rdsClusterInstance]: currentCa("caCertIdentifier"),
        [T.rdsCluster]: currentCa("caCertificateIdentifier"),
    },
);
