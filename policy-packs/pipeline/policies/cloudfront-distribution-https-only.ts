import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { behaviorName, cacheBehaviors } from "../support/cloudfront";
import { T } from "../support/types";

export const cloudfrontDistributionHttpsOnly: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudfront-distribution-https-only",
    description:
        "Checks whether CloudFront distributions serve viewers over HTTPS only (redirect or refuse plain HTTP) in every cache behaviour.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `viewerProtocolPolicy` to `redirect-to-https` (or `https-only`) in the default and every ordered cache behaviour.",
    peerChecks: { full: ["CKV_AWS_34", "aws-cloudfront-distribution-disallow-unencrypted-traffic"] },
    resourceTypes: [T.cloudfrontDistribution],
    validateResource: forTypes([T.cloudfrontDistribution], (args, report) => {
        cacheBehaviors(args.props).forEach((b, i) => {
            if (b.viewerProtocolPolicy !== "redirect-to-https" && b.viewerProtocolPolicy !== "https-only")
                report(
                    `CloudFront distribution \`${args.name}\` must not serve plain HTTP in ${behaviorName(b, i)} ` +
                        `(\`viewerProtocolPolicy\` is \`${String(b.viewerProtocolPolicy)}\`).`,
                );
        });
    }),
};
