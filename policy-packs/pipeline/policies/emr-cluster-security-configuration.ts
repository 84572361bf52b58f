import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/** Encryption of an EMR cluster (at rest and in transit) is declared in a security configuration the cluster names. */
export const emrClusterSecurityConfiguration: ResourcePolicyDefinition = {
    kind: "resource",
    id: "emr-cluster-security-configuration",
    description: "Checks whether EMR clusters run with a security configuration (where their encryption is declared).",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Create an `aws.emr.SecurityConfiguration` that encrypts at rest (local disks, EBS, S3 with KMS) and in transit (TLS), " +
        "and set the cluster's `securityConfiguration` to its name.",
    resourceTypes: [T.emrCluster],
    peerChecks: { full: ["CKV2_AWS_55"], partial: ["AwsSolutions-EMR4", "AwsSolutions-EMR5"] },
    validateResource: forTypes([T.emrCluster], (args, report) => {
        const name = args.props.securityConfiguration;
        if (typeof name !== "string" || name === "")
            report(`EMR cluster \`${args.name}\` must run with a security configuration (\`securityConfiguration\`).`);
    }),
};
