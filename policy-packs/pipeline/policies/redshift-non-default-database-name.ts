import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

// Redshift names the first database `dev` when told nothing.
const named =
    (prop: string): SettingCheck =>
    (args) => {
        const name = args.props[prop];
        return typeof name === "string" && name !== "" && name !== "dev"
            ? undefined
            : `${subject(args.type, args.name)} must name its database (\`${prop}\`) rather than take the default \`dev\`.`;
    };

export const redshiftNonDefaultDatabaseName = settingPolicy(
    {
        id: "redshift-non-default-database-name",
        description:
            "Checks whether Redshift clusters and serverless namespaces name their first database rather than take the default `dev`.",
        severity: "low",
        enforcementLevel: "advisory",
        waivable: true,
        remediationSteps: "Set `databaseName` (namespaces: `dbName`) to the warehouse's own name.",
        peerChecks: { full: ["CKV_AWS_320"] },
    },
    { [T.redshiftCluster]: named("databaseName"), [T.redshiftServerlessNamespace]: named("dbName") },
);
