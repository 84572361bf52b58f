import { mustNotBeTrue, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

const notPublic = mustNotBeTrue("publiclyAccessible", "publicly accessible");

export const redshiftNotPubliclyAccessible = settingPolicy(
    {
        id: "redshift-not-publicly-accessible",
        description: "Checks whether Redshift clusters and serverless workgroups are not publicly accessible.",
        severity: "critical",
        enforcementLevel: "mandatory",
        waivable: false,
        remediationSteps: "Set `publiclyAccessible: false` (the default) and reach the warehouse from inside the VPC.",
        // The provider's default is private, so unset is as private as the peers' explicit false.
        peerChecks: { full: ["AwsSolutions-RS8", "PCI.DSS.321-RedshiftClusterPublicAccess", "CKV_AWS_87"] },
    },
    { [T.redshiftCluster]: notPublic, [T.redshiftServerlessWorkgroup]: notPublic },
);
