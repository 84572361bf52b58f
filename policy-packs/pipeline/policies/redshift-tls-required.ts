import type { StackPolicyDefinition } from "../../lib/model";
import { subject } from "../support/data-settings";
import { parametersOf, redshiftGroupOf, workgroupParameters } from "../support/database-engines";
import { ofTypes } from "../support/props";
import { T } from "../support/types";

export const redshiftTlsRequired: StackPolicyDefinition = {
    kind: "stack",
    id: "redshift-tls-required",
    description:
        "Checks whether Redshift clusters, their parameter groups and " +
        "serverless workgroups refuse connections without TLS (`require_ssl`).",
    severity: "high",
    // Announced first: attaching a parameter group that forces TLS restarts the database, so teams get until the date.
    enforcementLevel: "advisory",
    enforceAfter: "2027-03-01",
    waivable: true,
    remediationSteps:
        "Give the cluster an `aws.redshift.ParameterGroup` declared in the " +
        "same stack with `require_ssl` set to `true`; a serverless workgroup " +
        "`configParameters` with `require_ssl` = `true`.",
    peerChecks: { full: ["AwsSolutions-RS1", "PCI.DSS.321-RedshiftRequireTlsSSL", "CKV_AWS_105"] },
    resourceTypes: [T.redshiftCluster, T.redshiftParameterGroup, T.redshiftServerlessWorkgroup],
    validateStack: (args, report) => {
        const clusters = ofTypes(args.resources, [T.redshiftCluster]);
        const groups = ofTypes(args.resources, [T.redshiftParameterGroup]);
        const workgroups = ofTypes(args.resources, [T.redshiftServerlessWorkgroup]);
        if (clusters.length + groups.length + workgroups.length === 0)
            args.notApplicable("The stack declares no Redshift cluster, parameter group or workgroup.");
        const requiresTls = (params: Map<string, string> | undefined) => params?.get("require_ssl") === "true";
        for (const group of groups) {
            if (!requiresTls(parametersOf(group, false)))
                report(`${subject(group.type, group.name)} must set \`require_ssl\` to \`true\`.`, group.urn);
        }
        for (const cluster of clusters) {
            const ref = redshiftGroupOf(cluster, args.resources);
            const what = subject(cluster.type, cluster.name);
            if (ref.kind === "default")
                report(
                    `${what} must use a parameter group with \`require_ssl\` set to \`true\` (the default group accepts plaintext).`,
                    cluster.urn,
                );
            else if (ref.kind === "external")
                report(
                    `${what} must use a parameter group declared in this stack with ` +
                        `\`require_ssl\` set to \`true\` (\`${ref.name}\` cannot be checked).`,
                    cluster.urn,
                );
        }
        for (const wg of workgroups) {
            if (!requiresTls(workgroupParameters(wg)))
                report(`${subject(wg.type, wg.name)} must set \`require_ssl\` to \`true\` in \`configParameters\`.`, wg.urn);
        }
    },
};
