import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { BUCKET_TYPES, T } from "../support/types";

const TYPES = [...BUCKET_TYPES, T.bucketAcl, T.bucketAclV2, T.bucketObject, T.bucketObjectV2];

/** Canned ACLs that grant to everyone (`public-*`) or to every AWS account (`authenticated-read`). */
const PUBLIC_CANNED = new Set(["public-read", "public-read-write", "authenticated-read"]);
const PUBLIC_GROUPS = new Set([
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
]);

type Grant = { uri?: unknown; grantee?: { uri?: unknown } };

/** The grant URIs of `grants` (Bucket, BucketV2) and `accessControlPolicy.grants[].grantee` (BucketAcl). */
function grantUris(props: Record<string, unknown>): unknown[] {
    const acp = props.accessControlPolicy as { grants?: unknown } | undefined;
    return [...asArray(props.grants as Grant[]), ...asArray(acp?.grants as Grant[])].map((g) => g.uri ?? g.grantee?.uri);
}

export const s3BucketAclNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "s3-bucket-acl-not-public",
    description: "Checks whether S3 bucket and object ACLs grant access to all users or to all authenticated AWS users.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Remove the `public-read`, `public-read-write` or `authenticated-read` ACL and any grant to the AllUsers or AuthenticatedUsers " +
        'groups; better, disable ACLs (`aws.s3.BucketOwnershipControls` with `objectOwnership: "BucketOwnerEnforced"`).',
    resourceTypes: TYPES,
    // Checkov's CKV_AWS_20 also names `website`, which is not a canned ACL S3 accepts.
    peerChecks: { full: ["CKV_AWS_20", "CKV_AWS_57", "CKV_AWS_375", "CKV2_AWS_43", "aws-s3-bucket-disallow-public-read"] },
    validateResource: forTypes(TYPES, (args, report) => {
        const acl = args.props.acl;
        if (typeof acl === "string" && PUBLIC_CANNED.has(acl.toLowerCase()))
            report(`\`${args.name}\` must not use the public canned ACL \`${acl}\`.`);
        for (const uri of grantUris(args.props)) {
            if (typeof uri === "string" && PUBLIC_GROUPS.has(uri))
                report(`\`${args.name}\` must not grant access to the \`${uri.slice(uri.lastIndexOf("/") + 1)}\` group.`);
        }
    }),
};
