import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

export const cloudfrontDistributionOriginFailover: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudfront-distribution-origin-failover",
    description: "Checks whether CloudFront distributions fail over to a second origin when the first one fails.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Add an `originGroups` entry with two `members` (primary and secondary " +
        "origin) and `failoverCriteria.statusCodes` (e.g. 500, 502, 503, 504), " +
        "and route the cache behaviours to the group.",
    peerChecks: { full: ["CKV_AWS_310"] },
    resourceTypes: [T.cloudfrontDistribution],
    validateResource: forTypes([T.cloudfrontDistribution], (args, report) => {
        const groups = asArray(args.props.originGroups as { members?: unknown; failoverCriteria?: unknown }[]);
        if (groups.length === 0 || groups.some((g) => !g.failoverCriteria || asArray(g.members as unknown[]).length < 2))
            report(`CloudFront distribution \`${args.name}\` must have an origin group with two members and failover criteria.`);
    }),
};
