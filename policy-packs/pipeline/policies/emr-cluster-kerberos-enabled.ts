import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/** Without Kerberos, anyone who reaches the cluster's applications acts as whichever Hadoop user they claim. */
export const emrClusterKerberosEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "emr-cluster-kerberos-enabled",
    description: "Checks whether EMR clusters authenticate users and services with Kerberos (a realm set).",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Enable Kerberos in the security configuration (`AuthenticationConfiguration.KerberosConfiguration`) and set " +
        "`kerberosAttributes: { realm, kdcAdminPassword }` on the cluster, the password from the secrets injector.",
    resourceTypes: [T.emrCluster],
    peerChecks: { full: ["PCI.DSS.321-EMRKerberosEnabled", "AwsSolutions-EMR6", "CKV_AWS_114"] },
    validateResource: forTypes([T.emrCluster], (args, report) => {
        const realm = (args.props.kerberosAttributes as { realm?: unknown } | undefined)?.realm;
        if (typeof realm !== "string" || realm === "")
            report(`EMR cluster \`${args.name}\` should authenticate with Kerberos (\`kerberosAttributes.realm\`).`);
    }),
};
