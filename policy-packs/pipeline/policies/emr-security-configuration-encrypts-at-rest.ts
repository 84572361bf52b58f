import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { parseMaybeJson } from "../support/props";
import { T } from "../support/types";

interface Config {
    allowedS3EncryptionModes: string[];
}

type AtRest = {
    S3EncryptionConfiguration?: { EncryptionMode?: unknown };
    LocalDiskEncryptionConfiguration?: { EncryptionKeyProviderType?: unknown; EnableEbsEncryption?: unknown };
};
type Encryption = { EnableAtRestEncryption?: unknown; AtRestEncryptionConfiguration?: AtRest };

export const emrSecurityConfigurationEncryptsAtRest: ResourcePolicyDefinition = {
    kind: "resource",
    id: "emr-security-configuration-encrypts-at-rest",
    description: "Checks whether EMR security configurations encrypt local disks, EBS volumes and EMRFS data in S3 with KMS.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "In `configuration`, set `EncryptionConfiguration.EnableAtRestEncryption: true` with `AtRestEncryptionConfiguration: { " +
        'S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS", AwsKmsKey }, ' +
        'LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey, EnableEbsEncryption: true } }`.',
    configSchema: {
        properties: { allowedS3EncryptionModes: { type: "array", items: { type: "string" }, default: ["SSE-KMS", "CSE-KMS"] } },
    },
    resourceTypes: [T.emrSecurityConfiguration],
    peerChecks: { full: ["CKV_AWS_349", "CKV_AWS_350"], partial: ["CKV_AWS_171", "AwsSolutions-EMR4"] },
    validateResource: forTypes([T.emrSecurityConfiguration], (args, report) => {
        const { allowedS3EncryptionModes } = args.getConfig<Config>();
        const doc = parseMaybeJson(args.props.configuration) as { EncryptionConfiguration?: Encryption } | undefined;
        const encryption = doc && typeof doc === "object" ? doc.EncryptionConfiguration : undefined;
        const what = `EMR security configuration \`${args.name}\``;
        if (encryption?.EnableAtRestEncryption !== true) {
            report(`${what} must encrypt at rest (\`EncryptionConfiguration.EnableAtRestEncryption: true\`).`);
            return;
        }
        const atRest = encryption.AtRestEncryptionConfiguration;
        const local = atRest?.LocalDiskEncryptionConfiguration;
        if (typeof local?.EncryptionKeyProviderType !== "string")
            report(`${what} must encrypt local disks (\`LocalDiskEncryptionConfiguration.EncryptionKeyProviderType\`).`);
        else if (local.EnableEbsEncryption !== true)
            report(`${what} must encrypt EBS volumes too (\`LocalDiskEncryptionConfiguration.EnableEbsEncryption: true\`).`);
        const mode = atRest?.S3EncryptionConfiguration?.EncryptionMode;
        if (typeof mode !== "string" || !allowedS3EncryptionModes.includes(mode))
            report(
                `${what} must encrypt EMRFS data in S3 with ${allowedS3EncryptionModes.join(" or ")} ` +
                    `(\`S3EncryptionConfiguration.EncryptionMode\` is \`${String(mode)}\`).`,
            );
    }),
};
