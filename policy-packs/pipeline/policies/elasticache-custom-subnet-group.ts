import { SettingCheck, settingPolicy, subject, unless } from "../support/data-settings";
import { memberOfGroup } from "../support/cache-engines";
import { T } from "../support/types";

// Without a subnet group of its own, a cache lands in the default VPC's (public) subnets.
const subnetGroup =
    (prop: string): SettingCheck =>
    (args) => {
        const v = args.props[prop];
        return typeof v === "string" && v !== "" && v !== "default"
            ? undefined
            : `${subject(args.type, args.name)} must be placed in the isolated subnets by a subnet group of its own (\`${prop}\`).`;
    };

const subnets: SettingCheck = (args) =>
    Array.isArray(args.props.subnetIds) && args.props.subnetIds.length > 0
        ? undefined
        : `${subject(args.type, args.name)} must be placed in the isolated subnets (\`subnetIds\`).`;

export const elasticacheCustomSubnetGroup = settingPolicy(
    {
        id: "elasticache-custom-subnet-group",
        description:
            "Checks whether ElastiCache and MemoryDB caches are placed in the " +
            "isolated subnets by their own subnet group, not the default one.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Create an `aws.elasticache.SubnetGroup` (MemoryDB: " +
            "`aws.memorydb.SubnetGroup`) over the landing zone's isolated subnets " +
            "and set `subnetGroupName`; serverless caches take `subnetIds`.",
        // Partial for Checkov: a cluster that joins a replication group is not judged (the group carries the setting).
        peerChecks: { full: ["AwsSolutions-AEC1"], partial: ["CKV_AWS_323"] },
    },
    {
        [T.elasticacheCluster]: unless(memberOfGroup, subnetGroup("subnetGroupName")),
        [T.elasticacheReplicationGroup]: subnetGroup("subnetGroupName"),
        [T.memorydbCluster]: subnetGroup("subnetGroupName"),
        [T.elasticacheServerlessCache]: subnets,
    },
);
