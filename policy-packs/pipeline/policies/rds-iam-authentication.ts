import { mustBeTrue, settingPolicy, unless } from "../support/data-settings";
import { supportsIamAuthentication } from "../support/database-engines";
import { T } from "../support/types";

const iamAuth = unless(
    (args) =>
        supportsIamAuthentication(args.props.engine)
            ? undefined
            : `IAM database authentication is available for MySQL, MariaDB and ` +
              `PostgreSQL only (engine is \`${String(args.props.engine)}\`).`,
    mustBeTrue("iamDatabaseAuthenticationEnabled"),
);

export const rdsIamAuthentication = settingPolicy(
    {
        id: "rds-iam-authentication",
        description: "Checks whether RDS MySQL, MariaDB and PostgreSQL instances and clusters accept IAM database authentication.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Set `iamDatabaseAuthenticationEnabled: true` so people and services " +
            "connect with short-lived IAM tokens (`rds-db:connect`) instead of " +
            "shared passwords; the master password stays for break-glass use.",
        peerChecks: { full: ["AwsSolutions-RDS6", "CKV_AWS_161", "CKV_AWS_162"] },
    },
    { [T.rdsInstance]: iamAuth, [T.rdsCluster]: iamAuth },
);
