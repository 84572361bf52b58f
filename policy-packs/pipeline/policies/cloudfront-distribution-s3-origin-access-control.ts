import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isS3DomainName, isS3WebsiteDomainName, originsOf } from "../support/cloudfront";
import { isPresent } from "../support/present";
import { T } from "../support/types";

interface Config {
    allowOriginAccessIdentity: boolean;
}

export const cloudfrontDistributionS3OriginAccessControl: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudfront-distribution-s3-origin-access-control",
    description:
        "Checks whether CloudFront distributions reach S3 origins through the " +
        "bucket's REST endpoint with an origin access control, so the bucket " +
        "stays private.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Create an `aws.cloudfront.OriginAccessControl` " +
        '(`originAccessControlOriginType: "s3"`, `signingBehavior: "always"`), ' +
        "point the origin at the " +
        "bucket's regional domain name (not its website endpoint), set " +
        "`originAccessControlId`, and allow `cloudfront.amazonaws.com` with " +
        "`aws:SourceArn` of the distribution in the bucket policy.",
    configSchema: { properties: { allowOriginAccessIdentity: { type: "boolean", default: false } } },
    peerChecks: { full: ["AwsSolutions-CFR7", "CKV2_AWS_46"] },
    resourceTypes: [T.cloudfrontDistribution],
    validateResource: forTypes([T.cloudfrontDistribution], (args, report) => {
        const { allowOriginAccessIdentity } = args.getConfig<Config>();
        let judged = 0;
        for (const o of originsOf(args.props)) {
            if (isPresent(o.originAccessControlId)) {
                judged++;
                continue;
            }
            // Only an origin without OAC needs its domain name read (often another resource's output).
            const domain = o.domainName;
            if (o.customOriginConfig) {
                if (typeof domain === "string" && isS3WebsiteDomainName(domain)) {
                    judged++;
                    report(
                        `CloudFront distribution \`${args.name}\` must not serve origin ` +
                            `\`${String(o.originId)}\` from a public S3 website ` +
                            "endpoint; use the bucket's REST endpoint with an origin access control.",
                    );
                }
                continue;
            }
            if (!o.s3OriginConfig && !(typeof domain === "string" && isS3DomainName(domain))) continue;
            judged++;
            if (allowOriginAccessIdentity && isPresent(o.s3OriginConfig?.originAccessIdentity)) continue;
            report(
                `CloudFront distribution \`${args.name}\` must reach S3 origin \`${String(o.originId)}\` ` +
                    "through an origin access control (`originAccessControlId`).",
            );
        }
        if (judged === 0) args.notApplicable("The distribution has no S3 origin.");
    }),
};
