import * as assert from "assert";
import type { PolicyResource } from "@pulumi/policy";
import { bucketSettings, bucketTag } from "../../../../../policy-packs/pipeline/support/bucket-settings";
import { T } from "../../../../../policy-packs/pipeline/support/types";

/** A minimal stack-policy view of a resource. */
function view(type: string, name: string, props: Record<string, unknown>): PolicyResource {
    const r = { type, name, urn: `urn:${type}::${name}`, props, opts: {}, dependencies: [], propertyDependencies: {} };
    return r as unknown as PolicyResource;
}

describe("bucket settings index", () => {
    it("links settings to buckets by property dependency, else by bucket name or id, else by dependency", () => {
        const a = view(T.bucket, "a", { bucket: "bucket-a" });
        const b = view(T.bucketV2, "b", { id: "bucket-b" });
        const c = view(T.bucket, "c", {});
        const byRef = view(T.bucketVersioning, "a-v", { bucket: "renamed" });
        byRef.propertyDependencies.bucket = [a];
        const byName = view(T.bucketVersioning, "b-v", { bucket: "bucket-b" });
        const byDep = view(T.bucketVersioningV2, "c-v", {});
        byDep.dependencies.push(c);
        const stray = view(T.bucketVersioning, "x-v", { bucket: "elsewhere" });
        const index = bucketSettings([a, b, c, byRef, byName, byDep, stray], [T.bucketVersioning, T.bucketVersioningV2]);
        assert.deepStrictEqual(index.buckets, [a, b, c]);
        assert.deepStrictEqual(
            [index.of(a), index.of(b), index.of(c)].map((list) => list.map((s) => s.name)),
            [["a-v"], ["b-v"], ["c-v"]],
        );
    });

    it("links through another property (a logging target)", () => {
        const source = view(T.bucket, "source", { bucket: "source" });
        const target = view(T.bucket, "target", { bucket: "target" });
        const logging = view(T.bucketLogging, "source-logging", { bucket: "source", targetBucket: "target" });
        const index = bucketSettings([source, target, logging], [T.bucketLogging], "targetBucket");
        assert.deepStrictEqual(
            index.of(target).map((s) => s.name),
            ["source-logging"],
        );
        assert.deepStrictEqual(index.of(source), []);
    });

    it("reads a bucket's own tags", () => {
        assert.strictEqual(bucketTag(view(T.bucket, "a", { tags: { "edf:role": "log-archive" } }), "edf:role"), "log-archive");
        assert.strictEqual(bucketTag(view(T.bucket, "a", {}), "edf:role"), undefined);
    });
});
