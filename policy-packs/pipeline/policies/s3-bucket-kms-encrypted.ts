import type { StackPolicyDefinition } from "../../lib/model";
import { bucketSettings } from "../support/bucket-settings";
import { isCustomerManagedKey } from "../support/customer-key";
import { asArray } from "../support/props";
import { BUCKET_TYPES, T } from "../support/types";

interface Config {
    requireCustomerManagedKey: boolean;
}

type Default = { sseAlgorithm?: unknown; kmsMasterKeyId?: unknown };
type Rule = { applyServerSideEncryptionByDefault?: Default; applyServerSideEncryptionByDefaults?: Default[] };

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

/** Whether every rule encrypts with KMS (and, when asked, with a customer managed key). */
function usesKms(rules: unknown, customerKey: boolean): boolean {
    const defaults = asArray(rules as Rule[]).flatMap((r) => [
        ...asArray(r.applyServerSideEncryptionByDefault),
        ...asArray(r.applyServerSideEncryptionByDefaults),
    ]);
    return (
        defaults.length > 0 &&
        defaults.every((d) => KMS_ALGORITHMS.includes(String(d.sseAlgorithm)) && (!customerKey || isCustomerManagedKey(d.kmsMasterKeyId)))
    );
}

/** The rules a bucket declares inline: `serverSideEncryptionConfiguration.rule` (Bucket) or `…Configurations[].rules` (BucketV2). */
function inlineRules(props: Record<string, unknown>): unknown[] {
    const legacy = props.serverSideEncryptionConfiguration as { rule?: unknown; rules?: unknown } | undefined;
    const v2 = asArray(props.serverSideEncryptionConfigurations as { rules?: unknown }[]);
    return [...asArray(legacy?.rules ?? legacy?.rule), ...v2.flatMap((c) => asArray(c.rules))];
}

/** Stack policy: in @pulumi/aws 7 encryption is its own resource (`BucketServerSideEncryptionConfiguration`). */
export const s3BucketKmsEncrypted: StackPolicyDefinition = {
    kind: "stack",
    id: "s3-bucket-kms-encrypted",
    description: "Checks whether every S3 bucket encrypts objects by default with a customer managed KMS key (SSE-KMS or DSSE-KMS).",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.s3.BucketServerSideEncryptionConfiguration` for the bucket with " +
        '`sseAlgorithm: "aws:kms"` and `kmsMasterKeyId` set to a customer managed key.',
    configSchema: { properties: { requireCustomerManagedKey: { type: "boolean", default: true } } },
    resourceTypes: [...BUCKET_TYPES, T.bucketSse, T.bucketSseV2],
    // The peers accept `aws:kms` only; DSSE-KMS (two layers of KMS encryption) passes here, so they are partial.
    peerChecks: {
        full: ["aws-s3-bucket-enable-server-side-encryption", "aws-s3-bucket-configure-server-side-encryption-customer-managed-key"],
        partial: ["CKV_AWS_19", "CKV_AWS_145", "PCI.DSS.321-S3DefaultEncryptionKMS", "aws-s3-bucket-configure-server-side-encryption-kms"],
    },
    validateStack: (args, report) => {
        const { requireCustomerManagedKey } = args.getConfig<Config>();
        const index = bucketSettings(args.resources, [T.bucketSse, T.bucketSseV2]);
        if (index.buckets.length === 0) args.notApplicable("The stack declares no S3 bucket.");
        for (const b of index.buckets) {
            const separate = index.of(b);
            const ok =
                separate.length > 0
                    ? separate.every((c) => usesKms(c.props.rules, requireCustomerManagedKey))
                    : usesKms(inlineRules(b.props), requireCustomerManagedKey);
            if (!ok)
                report(
                    `S3 bucket \`${b.name}\` must be encrypted by default with KMS` +
                        (requireCustomerManagedKey ? " using a customer managed key" : "") +
                        " (aws.s3.BucketServerSideEncryptionConfiguration, sseAlgorithm aws:kms, kmsMasterKeyId).",
                    b.urn,
                );
        }
    },
};
