import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { subject } from "../support/data-settings";
import { parametersOf, redshiftGroupOf } from "../support/database-engines";
import { asArray, known, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

interface Config {
    requiredLogTypes: string[];
}

// The log types a Logging resource delivers: all of them to S3, the listed ones to CloudWatch.
function delivered(logging: PolicyResource): string[] | undefined {
    return known(() =>
        logging.props.logDestinationType === "cloudwatch"
            ? asArray(logging.props.logExports as string[] | undefined).map(String)
            : ["connectionlog", "userlog", "useractivitylog"],
    );
}

export const redshiftAuditLogging: StackPolicyDefinition = {
    kind: "stack",
    id: "redshift-audit-logging",
    description:
        "Checks whether Redshift clusters deliver their connection, user and " +
        "user-activity audit logs (aws.redshift.Logging with " +
        "`enable_user_activity_logging`) and serverless namespaces export them.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.redshift.Logging` for the cluster (to S3, or to " +
        "CloudWatch with `logExports` `connectionlog`, `userlog`, " +
        "`useractivitylog`), set `enable_user_activity_logging` to `true` in " +
        "its parameter group; give a serverless namespace those `logExports`.",
    configSchema: {
        properties: {
            requiredLogTypes: { type: "array", items: { type: "string" }, default: ["connectionlog", "userlog", "useractivitylog"] },
        },
    },
    peerChecks: { full: ["AwsSolutions-RS5", "AwsSolutions-RS11", "CKV_AWS_71"], partial: ["PCI.DSS.321-RedshiftClusterConfiguration"] },
    resourceTypes: [T.redshiftCluster, T.redshiftLogging, T.redshiftParameterGroup, T.redshiftServerlessNamespace],
    validateStack: (args, report) => {
        const { requiredLogTypes } = args.getConfig<Config>();
        const clusters = ofTypes(args.resources, [T.redshiftCluster]);
        const namespaces = ofTypes(args.resources, [T.redshiftServerlessNamespace]);
        if (clusters.length + namespaces.length === 0)
            args.notApplicable("The stack declares no Redshift cluster or serverless namespace.");
        const loggings = ofTypes(args.resources, [T.redshiftLogging]);
        for (const cluster of clusters) {
            const what = subject(cluster.type, cluster.name);
            const logging = loggings.find((l) => refersTo(l, "clusterIdentifier", cluster, ["clusterIdentifier"]));
            const types = logging ? delivered(logging) : [];
            const missing = types === undefined ? [] : requiredLogTypes.filter((t) => !types.includes(t));
            if (!logging) report(`${what} must deliver its audit logs (an aws.redshift.Logging for the cluster).`, cluster.urn);
            else if (missing.length > 0)
                report(`${what} must deliver its ${missing.map((m) => `\`${m}\``).join(", ")} logs (\`logExports\`).`, cluster.urn);
            if (requiredLogTypes.includes("useractivitylog")) {
                const ref = redshiftGroupOf(cluster, args.resources);
                // Parameters unknown at preview give no verdict; the default group and groups elsewhere log no activity we can see.
                const params = ref.kind === "declared" ? parametersOf(ref.group) : undefined;
                const off =
                    ref.kind === "declared"
                        ? params !== undefined && params.get("enable_user_activity_logging") !== "true"
                        : ref.kind !== "unknown";
                if (off)
                    report(
                        `${what} must log user activity (\`enable_user_activity_logging\` set ` +
                            `to \`true\` in a parameter group declared in this stack).`,
                        cluster.urn,
                    );
            }
        }
        for (const ns of namespaces) {
            const exported = asArray(ns.props.logExports as string[] | undefined).map(String);
            const missing = requiredLogTypes.filter((t) => !exported.includes(t));
            if (missing.length > 0)
                report(
                    `${subject(ns.type, ns.name)} must export its ${missing.map((m) => `\`${m}\``).join(", ")} logs (\`logExports\`).`,
                    ns.urn,
                );
        }
    },
};
