import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { bucketSettings } from "../support/bucket-settings";
import { asArray } from "../support/props";
import { BUCKET_TYPES, T } from "../support/types";

const SETTINGS = [T.bucketVersioning, T.bucketVersioningV2];

/** Versioning declared on the bucket itself: `versioning.enabled` (Bucket) or `versionings[].enabled` (BucketV2). */
function inlineEnabled(b: PolicyResource): boolean {
    const blocks = [...asArray(b.props.versioning as { enabled?: unknown }), ...asArray(b.props.versionings as { enabled?: unknown }[])];
    return blocks.length > 0 && blocks.every((v) => v.enabled === true);
}

/** Stack policy: in @pulumi/aws 7 versioning is its own resource (`BucketVersioning`). */
export const s3BucketVersioningEnabled: StackPolicyDefinition = {
    kind: "stack",
    id: "s3-bucket-versioning-enabled",
    description: "Checks whether every S3 bucket keeps object versions, so that an overwrite or delete can be undone.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: 'Add an `aws.s3.BucketVersioning` for the bucket with `versioningConfiguration: { status: "Enabled" }`.',
    resourceTypes: [...BUCKET_TYPES, ...SETTINGS],
    peerChecks: { full: ["CKV_AWS_21", "PCI.DSS.321-S3BucketVersioningEnabled"] },
    validateStack: (args, report) => {
        const index = bucketSettings(args.resources, SETTINGS);
        if (index.buckets.length === 0) args.notApplicable("The stack declares no S3 bucket.");
        for (const b of index.buckets) {
            const separate = index.of(b);
            const ok =
                separate.length > 0
                    ? separate.every((v) => (v.props.versioningConfiguration as { status?: unknown } | undefined)?.status === "Enabled")
                    : inlineEnabled(b);
            if (!ok)
                report(`S3 bucket \`${b.name}\` must have versioning enabled (aws.s3.BucketVersioning with status \`Enabled\`).`, b.urn);
        }
    },
};
