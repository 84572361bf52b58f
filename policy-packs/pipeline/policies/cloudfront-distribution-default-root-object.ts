import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

export const cloudfrontDistributionDefaultRootObject: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudfront-distribution-default-root-object",
    description:
        "Checks whether CloudFront distributions name a default root object, so a request for `/` cannot list or reach the origin's root.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Set `defaultRootObject` (e.g. `index.html`); waive for an API-only distribution whose origin answers `/` itself.",
    peerChecks: { full: ["CKV_AWS_305"] },
    resourceTypes: [T.cloudfrontDistribution],
    validateResource: forTypes([T.cloudfrontDistribution], (args, report) => {
        if (!isPresent(args.props.defaultRootObject)) report(`CloudFront distribution \`${args.name}\` must set \`defaultRootObject\`.`);
    }),
};
