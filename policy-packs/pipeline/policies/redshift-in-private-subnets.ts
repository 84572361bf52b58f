import { mustBeSet, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const redshiftInPrivateSubnets = settingPolicy(
    {
        id: "redshift-in-private-subnets",
        description: "Checks whether Redshift clusters and serverless workgroups are placed in chosen subnets rather than the default VPC.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Give the cluster an `aws.redshift.SubnetGroup` over the landing " +
            "zone's isolated subnets (`clusterSubnetGroupName`); a workgroup its `subnetIds`.",
        peerChecks: { full: ["AwsSolutions-RS2", "CKV_AWS_154"] },
    },
    {
        [T.redshiftCluster]: mustBeSet("clusterSubnetGroupName", "a subnet group over the isolated subnets"),
        [T.redshiftServerlessWorkgroup]: mustBeSet("subnetIds", "the isolated subnets"),
    },
);
