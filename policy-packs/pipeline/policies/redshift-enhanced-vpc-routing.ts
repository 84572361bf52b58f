import { mustBeTrue, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

const routed = mustBeTrue("enhancedVpcRouting");

export const redshiftEnhancedVpcRouting = settingPolicy(
    {
        id: "redshift-enhanced-vpc-routing",
        description: "Checks whether Redshift clusters and serverless workgroups route COPY and UNLOAD traffic through the VPC.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Set `enhancedVpcRouting: true` so data loads and unloads pass the VPC's endpoints, security groups and flow logs.",
        peerChecks: { full: ["PCI.DSS.321-RedshiftEnhancedVPCRoutingEnabled", "CKV_AWS_321"] },
    },
    { [T.redshiftCluster]: routed, [T.redshiftServerlessWorkgroup]: routed },
);
