import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { bucketSettings, bucketsNamedBy } from "../support/bucket-settings";
import { asArray, known } from "../support/props";
import { BUCKET_TYPES, T } from "../support/types";

interface Config {
    exemptLogTargets: boolean;
}

const SETTINGS = [T.bucketLogging, T.bucketLoggingV2];
const SETTING_TYPES: ReadonlySet<string> = new Set(SETTINGS);

type InlineLogging = { targetBucket?: unknown };

/** Logging declared on the bucket itself: `logging` (Bucket) or `loggings[]` (BucketV2). */
function inlineLogging(b: PolicyResource): InlineLogging[] {
    return [...asArray(b.props.logging as InlineLogging), ...asArray(b.props.loggings as InlineLogging[])].filter(
        (l) => l.targetBucket !== undefined && l.targetBucket !== "",
    );
}

/**
 * The URNs of the stack's buckets that receive another bucket's access logs. AWS advises that a
 * log target does not log into itself (each delivery would log a delivery), so targets are exempt,
 * as cdk-nag's S1 rule exempts them.
 */
function logTargets(resources: readonly PolicyResource[], buckets: readonly PolicyResource[]): Set<string> {
    const urns = new Set(buckets.map((b) => b.urn));
    const byName = new Map<string, PolicyResource>();
    for (const b of buckets) {
        const name = known(() => b.props.bucket);
        if (typeof name === "string") byName.set(name, b);
    }
    const targets = new Set<string>();
    for (const s of resources) {
        if (!SETTING_TYPES.has(s.type)) continue;
        for (const urn of bucketsNamedBy(s, "targetBucket", urns, byName)) targets.add(urn);
    }
    for (const b of buckets) {
        for (const prop of ["logging", "loggings"]) {
            for (const d of b.propertyDependencies[prop] ?? []) if (urns.has(d.urn) && d.urn !== b.urn) targets.add(d.urn);
        }
        for (const l of known(() => inlineLogging(b)) ?? []) {
            const t = typeof l.targetBucket === "string" ? byName.get(l.targetBucket) : undefined;
            if (t && t.urn !== b.urn) targets.add(t.urn);
        }
    }
    return targets;
}

/** Stack policy: in @pulumi/aws 7 server access logging is its own resource (`BucketLogging`). */
export const s3BucketAccessLoggingEnabled: StackPolicyDefinition = {
    kind: "stack",
    id: "s3-bucket-access-logging-enabled",
    description: "Checks whether every S3 bucket delivers server access logs to a log bucket (log buckets themselves excepted).",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.s3.BucketLogging` for the bucket with `targetBucket` set " +
        "to the landing zone's access-logs bucket and a `targetPrefix` naming " +
        "the bucket.",
    configSchema: { properties: { exemptLogTargets: { type: "boolean", default: true } } },
    resourceTypes: [...BUCKET_TYPES, ...SETTINGS],
    peerChecks: { full: ["AwsSolutions-S1", "PCI.DSS.321-S3BucketLoggingEnabled"], partial: ["CKV_AWS_18"] },
    validateStack: (args, report) => {
        const { exemptLogTargets } = args.getConfig<Config>();
        const index = bucketSettings(args.resources, SETTINGS);
        if (index.buckets.length === 0) args.notApplicable("The stack declares no S3 bucket.");
        const targets = exemptLogTargets ? logTargets(args.resources, index.buckets) : new Set<string>();
        for (const b of index.buckets) {
            if (index.of(b).length > 0 || targets.has(b.urn) || inlineLogging(b).length > 0) continue;
            report(`S3 bucket \`${b.name}\` must deliver server access logs to a log bucket (aws.s3.BucketLogging).`, b.urn);
        }
    },
};
