import type { StackPolicyDefinition } from "../../lib/model";
import { statementsOf } from "../support/iam";
import { asArray, ofTypes, parseMaybeJson, refersTo } from "../support/props";
import { BUCKET_TYPES, T } from "../support/types";

/** A Deny statement for every action when `aws:SecureTransport` is false. */
function deniesInsecureTransport(policy: unknown): boolean {
    const doc = parseMaybeJson(policy) as { Statement?: unknown } | undefined;
    const raw = asArray(doc?.Statement as Record<string, unknown>[]);
    return statementsOf(policy).some((s, i) => {
        if (s.effect !== "Deny") return false;
        const cond = raw[i]?.Condition as Record<string, Record<string, unknown>> | undefined;
        const v = cond?.Bool?.["aws:SecureTransport"];
        return (v === false || v === "false") && (s.actions.includes("s3:*") || s.actions.includes("*"));
    });
}

export const s3BucketTlsOnly: StackPolicyDefinition = {
    kind: "stack",
    id: "s3-bucket-tls-only",
    description: "Checks whether every S3 bucket policy denies requests that do not use TLS.",
    severity: "high",
    controls: { "pci-dss-v4.0": ["4.2.1"] },
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.s3.BucketPolicy` with a statement `Deny s3:*` on the bucket and its objects when `aws:SecureTransport` is false.",
    resourceTypes: [...BUCKET_TYPES, T.bucketPolicy],
    validateStack: (args, report) => {
        const buckets = ofTypes(args.resources, BUCKET_TYPES);
        if (buckets.length === 0) args.notApplicable("The stack declares no S3 bucket.");
        const policies = ofTypes(args.resources, [T.bucketPolicy]);
        for (const b of buckets) {
            const docs = [
                b.props.policy,
                ...policies.filter((p) => refersTo(p, "bucket", b, ["bucket"])).map((p) => p.props.policy),
            ].filter((d) => d !== undefined);
            if (!docs.some(deniesInsecureTransport))
                report(
                    `S3 bucket \`${b.name}\` must have a bucket policy denying requests without TLS (aws:SecureTransport false).`,
                    b.urn,
                );
        }
    },
};
