import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { behaviorName, cacheBehaviors } from "../support/cloudfront";
import { isPresent } from "../support/present";
import { T } from "../support/types";

export const cloudfrontDistributionResponseHeadersPolicy: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudfront-distribution-response-headers-policy",
    description:
        "Checks whether every cache behaviour of a CloudFront distribution adds security headers through a response headers policy.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Attach an `aws.cloudfront.ResponseHeadersPolicy` with " +
        "`securityHeadersConfig` (HSTS, content type options, frame options, " +
        "referrer policy) — " +
        "or the managed `SecurityHeadersPolicy` — as `responseHeadersPolicyId` of every cache behaviour.",
    peerChecks: { full: ["CKV2_AWS_32"] },
    resourceTypes: [T.cloudfrontDistribution],
    validateResource: forTypes([T.cloudfrontDistribution], (args, report) => {
        cacheBehaviors(args.props).forEach((b, i) => {
            if (!isPresent(b.responseHeadersPolicyId))
                report(`CloudFront distribution \`${args.name}\` must attach a response headers policy to ${behaviorName(b, i)}.`);
        });
    }),
};
