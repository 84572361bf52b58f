import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    environment: string;
    productionEnvironments: string[];
    minDedicatedMasters: number;
}

const DOMAINS = [T.openSearchDomain, T.elasticsearchDomain];

type Cluster = { zoneAwarenessEnabled?: unknown; dedicatedMasterEnabled?: unknown; dedicatedMasterCount?: unknown };

export const opensearchDomainHighlyAvailable: ResourcePolicyDefinition = {
    kind: "resource",
    id: "opensearch-domain-highly-available",
    description:
        "Checks whether production OpenSearch (and Elasticsearch) domains " +
        "spread their nodes across availability zones with dedicated master nodes.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `clusterConfig.zoneAwarenessEnabled: true` (with `zoneAwarenessConfig.availabilityZoneCount` 2 or 3 and an even " +
        "number of data nodes), `dedicatedMasterEnabled: true` and `dedicatedMasterCount: 3`.",
    configSchema: {
        properties: {
            environment: { type: "string", default: "" },
            productionEnvironments: { type: "array", items: { type: "string" }, default: ["prod", "production"] },
            minDedicatedMasters: { type: "integer", minimum: 1, default: 3 },
        },
    },
    resourceTypes: DOMAINS,
    peerChecks: { partial: ["AwsSolutions-OS4", "AwsSolutions-OS7", "CKV_AWS_318", "CKV2_AWS_59"] },
    validateResource: forTypes(DOMAINS, (args, report) => {
        const cfg = args.getConfig<Config>();
        const env = cfg.environment || args.stackTags.get("edf:environment") || "";
        if (!cfg.productionEnvironments.includes(env))
            args.notApplicable(`High availability is required only in production (environment is \`${env || "unknown"}\`).`);
        const cluster = args.props.clusterConfig as Cluster | undefined;
        if (cluster?.zoneAwarenessEnabled !== true)
            report(
                `OpenSearch domain \`${args.name}\` must spread its nodes across ` +
                    `availability zones (\`clusterConfig.zoneAwarenessEnabled: true\`).`,
            );
        const masters = cluster?.dedicatedMasterCount;
        if (cluster?.dedicatedMasterEnabled !== true || typeof masters !== "number" || masters < cfg.minDedicatedMasters)
            report(
                `OpenSearch domain \`${args.name}\` must run at least ${cfg.minDedicatedMasters} dedicated master nodes ` +
                    "(`clusterConfig.dedicatedMasterEnabled: true`, `dedicatedMasterCount`).",
            );
    }),
};
