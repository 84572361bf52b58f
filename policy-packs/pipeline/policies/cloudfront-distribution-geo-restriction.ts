import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const cloudfrontDistributionGeoRestriction: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudfront-distribution-geo-restriction",
    description: "Checks whether CloudFront distributions restrict the countries they serve.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `restrictions.geoRestriction` to a `whitelist` of the countries " +
        "the service operates in (or a `blacklist` of sanctioned ones); waive " +
        "for " +
        "a service that is global by design.",
    peerChecks: { full: ["CKV_AWS_374", "AwsSolutions-CFR1"] },
    resourceTypes: [T.cloudfrontDistribution],
    validateResource: forTypes([T.cloudfrontDistribution], (args, report) => {
        const geo = (args.props.restrictions as { geoRestriction?: { restrictionType?: unknown } } | undefined)?.geoRestriction;
        if (!geo || geo.restrictionType === "none" || geo.restrictionType === undefined)
            report(`CloudFront distribution \`${args.name}\` must restrict the countries it serves (\`restrictions.geoRestriction\`).`);
    }),
};
