import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, ofTypes, refersTo } from "../support/props";
import { BUCKET_TYPES, T } from "../support/types";

interface Rule {
    applyServerSideEncryptionByDefault?: { sseAlgorithm?: string };
}

function usesKms(rules: unknown): boolean {
    const list = asArray(rules as Rule[]);
    return (
        list.length > 0 &&
        list.every((r) => ["aws:kms", "aws:kms:dsse"].includes(String(r.applyServerSideEncryptionByDefault?.sseAlgorithm)))
    );
}

/** Stack policy: in @pulumi/aws 7 encryption is its own resource (`BucketServerSideEncryptionConfiguration`). */
export const s3BucketKmsEncrypted: StackPolicyDefinition = {
    kind: "stack",
    id: "s3-bucket-kms-encrypted",
    description: "Checks whether every S3 bucket encrypts objects by default with KMS (SSE-KMS or DSSE-KMS).",
    severity: "high",
    controls: { "pci-dss-v4.0": ["3.5.1"] },
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Add an `aws.s3.BucketServerSideEncryptionConfiguration` for the bucket with `sseAlgorithm: "aws:kms"` and a customer managed key.',
    resourceTypes: [...BUCKET_TYPES, T.bucketSse, T.bucketSseV2],
    validateStack: (args, report) => {
        const buckets = ofTypes(args.resources, BUCKET_TYPES);
        if (buckets.length === 0) args.notApplicable("The stack declares no S3 bucket.");
        const configs = ofTypes(args.resources, [T.bucketSse, T.bucketSseV2]);
        for (const b of buckets) {
            const inline = (b.props.serverSideEncryptionConfiguration as { rules?: unknown; rule?: unknown } | undefined) ?? undefined;
            const separate = configs.filter((c) => refersTo(c, "bucket", b, ["bucket"]));
            const ok =
                separate.length > 0
                    ? separate.every((c) => usesKms(c.props.rules))
                    : inline !== undefined && usesKms(inline.rules ?? inline.rule);
            if (!ok)
                report(
                    `S3 bucket \`${b.name}\` must be encrypted by default with KMS (aws.s3.BucketServerSideEncryptionConfiguration, sseAlgorithm aws:kms).`,
                    b.urn,
                );
        }
    },
};
