import type { PolicyResource } from "@pulumi/policy";
import { known, ofTypes } from "./props";
import { BUCKET_TYPES } from "./types";

/**
 * In @pulumi/aws 7 a bucket's settings (versioning, logging, lifecycle, replication, object lock,
 * ACL, policy...) are resources of their own that name the bucket. This links them to their
 * buckets in one pass over the stack, with the same rules as `refersTo`: the engine's property
 * dependencies when present (exact), else the bucket's name or id by value (state documents),
 * else a plain dependency. One index per policy run keeps a stack of thousands of buckets linear.
 */
export interface BucketSettings {
    /** The stack's buckets (`aws.s3.Bucket`, `aws.s3.BucketV2`). */
    readonly buckets: readonly PolicyResource[];
    /** The settings resources that name `bucket` through `prop` (default `bucket`). */
    of(bucket: PolicyResource): readonly PolicyResource[];
}

function bucketsByName(buckets: readonly PolicyResource[]): Map<string, PolicyResource> {
    const byName = new Map<string, PolicyResource>();
    for (const b of buckets) {
        for (const key of ["id", "bucket"]) {
            const v = known(() => b.props[key]);
            if (typeof v === "string" && v.length > 0) byName.set(v, b);
        }
    }
    return byName;
}

/** The buckets `setting` names through `prop`, by URN. */
export function bucketsNamedBy(
    setting: PolicyResource,
    prop: string,
    bucketUrns: ReadonlySet<string>,
    byName: ReadonlyMap<string, PolicyResource>,
): string[] {
    const deps = setting.propertyDependencies[prop];
    if (deps && deps.length > 0) return deps.filter((d) => bucketUrns.has(d.urn)).map((d) => d.urn);
    const value = known(() => setting.props[prop]);
    if (typeof value === "string") {
        const b = byName.get(value);
        if (b) return [b.urn];
    }
    return setting.dependencies.filter((d) => bucketUrns.has(d.urn)).map((d) => d.urn);
}

/** Indexes the stack's buckets and the resources of `types` that name them through `prop`. */
export function bucketSettings(resources: readonly PolicyResource[], types: readonly string[], prop = "bucket"): BucketSettings {
    const buckets = ofTypes(resources, BUCKET_TYPES);
    const byUrn = new Map<string, PolicyResource[]>();
    if (buckets.length > 0) {
        const urns = new Set(buckets.map((b) => b.urn));
        const byName = bucketsByName(buckets);
        for (const s of ofTypes(resources, types)) {
            for (const urn of bucketsNamedBy(s, prop, urns, byName)) {
                const list = byUrn.get(urn);
                if (list) list.push(s);
                else byUrn.set(urn, [s]);
            }
        }
    }
    return { buckets, of: (b) => byUrn.get(b.urn) ?? [] };
}

/** The bucket's tag value for `key` (its own tags; provider default tags do not name roles). */
export function bucketTag(bucket: PolicyResource, key: string): string | undefined {
    const tags = known(() => bucket.props.tags) as Record<string, unknown> | undefined;
    const v = tags && typeof tags === "object" ? known(() => tags[key]) : undefined;
    return typeof v === "string" ? v : undefined;
}
