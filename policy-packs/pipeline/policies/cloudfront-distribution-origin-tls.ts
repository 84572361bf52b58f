import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { originsOf } from "../support/cloudfront";
import { asArray } from "../support/props";
import { T } from "../support/types";

interface Config {
    allowedOriginProtocols: string[];
}

export const cloudfrontDistributionOriginTls: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudfront-distribution-origin-tls",
    description: "Checks whether CloudFront distributions reach custom origins over HTTPS only, with TLS 1.2 or later.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set each custom origin\'s `customOriginConfig` to `originProtocolPolicy: "https-only"` and `originSslProtocols: ["TLSv1.2"]`.',
    configSchema: {
        properties: { allowedOriginProtocols: { type: "array", items: { type: "string" }, minItems: 1, default: ["TLSv1.2"] } },
    },
    peerChecks: {
        full: [
            "CKV2_AWS_72",
            "CKV2_AWS_54",
            "AwsSolutions-CFR5",
            "aws-cloudfront-distribution-enable-tls-to-origin",
            "aws-cloudfront-distribution-configure-secure-tls-to-origin",
        ],
    },
    resourceTypes: [T.cloudfrontDistribution],
    validateResource: forTypes([T.cloudfrontDistribution], (args, report) => {
        const custom = originsOf(args.props).filter((o) => o.customOriginConfig);
        if (custom.length === 0) return args.notApplicable("The distribution has no custom origin.");
        const { allowedOriginProtocols } = args.getConfig<Config>();
        for (const o of custom) {
            const config = o.customOriginConfig!;
            const id = String(o.originId);
            if (config.originProtocolPolicy !== "https-only")
                report(
                    `CloudFront distribution \`${args.name}\` must reach origin \`${id}\` ` +
                        `over HTTPS only (\`originProtocolPolicy: https-only\`).`,
                );
            const weak = asArray(config.originSslProtocols as string[]).filter((p) => !allowedOriginProtocols.includes(p));
            if (weak.length > 0)
                report(
                    `CloudFront distribution \`${args.name}\` must not offer origin \`${id}\` ${weak.join(", ")} ` +
                        `(allowed: ${allowedOriginProtocols.join(", ")}).`,
                );
        }
    }),
};
