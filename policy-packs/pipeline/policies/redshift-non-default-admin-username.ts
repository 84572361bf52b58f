import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

interface Config {
    forbiddenUsernames: string[];
}

const named =
    (prop: string, unset: string): SettingCheck =>
    (args) => {
        const { forbiddenUsernames } = args.getConfig<Config>();
        const name = String(args.props[prop] ?? unset).toLowerCase();
        return forbiddenUsernames.includes(name)
            ? `${subject(args.type, args.name)} must not use the well-known admin user name \`${name}\` (\`${prop}\`).`
            : undefined;
    };

export const redshiftNonDefaultAdminUsername = settingPolicy(
    {
        id: "redshift-non-default-admin-username",
        description:
            "Checks whether Redshift clusters and serverless namespaces name their admin user something other than a well-known default.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Set `masterUsername` (namespaces: `adminUsername`) to a name of your own, not `awsuser`, `admin` or `administrator`.",
        configSchema: {
            properties: {
                forbiddenUsernames: {
                    type: "array",
                    items: { type: "string" },
                    default: ["awsuser", "admin", "administrator", "root", "master"],
                },
            },
        },
        peerChecks: { full: ["AwsSolutions-RS3", "CKV_AWS_391"] },
    },
    {
        [T.redshiftCluster]: named("masterUsername", ""),
        // A namespace without an admin user name gets `admin`.
        [T.redshiftServerlessNamespace]: named("adminUsername", "admin"),
    },
);
