import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { bucketSettings } from "../support/bucket-settings";
import { asArray, ofTypes } from "../support/props";
import { BUCKET_TYPES, T } from "../support/types";

const SETTINGS = [T.bucketLifecycle, T.bucketLifecycleV2];

type Filter = { prefix?: unknown; tag?: unknown; objectSizeGreaterThan?: unknown; objectSizeLessThan?: unknown; and?: Filter };
type Rule = { status?: unknown; filter?: Filter; prefix?: unknown; abortIncompleteMultipartUpload?: { daysAfterInitiation?: unknown } };
type InlineRule = { enabled?: unknown; prefix?: unknown; tags?: unknown; abortIncompleteMultipartUploadDays?: unknown };

const unset = (v: unknown): boolean => v === undefined || v === null || v === "" || v === 0;

/** Whether a rule's filter selects every object (absent, or empty down to its `and`). */
function selectsEverything(f: Filter | undefined): boolean {
    if (!f) return true;
    return (
        unset(f.prefix) && f.tag === undefined && unset(f.objectSizeGreaterThan) && unset(f.objectSizeLessThan) && selectsEverything(f.and)
    );
}

function abortsUploads(rules: unknown): boolean {
    return asArray(rules as Rule[]).some(
        (r) =>
            r.status === "Enabled" &&
            typeof r.abortIncompleteMultipartUpload?.daysAfterInitiation === "number" &&
            unset(r.prefix) &&
            selectsEverything(r.filter),
    );
}

/** Lifecycle rules declared on the bucket itself (`lifecycleRules`, Bucket and BucketV2). */
function inlineRules(b: PolicyResource): InlineRule[] {
    return asArray(b.props.lifecycleRules as InlineRule[]);
}

function inlineAbortsUploads(rules: readonly InlineRule[]): boolean {
    return rules.some(
        (r) =>
            r.enabled === true &&
            typeof r.abortIncompleteMultipartUploadDays === "number" &&
            (r.prefix === undefined || r.prefix === "") &&
            (r.tags === undefined || Object.keys(r.tags as object).length === 0),
    );
}

/** Stack policy: in @pulumi/aws 7 the lifecycle is its own resource (`BucketLifecycleConfiguration`). */
export const s3BucketLifecycleConfigured: StackPolicyDefinition = {
    kind: "stack",
    id: "s3-bucket-lifecycle-configured",
    description:
        "Checks whether every S3 bucket has a lifecycle configuration that, at least, aborts incomplete multipart uploads of every object.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Add an `aws.s3.BucketLifecycleConfiguration` for the bucket with an enabled rule, `filter: {}`, and " +
        "`abortIncompleteMultipartUpload: { daysAfterInitiation: 7 }`, plus the expirations the data's retention calls for.",
    resourceTypes: [...BUCKET_TYPES, ...SETTINGS],
    peerChecks: { full: ["CKV2_AWS_61", "CKV_AWS_300"] },
    validateStack: (args, report) => {
        const configs = ofTypes(args.resources, SETTINGS);
        const index = bucketSettings(args.resources, SETTINGS);
        if (index.buckets.length === 0 && configs.length === 0) args.notApplicable("The stack declares no S3 bucket.");
        const linked = new Set<string>();
        for (const b of index.buckets) {
            const separate = index.of(b);
            for (const c of separate) linked.add(c.urn);
            const inline = separate.length > 0 ? [] : inlineRules(b);
            if (separate.length === 0 && inline.length === 0) {
                report(`S3 bucket \`${b.name}\` should have a lifecycle configuration (aws.s3.BucketLifecycleConfiguration).`, b.urn);
                continue;
            }
            const ok = separate.length > 0 ? separate.some((c) => abortsUploads(c.props.rules)) : inlineAbortsUploads(inline);
            if (!ok)
                report(
                    `The lifecycle of S3 bucket \`${b.name}\` should abort incomplete multipart uploads of every object ` +
                        "(an enabled rule with `abortIncompleteMultipartUpload` and no filter).",
                    b.urn,
                );
        }
        // A lifecycle for a bucket of another stack is judged on its own.
        for (const c of configs) {
            if (!linked.has(c.urn) && !abortsUploads(c.props.rules))
                report(`Lifecycle configuration \`${c.name}\` should abort incomplete multipart uploads of every object.`, c.urn);
        }
    },
};
