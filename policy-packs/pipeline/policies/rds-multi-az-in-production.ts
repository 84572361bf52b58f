import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    environment: string;
    productionEnvironments: string[];
}

export const rdsMultiAzInProduction: ResourcePolicyDefinition = {
    kind: "resource",
    id: "rds-multi-az-in-production",
    description: "Checks whether RDS instances in production environments are deployed across availability zones.",
    severity: "medium",
    controls: { "pci-dss-v4.0": ["12.10.1"] },
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `multiAz: true` on production database instances (Aurora clusters: run a replica in a second AZ).",
    configSchema: {
        properties: {
            environment: { type: "string", default: "" },
            productionEnvironments: { type: "array", items: { type: "string" }, default: ["prod", "production"] },
        },
    },
    resourceTypes: [T.rdsInstance],
    validateResource: forTypes([T.rdsInstance], (args, report) => {
        const cfg = args.getConfig<Config>();
        const env = cfg.environment || args.stackTags.get("edf:environment") || "";
        if (!cfg.productionEnvironments.includes(env))
            args.notApplicable(`Multi-AZ is required only in production (environment is \`${env || "unknown"}\`).`);
        if (args.props.multiAz !== true) report(`RDS instance \`${args.name}\` must be Multi-AZ in production (\`multiAz: true\`).`);
    }),
};
