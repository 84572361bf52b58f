import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

export const cloudfrontDistributionWaf: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudfront-distribution-waf",
    description: "Checks whether CloudFront distributions are protected by a WAF web ACL.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `webAclId` to the ARN of a global (`scope: CLOUDFRONT`, us-east-1) WAFv2 web ACL with the AWS managed rule groups.",
    // Checkov's graph check also needs the anonymous-IP and known-bad-inputs groups in that ACL (`wafv2-web-acl-managed-rules`).
    peerChecks: { full: ["CKV_AWS_68", "AwsSolutions-CFR2", "aws-cloudfront-distribution-configure-waf"], partial: ["CKV2_AWS_47"] },
    resourceTypes: [T.cloudfrontDistribution],
    validateResource: forTypes([T.cloudfrontDistribution], (args, report) => {
        if (!isPresent(args.props.webAclId))
            report(`CloudFront distribution \`${args.name}\` must be protected by a WAF web ACL (\`webAclId\`).`);
    }),
};
