import type { StackPolicyDefinition } from "../../lib/model";
import { bucketSettings } from "../support/bucket-settings";
import { ofTypes } from "../support/props";
import { BUCKET_TYPES, T } from "../support/types";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** Stack policy: "every bucket has a public access block" spans two resources. */
export const s3BucketPublicAccessBlocked: StackPolicyDefinition = {
    kind: "stack",
    id: "s3-bucket-public-access-blocked",
    description: "Checks whether every S3 bucket has a public access block with all four settings on.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.s3.BucketPublicAccessBlock` for the bucket with " +
        "blockPublicAcls, blockPublicPolicy, ignorePublicAcls and " +
        "restrictPublicBuckets all true.",
    resourceTypes: [...BUCKET_TYPES, T.bucketPublicAccessBlock],
    peerChecks: {
        full: [
            "CKV_AWS_53",
            "CKV_AWS_54",
            "CKV_AWS_55",
            "CKV_AWS_56",
            "CKV2_AWS_6",
            "AwsSolutions-S2",
            "PCI.DSS.321-S3BucketLevelPublicAccessProhibited",
            "PCI.DSS.321-S3BucketPublicReadProhibited",
            "PCI.DSS.321-S3BucketPublicWriteProhibited",
        ],
    },
    validateStack: (args, report) => {
        const blocks = ofTypes(args.resources, [T.bucketPublicAccessBlock]);
        const index = bucketSettings(args.resources, [T.bucketPublicAccessBlock]);
        if (index.buckets.length === 0 && blocks.length === 0) args.notApplicable("The stack declares no S3 bucket.");
        const linked = new Set<string>();
        for (const b of index.buckets) {
            const mine = index.of(b);
            for (const x of mine) linked.add(x.urn);
            if (mine.length === 0) {
                report(`S3 bucket \`${b.name}\` must have an aws.s3.BucketPublicAccessBlock.`, b.urn);
                continue;
            }
            const off = FLAGS.filter((f) => !mine.some((x) => x.props[f] === true));
            if (off.length > 0) report(`The public access block of S3 bucket \`${b.name}\` must turn on ${off.join(", ")}.`, b.urn);
        }
        // A block for a bucket of another stack is judged on its own.
        for (const x of blocks) {
            if (linked.has(x.urn)) continue;
            const off = FLAGS.filter((f) => x.props[f] !== true);
            if (off.length > 0) report(`Public access block \`${x.name}\` must turn on ${off.join(", ")}.`, x.urn);
        }
    },
};
