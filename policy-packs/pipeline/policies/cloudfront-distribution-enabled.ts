import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const cloudfrontDistributionEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudfront-distribution-enabled",
    description:
        "Checks whether CloudFront distributions are enabled: a disabled " +
        "distribution is unmonitored inventory that still carries a " +
        "certificate and DNS names.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Set `enabled: true`, or delete the distribution (and its DNS records) if it is no longer used.",
    peerChecks: { full: ["CKV_AWS_216"] },
    resourceTypes: [T.cloudfrontDistribution],
    validateResource: forTypes([T.cloudfrontDistribution], (args, report) => {
        if (args.props.enabled !== true) report(`CloudFront distribution \`${args.name}\` must be enabled or removed.`);
    }),
};
