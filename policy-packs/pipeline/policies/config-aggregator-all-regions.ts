import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const configAggregatorAllRegions: ResourcePolicyDefinition = {
    kind: "resource",
    id: "config-aggregator-all-regions",
    description: "Checks whether AWS Config aggregators collect from every region, including regions enabled later.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `allRegions: true` on the aggregator's `accountAggregationSource` " +
        "or `organizationAggregationSource` (instead of a `regions` list).",
    resourceTypes: [T.configAggregator],
    peerChecks: { full: ["CKV_AWS_121"] },
    validateResource: forTypes([T.configAggregator], (args, report) => {
        const account = args.props.accountAggregationSource as { allRegions?: boolean } | undefined;
        const organization = args.props.organizationAggregationSource as { allRegions?: boolean } | undefined;
        if (account?.allRegions !== true && organization?.allRegions !== true)
            report(`Config aggregator \`${args.name}\` must aggregate every region (\`allRegions: true\`).`);
    }),
};
