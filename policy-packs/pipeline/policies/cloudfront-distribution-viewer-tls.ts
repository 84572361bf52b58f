import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

/** TLS 1.2 or later, with current ciphers. */
export const DEFAULT_ALLOWED_VIEWER_PROTOCOLS = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];

interface Config {
    allowedMinimumProtocolVersions: string[];
}

export const cloudfrontDistributionViewerTls: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudfront-distribution-viewer-tls",
    description:
        "Checks whether CloudFront distributions serve viewers with their own " +
        "certificate (SNI) and an allowed minimum TLS version (1.2 or later).",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `viewerCertificate` to `{ acmCertificateArn, sslSupportMethod: " +
        '"sni-only", minimumProtocolVersion: "TLSv1.2_2021" }`: the CloudFront ' +
        "default certificate allows TLS 1.0.",
    configSchema: {
        properties: {
            allowedMinimumProtocolVersions: {
                type: "array",
                items: { type: "string" },
                minItems: 1,
                default: DEFAULT_ALLOWED_VIEWER_PROTOCOLS,
            },
        },
    },
    // The compliance-policies rule accepts TLSv1.2_2021 only; the 2025 policies allowed here are stronger.
    peerChecks: {
        full: ["CKV_AWS_174", "CKV2_AWS_42", "AwsSolutions-CFR4"],
        partial: ["aws-cloudfront-distribution-configure-secure-tls"],
    },
    resourceTypes: [T.cloudfrontDistribution],
    validateResource: forTypes([T.cloudfrontDistribution], (args, report) => {
        const cert = (args.props.viewerCertificate ?? {}) as Record<string, unknown>;
        if (cert.cloudfrontDefaultCertificate === true || !(isPresent(cert.acmCertificateArn) || isPresent(cert.iamCertificateId))) {
            report(
                `CloudFront distribution \`${args.name}\` must serve its own certificate ` +
                    "(`viewerCertificate.acmCertificateArn`), not the CloudFront default.",
            );
            return;
        }
        if (cert.sslSupportMethod !== "sni-only")
            report(`CloudFront distribution \`${args.name}\` must set \`viewerCertificate.sslSupportMethod\` to \`sni-only\`.`);
        const { allowedMinimumProtocolVersions } = args.getConfig<Config>();
        const version = cert.minimumProtocolVersion;
        if (typeof version !== "string" || !allowedMinimumProtocolVersions.includes(version))
            report(
                `CloudFront distribution \`${args.name}\` must set \`viewerCertificate.minimumProtocolVersion\` to ` +
                    `${allowedMinimumProtocolVersions[0]} or another allowed version, not \`${String(version ?? "the default")}\`.`,
            );
    }),
};
