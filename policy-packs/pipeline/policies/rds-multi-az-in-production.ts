import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

interface Config {
    environment: string;
    productionEnvironments: string[];
}

export const rdsMultiAzInProduction: ResourcePolicyDefinition = {
    kind: "resource",
    id: "rds-multi-az-in-production",
    description: "Checks whether RDS instances and clusters in production environments are deployed across availability zones.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `multiAz: true` on production database instances; do not pin a " +
        "production cluster's `availabilityZones` to one zone (Aurora " +
        "clusters: run a replica in a second AZ).",
    configSchema: {
        properties: {
            environment: { type: "string", default: "" },
            productionEnvironments: { type: "array", items: { type: "string" }, default: ["prod", "production"] },
        },
    },
    // Partial: development databases are not judged, and an Aurora cluster's replica count is not read; the peers judge every environment.
    peerChecks: { partial: ["AwsSolutions-RDS3", "CKV_AWS_157", "aws-rds-cluster-disallow-single-availability-zone"] },
    resourceTypes: [T.rdsInstance, T.rdsCluster],
    validateResource: forTypes([T.rdsInstance, T.rdsCluster], (args, report) => {
        const cfg = args.getConfig<Config>();
        const env = cfg.environment || args.stackTags.get("edf:environment") || "";
        if (!cfg.productionEnvironments.includes(env))
            args.notApplicable(`Multi-AZ is required only in production (environment is \`${env || "unknown"}\`).`);
        if (args.type === T.rdsCluster) {
            const zones = asArray(args.props.availabilityZones as string[] | undefined);
            if (zones.length === 1)
                report(`RDS cluster \`${args.name}\` must not be pinned to one availability zone in production (\`availabilityZones\`).`);
            return;
        }
        // Aurora instances are placed by their cluster.
        if (String(args.props.engine ?? "").startsWith("aurora"))
            args.notApplicable("Aurora instances take their placement from their cluster.");
        if (args.props.multiAz !== true) report(`RDS instance \`${args.name}\` must be Multi-AZ in production (\`multiAz: true\`).`);
    }),
};
