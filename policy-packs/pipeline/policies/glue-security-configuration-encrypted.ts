import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem } from "../support/customer-key";
import { T } from "../support/types";

type Part = { mode: string; expected: string; key: string };

/** What each part of a Glue security configuration must say: the mode property, the KMS mode, the key property. */
const PARTS: Readonly<Record<string, Part>> = {
    cloudwatchEncryption: { mode: "cloudwatchEncryptionMode", expected: "SSE-KMS", key: "kmsKeyArn" },
    jobBookmarksEncryption: { mode: "jobBookmarksEncryptionMode", expected: "CSE-KMS", key: "kmsKeyArn" },
    s3Encryption: { mode: "s3EncryptionMode", expected: "SSE-KMS", key: "kmsKeyArn" },
};

export const glueSecurityConfigurationEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "glue-security-configuration-encrypted",
    description: "Checks whether Glue security configurations encrypt logs, job bookmarks and S3 output with customer managed KMS keys.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `encryptionConfiguration` with `cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn }`, ' +
        '`jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", ' +
        'kmsKeyArn }` and `s3Encryption: { s3EncryptionMode: "SSE-KMS", ' +
        "kmsKeyArn }`.",
    resourceTypes: [T.glueSecurityConfiguration],
    peerChecks: { full: ["CKV_AWS_99"], partial: ["AwsSolutions-GL1", "AwsSolutions-GL3"] },
    validateResource: forTypes([T.glueSecurityConfiguration], (args, report) => {
        const config = (args.props.encryptionConfiguration ?? {}) as Record<string, Record<string, unknown> | undefined>;
        for (const [name, part] of Object.entries(PARTS)) {
            const block = config[name];
            const mode = block?.[part.mode];
            const problem =
                mode !== part.expected
                    ? `\`${name}.${part.mode}\` is \`${String(mode)}\`, not \`${part.expected}\``
                    : customerKeyProblem(block?.[part.key], `${name}.${part.key}`);
            if (problem) report(`Glue security configuration \`${args.name}\` must encrypt with a customer managed KMS key: ${problem}.`);
        }
    }),
};
