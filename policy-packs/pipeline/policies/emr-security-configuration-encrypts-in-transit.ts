import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { parseMaybeJson } from "../support/props";
import { T } from "../support/types";

type Encryption = {
    EnableInTransitEncryption?: unknown;
    InTransitEncryptionConfiguration?: { TLSCertificateConfiguration?: { CertificateProviderType?: unknown } };
};

export const emrSecurityConfigurationEncryptsInTransit: ResourcePolicyDefinition = {
    kind: "resource",
    id: "emr-security-configuration-encrypts-in-transit",
    description: "Checks whether EMR security configurations encrypt traffic between cluster nodes and applications with TLS.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "In `configuration`, set `EncryptionConfiguration.EnableInTransitEncryption: true` with " +
        '`InTransitEncryptionConfiguration: { TLSCertificateConfiguration: { CertificateProviderType: "PEM", S3Object } }`.',
    resourceTypes: [T.emrSecurityConfiguration],
    peerChecks: { full: ["CKV_AWS_351"], partial: ["AwsSolutions-EMR5"] },
    validateResource: forTypes([T.emrSecurityConfiguration], (args, report) => {
        const doc = parseMaybeJson(args.props.configuration) as { EncryptionConfiguration?: Encryption } | undefined;
        const encryption = doc && typeof doc === "object" ? doc.EncryptionConfiguration : undefined;
        const provider = encryption?.InTransitEncryptionConfiguration?.TLSCertificateConfiguration?.CertificateProviderType;
        if (encryption?.EnableInTransitEncryption !== true || typeof provider !== "string")
            report(
                `EMR security configuration \`${args.name}\` must encrypt in transit with TLS ` +
                    "(`EnableInTransitEncryption: true` and a `TLSCertificateConfiguration.CertificateProviderType`).",
            );
    }),
};
