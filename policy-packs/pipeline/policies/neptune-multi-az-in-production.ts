import { asArray } from "../support/props";
import { onlyInProduction, PRODUCTION_SCHEMA, SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

// A subnet group spanning zones lets Neptune place a replica elsewhere; pinning one zone does not.
const spread: SettingCheck = (args) => {
    onlyInProduction(args, "Multi-AZ");
    const problems: string[] = [];
    if (!args.props.neptuneSubnetGroupName)
        problems.push(
            `${subject(args.type, args.name)} must set \`neptuneSubnetGroupName\` ` +
                `to a subnet group spanning availability zones in production.`,
        );
    if (asArray(args.props.availabilityZones as string[] | undefined).length === 1)
        problems.push(
            `${subject(args.type, args.name)} must not be pinned to one availability zone in production (\`availabilityZones\`).`,
        );
    return problems.length > 0 ? problems : undefined;
};

export const neptuneMultiAzInProduction = settingPolicy(
    {
        id: "neptune-multi-az-in-production",
        description: "Checks whether Neptune clusters in production environments can place replicas across availability zones.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Give production clusters a `neptuneSubnetGroupName` over subnets in two or more zones, and a read replica in a second zone.",
        configSchema: { properties: PRODUCTION_SCHEMA },
        // Partial: development clusters are not judged; the peer judges every environment.
        peerChecks: { partial: ["AwsSolutions-N1"] },
    },
    { [T.neptuneCluster]: spread },
);
