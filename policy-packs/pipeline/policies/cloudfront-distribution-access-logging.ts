import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

export const cloudfrontDistributionAccessLogging: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudfront-distribution-access-logging",
    description: "Checks whether CloudFront distributions write standard access logs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `loggingConfig.bucket` to the log-archive bucket's regional domain name (with a `prefix` per distribution).",
    peerChecks: {
        full: [
            "AwsSolutions-CFR3",
            "CKV_AWS_86",
            "aws-cloudfront-distribution-configure-access-logging",
            "aws-cloudfront-distribution-enable-access-logging",
        ],
    },
    resourceTypes: [T.cloudfrontDistribution],
    validateResource: forTypes([T.cloudfrontDistribution], (args, report) => {
        const logging = args.props.loggingConfig as { bucket?: unknown } | undefined;
        if (!logging || !isPresent(logging.bucket))
            report(`CloudFront distribution \`${args.name}\` must write access logs (\`loggingConfig.bucket\`).`);
    }),
};
