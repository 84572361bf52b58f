import type { StackPolicyDefinition } from "../../lib/model";
import { bucketSettings } from "../support/bucket-settings";
import { asArray, ofTypes } from "../support/props";
import { isEveryone, rawStatements } from "../support/resource-policy";
import { BUCKET_TYPES, T } from "../support/types";

const ALL_ACTIONS = new Set(["s3:*", "*"]);

/**
 * A Deny of every S3 action, to everyone, on the bucket and on its objects, when
 * `aws:SecureTransport` is false. A narrower statement (one principal, objects only) leaves a
 * way in without TLS.
 */
function deniesInsecureTransport(policy: unknown): boolean {
    return rawStatements(policy).some((s) => {
        if (s.Effect !== "Deny" || !isEveryone(s.Principal)) return false;
        const v = (s.Condition as Record<string, Record<string, unknown>> | undefined)?.Bool?.["aws:SecureTransport"];
        if (v !== false && v !== "false") return false;
        if (!asArray(s.Action as string | string[]).some((a) => ALL_ACTIONS.has(String(a).toLowerCase()))) return false;
        const resources = asArray(s.Resource as string | string[]).map(String);
        return resources.some((r) => !r.includes("/")) && resources.some((r) => r.endsWith("/*"));
    });
}

export const s3BucketTlsOnly: StackPolicyDefinition = {
    kind: "stack",
    id: "s3-bucket-tls-only",
    description: "Checks whether every S3 bucket policy denies requests that do not use TLS.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Add an `aws.s3.BucketPolicy` with a statement `Deny s3:*` to `Principal: "*"` on the bucket and its objects ' +
        "(`arn`, `arn/*`) when `aws:SecureTransport` is false.",
    resourceTypes: [...BUCKET_TYPES, T.bucketPolicy],
    peerChecks: { full: ["AwsSolutions-S10", "PCI.DSS.321-S3BucketSSLRequestsOnly", "CKV_AWS_379"] },
    validateStack: (args, report) => {
        const policies = ofTypes(args.resources, [T.bucketPolicy]);
        const index = bucketSettings(args.resources, [T.bucketPolicy]);
        if (index.buckets.length === 0 && policies.length === 0) args.notApplicable("The stack declares no S3 bucket.");
        const linked = new Set<string>();
        for (const b of index.buckets) {
            const mine = index.of(b);
            for (const p of mine) linked.add(p.urn);
            const docs = [b.props.policy, ...mine.map((p) => p.props.policy)].filter((d) => d !== undefined);
            if (!docs.some(deniesInsecureTransport))
                report(
                    `S3 bucket \`${b.name}\` must have a bucket policy denying requests without TLS (aws:SecureTransport false).`,
                    b.urn,
                );
        }
        // A policy for a bucket of another stack is judged on its own.
        for (const p of policies) {
            if (!linked.has(p.urn) && !deniesInsecureTransport(p.props.policy))
                report(`Bucket policy \`${p.name}\` must deny requests without TLS (aws:SecureTransport false).`, p.urn);
        }
    },
};
