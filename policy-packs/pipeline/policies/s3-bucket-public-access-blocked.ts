import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes, refersTo } from "../support/props";
import { BUCKET_TYPES, T } from "../support/types";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** Stack policy: "every bucket has a public access block" spans two resources. */
export const s3BucketPublicAccessBlocked: StackPolicyDefinition = {
    kind: "stack",
    id: "s3-bucket-public-access-blocked",
    description: "Checks whether every S3 bucket has a public access block with all four settings on.",
    severity: "critical",
    controls: { "pci-dss-v4.0": ["1.3.1", "1.4.4"] },
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.s3.BucketPublicAccessBlock` for the bucket with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.",
    resourceTypes: [...BUCKET_TYPES, T.bucketPublicAccessBlock],
    validateStack: (args, report) => {
        const buckets = ofTypes(args.resources, BUCKET_TYPES);
        if (buckets.length === 0) args.notApplicable("The stack declares no S3 bucket.");
        const blocks = ofTypes(args.resources, [T.bucketPublicAccessBlock]);
        for (const b of buckets) {
            const mine = blocks.filter((x) => refersTo(x, "bucket", b, ["bucket"]));
            if (mine.length === 0) {
                report(`S3 bucket \`${b.name}\` must have an aws.s3.BucketPublicAccessBlock.`, b.urn);
                continue;
            }
            const off = FLAGS.filter((f) => !mine.some((x) => x.props[f] === true));
            if (off.length > 0) report(`The public access block of S3 bucket \`${b.name}\` must turn on ${off.join(", ")}.`, b.urn);
        }
    },
};
