import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

const managed: SettingCheck = (args) =>
    args.props.manageMasterUserPassword === true
        ? undefined
        : `${subject(args.type, args.name)} must let Secrets Manager keep and ` +
          `rotate the master password (\`manageMasterUserPassword: true\`).`;

export const docdbManagedMasterPassword = settingPolicy(
    {
        id: "docdb-managed-master-password",
        description: "Checks whether DocumentDB clusters keep their master password in Secrets Manager rather than in the program.",
        severity: "medium",
        enforcementLevel: "advisory",
        waivable: true,
        remediationSteps:
            "Set `manageMasterUserPassword: true` and drop `masterPassword`; applications read the secret DocumentDB creates.",
        // Partial: cdk-nag also wants the user name from Secrets Manager.
        peerChecks: { partial: ["AwsSolutions-DOC3"] },
    },
    { [T.docdbCluster]: managed },
);
