import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { bucketSettings, bucketTag } from "../support/bucket-settings";
import { asArray } from "../support/props";
import { BUCKET_TYPES, T } from "../support/types";

interface Config {
    environment: string;
    productionEnvironments: string[];
    roleTag: string;
    roles: string[];
}

const SETTINGS = [T.bucketObjectLock, T.bucketObjectLockV2];

type Retention = { mode?: unknown; days?: unknown; years?: unknown };
type LockRule = { defaultRetention?: Retention; defaultRetentions?: Retention[] };

function hasDefaultRetention(rules: unknown): boolean {
    return asArray(rules as LockRule[]).some((r) =>
        [...asArray(r.defaultRetention), ...asArray(r.defaultRetentions)].some(
            (d) => typeof d.mode === "string" && (typeof d.days === "number" || typeof d.years === "number"),
        ),
    );
}

/** Object lock switched on at creation: `objectLockEnabled` (both bucket types) or the legacy inline block. */
function lockEnabled(b: PolicyResource): boolean {
    if (b.props.objectLockEnabled === true) return true;
    const inline = b.props.objectLockConfiguration as { objectLockEnabled?: unknown } | undefined;
    return inline?.objectLockEnabled === "Enabled";
}

function inlineRetention(b: PolicyResource): boolean {
    const inline = b.props.objectLockConfiguration as { rule?: unknown; rules?: unknown } | undefined;
    return hasDefaultRetention(inline?.rule ?? inline?.rules);
}

/**
 * Stack policy: audit logs must not be alterable, not even by an administrator's mistake; in
 * production the log-archive buckets lock each object version for a default retention period.
 */
export const s3LogBucketObjectLockEnabled: StackPolicyDefinition = {
    kind: "stack",
    id: "s3-log-bucket-object-lock-enabled",
    description: "Checks whether production log-archive S3 buckets have object lock on with a default retention.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Create the log-archive bucket with `objectLockEnabled: true` and add an `aws.s3.BucketObjectLockConfiguration` with " +
        '`rule.defaultRetention` (`mode: "GOVERNANCE"` or `"COMPLIANCE"`, ' +
        "`days`); object lock can only be turned on when the bucket is created.",
    configSchema: {
        properties: {
            environment: { type: "string", default: "" },
            productionEnvironments: { type: "array", items: { type: "string" }, default: ["prod", "production"] },
            roleTag: { type: "string", default: "edf:role" },
            roles: { type: "array", items: { type: "string" }, default: ["log-archive"] },
        },
    },
    resourceTypes: [...BUCKET_TYPES, ...SETTINGS],
    peerChecks: { partial: ["CKV_AWS_143"] },
    validateStack: (args, report) => {
        const cfg = args.getConfig<Config>();
        const env = cfg.environment || args.stackTags.get("edf:environment") || "";
        if (!cfg.productionEnvironments.includes(env))
            args.notApplicable(`Object lock of log archives is required only in production (environment is \`${env || "unknown"}\`).`);
        const index = bucketSettings(args.resources, SETTINGS);
        const logBuckets = index.buckets.filter((b) => cfg.roles.includes(bucketTag(b, cfg.roleTag) ?? ""));
        if (logBuckets.length === 0) args.notApplicable("The stack declares no log-archive bucket.");
        for (const b of logBuckets) {
            if (!lockEnabled(b)) {
                report(`Log-archive bucket \`${b.name}\` must be created with object lock (\`objectLockEnabled: true\`).`, b.urn);
                continue;
            }
            const separate = index.of(b);
            const ok = separate.length > 0 ? separate.some((c) => hasDefaultRetention(c.props.rule)) : inlineRetention(b);
            if (!ok)
                report(
                    `Log-archive bucket \`${b.name}\` must lock objects by default ` +
                        `(aws.s3.BucketObjectLockConfiguration with \`rule.defaultRetention\`).`,
                    b.urn,
                );
        }
    },
};
