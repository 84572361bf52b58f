import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/** ACLs are a second, easily overlooked way to grant access; with `BucketOwnerEnforced` only policies decide. */
export const s3BucketAclsDisabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "s3-bucket-acls-disabled",
    description: "Checks whether S3 bucket ownership controls disable ACLs (BucketOwnerEnforced).",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `rule.objectOwnership: "BucketOwnerEnforced"` on the `aws.s3.BucketOwnershipControls` and grant access with bucket ' +
        "policies only (CloudFront standard logging to S3 is the one AWS feature that still needs ACLs: waive it for that bucket).",
    resourceTypes: [T.bucketOwnershipControls],
    peerChecks: { full: ["CKV2_AWS_65"] },
    validateResource: forTypes([T.bucketOwnershipControls], (args, report) => {
        const ownership = (args.props.rule as { objectOwnership?: unknown } | undefined)?.objectOwnership;
        if (ownership !== "BucketOwnerEnforced")
            report(
                `Ownership controls \`${args.name}\` must disable ACLs ` +
                    `(\`objectOwnership: "BucketOwnerEnforced"\`, not \`${String(ownership)}\`).`,
            );
    }),
};
